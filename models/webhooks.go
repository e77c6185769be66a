package models

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/events"
)

// Webhook event types: every type of the live event stream, and the test
// event. A delivery of EventTest is sent only by "send test event", to the
// one webhook it is asked for.
const (
	EventClaimPublished = events.ClaimPublished
	EventClaimCorrected = events.ClaimCorrected
	EventTest           = "webhook.test"
)

// WebhookEvents lists the event types a webhook can subscribe to: those of
// the live event stream, so that a newsroom's CMS hears of the same changes
// a desk sees, in the order given on the admin page.
func WebhookEvents() []string {
	return []string{events.ClaimPublished, events.ClaimCorrected, events.ClaimCreated, events.ClaimUpdated,
		events.ClaimVerdict, events.ClaimVerifiability, events.ClaimAssigned, events.ClaimSignedOff,
		events.EvidenceAdded, events.EvidenceRemoved, events.CandidateProposed}
}

// Webhook is a URL told about events, with the secret its deliveries are
// signed with. The secret is never shown again after creation.
type Webhook struct {
	ID          int64     `json:"id"`
	URL         string    `json:"url"`
	Events      []string  `json:"events"`
	Active      bool      `json:"active"`
	CreatedByID *int64    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Counts by delivery status, for the admin page.
	Pending   int64 `json:"pending"`
	Delivered int64 `json:"delivered"`
	Failed    int64 `json:"failed"`
}

// webhookRow is a Webhook as stored: events as ",a,b," so that one LIKE
// finds the webhooks of an event type.
type webhookRow struct {
	ID          int64
	URL         string
	Secret      string
	Events      string
	Active      bool
	CreatedByID *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (webhookRow) TableName() string { return "webhooks" }

func (r *webhookRow) webhook() Webhook {
	return Webhook{ID: r.ID, URL: r.URL, Events: strings.Split(strings.Trim(r.Events, ","), ","), Active: r.Active,
		CreatedByID: r.CreatedByID, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// WebhookInput is a new webhook. An empty secret gets a random one, shown
// once in the answer.
type WebhookInput struct {
	URL    string
	Events []string
	Secret string
}

// Secret lengths: long enough that it cannot be guessed, short enough for
// a configuration field.
const (
	MinWebhookSecret = 16
	MaxWebhookSecret = 200
)

// CreateWebhook subscribes a URL to event types (admins only; the handler
// checks the role). It returns the webhook and its secret.
func (s *Store) CreateWebhook(ctx context.Context, actor *User, in WebhookInput) (*Webhook, string, error) {
	f := map[string]string{}
	u := strings.TrimSpace(in.URL)
	checkText(f, "url", u, true, MaxURLLen)
	if _, bad := f["url"]; !bad {
		checkURL(f, "url", u)
	}
	events, msg := normaliseEvents(in.Events)
	if msg != "" {
		f["events"] = msg
	}
	secret := strings.TrimSpace(in.Secret)
	switch {
	case secret == "":
		secret = randomToken(24)
	case len(secret) < MinWebhookSecret || len(secret) > MaxWebhookSecret:
		f["secret"] = "must be 16 to 200 characters (leave it empty for a random one)"
	}
	if len(f) > 0 {
		return nil, "", &ValidationError{Fields: f}
	}
	now := s.Now()
	row := webhookRow{URL: u, Secret: secret, Events: "," + strings.Join(events, ",") + ",", Active: true,
		CreatedByID: &actor.ID, CreatedAt: now, UpdatedAt: now}
	if err := s.write(ctx, func(tx *gorm.DB) error { return tx.Create(&row).Error }); err != nil {
		return nil, "", err
	}
	w := row.webhook()
	return &w, secret, nil
}

// normaliseEvents checks the event types, dropping repeats; it returns a
// message when they are not acceptable.
func normaliseEvents(in []string) ([]string, string) {
	seen := map[string]bool{}
	var out []string
	for _, e := range in {
		e = strings.TrimSpace(e)
		if e == "" || seen[e] {
			continue
		}
		known := false
		for _, k := range WebhookEvents() {
			known = known || k == e
		}
		if !known {
			return nil, "unknown event type " + e + "; use " + strings.Join(WebhookEvents(), ", ")
		}
		seen[e] = true
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, "choose at least one of " + strings.Join(WebhookEvents(), ", ")
	}
	return out, ""
}

// Webhooks lists every webhook with its deliveries counted by status.
func (s *Store) Webhooks(ctx context.Context) ([]Webhook, error) {
	var rows []webhookRow
	if err := s.read(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	var counts []struct {
		WebhookID int64
		Status    string
		N         int64
	}
	if err := s.read(ctx).Raw(`SELECT webhook_id, status, COUNT(*) AS n FROM webhook_deliveries GROUP BY webhook_id, status`).
		Scan(&counts).Error; err != nil {
		return nil, err
	}
	out := make([]Webhook, len(rows))
	at := map[int64]int{}
	for i := range rows {
		out[i] = rows[i].webhook()
		at[rows[i].ID] = i
	}
	for _, c := range counts {
		w := &out[at[c.WebhookID]]
		switch c.Status {
		case "pending":
			w.Pending = c.N
		case "delivered":
			w.Delivered = c.N
		case "failed":
			w.Failed = c.N
		}
	}
	return out, nil
}

// Webhook loads one webhook (without its secret).
func (s *Store) Webhook(ctx context.Context, id int64) (*Webhook, error) {
	var row webhookRow
	if err := s.read(ctx).First(&row, id).Error; err != nil {
		return nil, err
	}
	w := row.webhook()
	return &w, nil
}

// SetWebhookActive pauses or resumes a webhook. A paused webhook gets no new
// deliveries; those already queued are still sent.
func (s *Store) SetWebhookActive(ctx context.Context, id int64, active bool) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&webhookRow{}).Where("id = ?", id).Updates(map[string]any{"active": active, "updated_at": s.Now()})
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	})
}

