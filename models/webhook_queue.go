package models

import (
	"context"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/webhook"
)

// WebhookDelivery is one event queued for one webhook, with its attempts.
type WebhookDelivery struct {
	ID             int64            `json:"id"`
	WebhookID      int64            `json:"webhook_id"`
	DeliveryID     string           `json:"delivery_id"`
	EventType      string           `json:"type"`
	ClaimID        *int64           `json:"claim_id"`
	Status         string           `json:"status"`
	Attempts       int              `json:"attempts"`
	NextAttemptAt  time.Time        `json:"next_attempt_at"`
	LastStatus     int              `json:"last_status"`
	LastError      string           `json:"last_error"`
	CreatedAt      time.Time        `json:"created_at"`
	FirstAttemptAt *time.Time       `json:"first_attempt_at"`
	FinishedAt     *time.Time       `json:"finished_at"`
	Log            []WebhookAttempt `json:"log" gorm:"-"`
}

// TableName keeps gorm on the migration's table name.
func (WebhookDelivery) TableName() string { return "webhook_deliveries" }

// WebhookAttempt is one try at sending a delivery: the receiver's status
// code (0 when it could not be reached), how long it took, what went wrong.
type WebhookAttempt struct {
	ID         int64     `json:"-"`
	DeliveryID int64     `json:"-"`
	Attempt    int       `json:"attempt"`
	StatusCode int       `json:"status_code"`
	DurationMS int64     `json:"duration_ms"`
	Error      string    `json:"error"`
	Server     string    `json:"server"`
	CreatedAt  time.Time `json:"at"`
}

// TableName keeps gorm on the migration's table name.
func (WebhookAttempt) TableName() string { return "webhook_attempts" }

// MaxDeliveriesListed bounds a webhook's delivery log page.
const MaxDeliveriesListed = 200

// WebhookDeliveries lists a webhook's newest deliveries with their attempts.
func (s *Store) WebhookDeliveries(ctx context.Context, webhookID int64, limit int) ([]WebhookDelivery, error) {
	if _, err := s.Webhook(ctx, webhookID); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > MaxDeliveriesListed {
		limit = MaxDeliveriesListed
	}
	var ds []WebhookDelivery
	if err := s.read(ctx).Omit("payload").Where("webhook_id = ?", webhookID).Order("id DESC").Limit(limit).Find(&ds).Error; err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return []WebhookDelivery{}, nil
	}
	ids := make([]int64, len(ds))
	at := map[int64]int{}
	for i := range ds {
		ids[i], at[ds[i].ID] = ds[i].ID, i
		ds[i].Log = []WebhookAttempt{}
	}
	var as []WebhookAttempt
	if err := s.read(ctx).Where("delivery_id IN ?", ids).Order("id").Find(&as).Error; err != nil {
		return nil, err
	}
	for _, a := range as {
		d := &ds[at[a.DeliveryID]]
		d.Log = append(d.Log, a)
	}
	return ds, nil
}

// RetryDelivery makes a delivery due now: a pending one skips the rest of
// its wait; a failed one gets one more attempt (and is failed again if that
// fails too).
func (s *Store) RetryDelivery(ctx context.Context, webhookID, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Exec(`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, finished_at = NULL
			WHERE id = ? AND webhook_id = ? AND status IN ('pending', 'failed')`, s.Now(), id, webhookID)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			var n int64
			if err := tx.Model(&WebhookDelivery{}).Where("id = ? AND webhook_id = ?", id, webhookID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return ErrNotFound
			}
			return invalid("delivery", "was already delivered")
		}
		return nil
	})
	if err == nil {
		s.wakeWebhooks()
	}
	return err
}

// leasedDelivery is a delivery this server holds the lease of, with what
// sending it needs.
type leasedDelivery struct {
	ID             int64
	WebhookID      int64
	DeliveryID     string
	EventType      string
	Payload        string
	Attempts       int
	FirstAttemptAt *time.Time
	URL            string
	Secret         string
}

// dueDeliveriesSQL finds deliveries that are due and not leased by a server
// (or whose lease ran out: that server died mid-attempt).
const dueDeliveriesSQL = `SELECT d.id, d.webhook_id, d.delivery_id, d.event_type, d.payload, d.attempts, d.first_attempt_at,
	w.url, w.secret
	FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
	WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
	ORDER BY d.next_attempt_at, d.id LIMIT ?`

// leaseDeliveries takes the lease of up to n due deliveries for server,
// skipping webhooks for which skip says no (those already busy). The
// candidates are found on a reader, so an idle queue costs no write; each
// lease is then taken by an UPDATE that only succeeds if nobody took it
// meanwhile, which is what lets several servers share one PostgreSQL queue.
func (s *Store) leaseDeliveries(ctx context.Context, server string, n int, lease time.Duration, skip func(webhookID int64) bool) ([]leasedDelivery, error) {
	now := s.Now()
	var cands []leasedDelivery
	if err := s.read(ctx).Raw(dueDeliveriesSQL, now, now, n*4).Scan(&cands).Error; err != nil {
		return nil, err
	}
	var want []leasedDelivery
	// One new lease per webhook per round, and none for a webhook at its
	// limit of sends in flight: a slow receiver keeps to its share.
	taken := map[int64]bool{}
	for _, c := range cands {
		if len(want) == n {
			break
		}
		if taken[c.WebhookID] || skip(c.WebhookID) {
			continue
		}
		taken[c.WebhookID] = true
		want = append(want, c)
	}
	if len(want) == 0 {
		return nil, nil
	}
	var got []leasedDelivery
	err := s.write(ctx, func(tx *gorm.DB) error {
		got = got[:0]
		now := s.Now()
		for _, c := range want {
			res := tx.Exec(`UPDATE webhook_deliveries SET lease_until = ?, leased_by = ?
				WHERE id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)`, now.Add(lease), server, c.ID, now)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 1 {
				got = append(got, c)
			}
		}
		return nil
	})
	return got, err
}

// recordAttempt writes what an attempt came to: delivered, failed for good
// once the backoff gives up, or due again after the backoff's delay. Only
// the server holding the lease changes the delivery; the attempt is logged
// either way.
func (s *Store) recordAttempt(ctx context.Context, server string, d *leasedDelivery, res webhook.Result, b webhook.Backoff, sentAt time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		attempt := d.Attempts + 1
		first := sentAt
		if d.FirstAttemptAt != nil {
			first = *d.FirstAttemptAt
		}
		if err := tx.Create(&WebhookAttempt{DeliveryID: d.ID, Attempt: attempt, StatusCode: res.Status,
			DurationMS: res.Duration.Milliseconds(), Error: res.Err, Server: server, CreatedAt: now}).Error; err != nil {
			return err
		}
		cols := map[string]any{"attempts": attempt, "last_status": res.Status, "last_error": res.Err,
			"lease_until": nil, "leased_by": "", "first_attempt_at": first}
		switch {
		case res.OK():
			cols["status"], cols["finished_at"] = "delivered", now
		case b.GiveUp(first, now):
			cols["status"], cols["finished_at"] = "failed", now
		default:
			cols["next_attempt_at"] = now.Add(b.Delay(attempt))
		}
		return tx.Model(&WebhookDelivery{}).Where("id = ? AND leased_by = ?", d.ID, server).Updates(cols).Error
	})
}

// wakeWebhooks tells this process's sender that deliveries were queued,
// so they go out at once rather than at its next look at the queue.
func (s *Store) wakeWebhooks() {
	select {
	case s.webhookWake <- struct{}{}:
	default:
	}
}