// webhookPayload is the JSON body of a delivery (before "sent_at" is added).
// Claim is the claim as it stands after the change, for events about one;
// StoryID and Detail are the event's own (the candidates a check proposed,
// the evidence added or removed).
type webhookPayload struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	At         time.Time       `json:"at"`
	StoryID    int64           `json:"story_id,omitempty"`
	Claim      *PublicClaim    `json:"claim,omitempty"`
	Correction *Correction     `json:"correction,omitempty"`
	Detail     json.RawMessage `json:"detail,omitempty"`
}

// queuePublished records the claim.published event in the sign-off's own
// transaction; like every event, it is queued for the webhooks that want it.
func (s *Store) queuePublished(tx *gorm.DB, actor *User, claimID int64, now time.Time) error {
	return RecordClaimEvent(tx, events.ClaimPublished, claimID, &actor.ID, now, nil)
}

// queueCorrected records and queues claim.corrected in the correction's
// transaction, with the correction in the deliveries.
func (s *Store) queueCorrected(tx *gorm.DB, actor *User, c *Correction, now time.Time) error {
	return recordClaimEvent(tx, events.ClaimCorrected, c.ClaimID, &actor.ID, now,
		map[string]any{"correction_id": c.ID, "update_line": c.UpdateLine}, c)
}

// queueWebhooks adds a delivery of an event just recorded for every active
// webhook subscribed to its type. Every event is recorded through
// RecordClaimEvent or RecordEvent, which call it in the transaction that
// made the event happen, so the event is queued if and only if the change is
// committed: a crash loses neither. The sender picks new deliveries up within
// its poll interval (a second), or at once when the write wakes it.
func queueWebhooks(tx *gorm.DB, p webhookPayload, claimID int64) error {
	var hooks []int64
	if err := tx.Model(&webhookRow{}).Where("active = ? AND events LIKE ?", true, "%,"+p.Type+",%").
		Order("id").Pluck("id", &hooks).Error; err != nil {
		return err
	}
	if len(hooks) == 0 {
		return nil
	}
	var claim *int64
	if claimID != 0 {
		c, err := claimInTx(tx.Statement.Context, tx, claimID)
		if err != nil {
			return err
		}
		if p.Claim, err = publicClaimOf(tx.Statement.Context, tx, c); err != nil {
			return err
		}
		claim = &claimID
	}
	for _, h := range hooks {
		if err := insertDelivery(tx, h, p.Type, claim, p, p.At); err != nil {
			return err
		}
	}
	return nil
}

// insertDelivery queues one delivery, due at once.
func insertDelivery(tx *gorm.DB, webhookID int64, typ string, claimID *int64, p webhookPayload, now time.Time) error {
	p.ID = "dlv_" + randomToken(12)
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO webhook_deliveries(webhook_id, delivery_id, event_type, claim_id, payload, status,
		next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
		webhookID, p.ID, typ, claimID, string(body), now, now).Error
}

// SendTestEvent queues a webhook.test delivery to one webhook, whatever it
// subscribes to, so an admin can check the receiver end to end.
func (s *Store) SendTestEvent(ctx context.Context, webhookID int64) error {
	if _, err := s.Webhook(ctx, webhookID); err != nil {
		return err
	}
	now := s.Now()
	err := s.write(ctx, func(tx *gorm.DB) error {
		return insertDelivery(tx, webhookID, EventTest, nil, webhookPayload{Type: EventTest, At: now}, now)
	})
	if err == nil {
		s.wakeWebhooks()
	}
	return err
}
