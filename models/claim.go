package models

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Claim is a statement as reported, with who made it, how it was attributed and
// where its review stands. Version guards against silent overwrites: every
// change names the version it was based on.
type Claim struct {
	ID                  int64         `json:"id"`
	StoryID             int64         `json:"story_id"`
	EntryID             *int64        `json:"entry_id"`
	SourceID            int64         `json:"source_id"`
	Text                string        `json:"text"`
	Quote               string        `json:"quote"`
	Verb                string        `json:"verb"`
	Direct              bool          `json:"direct"`
	Channel             string        `json:"channel"`
	Via                 string        `json:"via"`
	MadeAt              *time.Time    `json:"made_at"`
	ReportedAt          time.Time     `json:"reported_at"`
	ReportedURL         string        `json:"reported_url"`
	Verifiability       Verifiability `json:"verifiability"`
	VerifiabilityReason string        `json:"verifiability_reason"`
	Verdict             Verdict       `json:"verdict"`
	// Unconfirmed mirrors the verdict (a CHECK constraint keeps them in step)
	// as a plain column, so the editors' main filter is answered from an index.
	Unconfirmed      bool       `json:"unconfirmed"`
	VerdictRationale string     `json:"verdict_rationale"`
	VerdictByID      *int64     `json:"verdict_by"`
	VerdictAt        *time.Time `json:"verdict_at"`
	SignedOffByID    *int64     `json:"signed_off_by"`
	SignedOffAt      *time.Time `json:"signed_off_at"`
	AssigneeID       *int64     `json:"assignee_id"`
	ContentHash      string     `json:"-"`
	Version          int64      `json:"version"`
	CreatedByID      *int64     `json:"created_by"`
	UpdatedByID      *int64     `json:"updated_by"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
	// WithdrawnAt is set when the desk took the claim off as "not a claim"
	// (see claim_withdraw.go); it stays on record and can be restored.
	WithdrawnAt     *time.Time `json:"withdrawn_at"`
	WithdrawnByID   *int64     `json:"withdrawn_by"`
	WithdrawnReason string     `json:"withdrawn_reason"`
	// Tags are the desk's free labels (claim_tags.go), loaded with the claim.
	Tags []string `json:"tags" gorm:"-"`
	// Contradicted is true when a linked claim contradicts this one.
	Contradicted bool `json:"contradicted" gorm:"-"`

	// Joined for display; never written.
	ClaimantName    string `json:"claimant" gorm:"->;column:source_name"`
	ClaimantRole    string `json:"claimant_role" gorm:"->;column:source_role"`
	ClaimantKind    string `json:"claimant_kind" gorm:"->;column:source_kind"`
	StoryTitle      string `json:"story_title" gorm:"->"`
	EntryTime       string `json:"entry_time" gorm:"->"`
	EntryHeadline   string `json:"entry_headline" gorm:"->"`
	AssigneeName    string `json:"assignee_name" gorm:"->"`
	VerdictByName   string `json:"verdict_by_name" gorm:"->"`
	SignedOffByName string `json:"signed_off_by_name" gorm:"->"`

	// Computed after loading.
	Stale           bool   `json:"stale" gorm:"-"`
	Published       bool   `json:"published" gorm:"-"`
	AttributionLine string `json:"attribution_line" gorm:"-"`
}

// claimJoins brings in the names the desk shows beside a claim.
const claimJoins = `FROM claims
	JOIN sources s ON s.id = claims.source_id
	JOIN stories st ON st.id = claims.story_id
	LEFT JOIN entries e ON e.id = claims.entry_id
	LEFT JOIN users ua ON ua.id = claims.assignee_id
	LEFT JOIN users uv ON uv.id = claims.verdict_by_id
	LEFT JOIN users us ON us.id = claims.signed_off_by_id`

// claimColumns are the stored columns of a claim in the order scanClaim
// reads them, and claimDisplayColumns the joined names after them.
const (
	claimColumns = `claims.id, claims.story_id, claims.entry_id, claims.source_id, claims.text, claims.quote,
	claims.verb, claims.direct, claims.channel, claims.via, claims.made_at, claims.reported_at, claims.reported_url,
	claims.verifiability, claims.verifiability_reason, claims.verdict, claims.unconfirmed, claims.verdict_rationale,
	claims.verdict_by_id, claims.verdict_at, claims.signed_off_by_id, claims.signed_off_at, claims.assignee_id,
	claims.content_hash, claims.version, claims.created_by_id, claims.updated_by_id, claims.created_at, claims.updated_at,
	claims.withdrawn_at, claims.withdrawn_by_id, claims.withdrawn_reason`
	claimDisplayColumns = `s.name, s.role, s.kind, st.title, COALESCE(e.time_text, ''), COALESCE(e.headline, ''),
	COALESCE(ua.name, ''), COALESCE(uv.name, ''), COALESCE(us.name, '')`
	// claimWithNamesSQL loads one claim for its page (claimWithNames
	// picks it).
	claimWithNamesSQL = `SELECT ` + claimColumns + `, ` + claimDisplayColumns + ` ` + claimJoins + ` WHERE claims.id = ?`
	// claimWithNamesSQLite is claimWithNamesSQL compiled once on SQLite
	// (see dialect_arg.go).
	claimWithNamesSQLite = `SELECT ` + claimColumns + `, ` + claimDisplayColumns + ` ` + claimJoins + ` WHERE claims.id = +?`
)

// finish fills the computed fields.
func (c *Claim) finish(now time.Time, staleAfter time.Duration) {
	c.finishOpening(now, staleAfter, nil)
}

// finishOpening is finish with the claimants' openings kept in openings
// (see attributionLine), for a page of claims.
func (c *Claim) finishOpening(now time.Time, staleAfter time.Duration, openings map[[3]string]string) {
	c.Unconfirmed = c.Verdict.Unconfirmed()
	c.Stale = c.Unconfirmed && now.Sub(c.ReportedAt) > staleAfter
	c.Published = c.Verdict.Final() && c.SignedOffAt != nil
	c.AttributionLine = attributionLine(c, openings)
}

// ClaimInput is what a person may set on a claim. On update, nil means "leave as is".
type ClaimInput struct {
	StoryID             *int64
	EntryID             *int64
	SourceID            *int64
	Claimant            *string // a source name, matched or created when SourceID is nil
	Text                *string
	Quote               *string
	Verb                *string
	Direct              *bool
	Channel             *string
	Via                 *string
	MadeAt              *time.Time
	ReportedAt          *time.Time
	ReportedURL         *string
	Verifiability       *Verifiability
	VerifiabilityReason *string
	// Reason says why a published claim's text, quote or claimant changes;
	// it is required then, and goes into the Correction (rule 8).
	Reason *string
}

func trimPtr(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// applyText validates and copies the plain fields of in onto c.
func (in ClaimInput) applyText(c *Claim, creating bool, f map[string]string) {
	if in.Text != nil || creating {
		v := trimPtr(in.Text)
		checkText(f, "text", v, true, MaxClaimLen)
		c.Text = v
	}
	if in.Quote != nil {
		v := strings.TrimSpace(*in.Quote)
		checkText(f, "quote", v, false, MaxQuoteLen)
		c.Quote = v
	}
	for field, p := range map[string]struct {
		in  *string
		dst *string
	}{"verb": {in.Verb, &c.Verb}, "channel": {in.Channel, &c.Channel}, "via": {in.Via, &c.Via}} {
		if p.in != nil {
			v := strings.TrimSpace(*p.in)
			checkText(f, field, v, false, MaxShortLen)
			*p.dst = v
		}
	}
	if in.Direct != nil {
		c.Direct = *in.Direct
	}
	if in.MadeAt != nil {
		t := in.MadeAt.UTC()
		c.MadeAt = &t
	}
	if in.ReportedAt != nil {
		c.ReportedAt = in.ReportedAt.UTC()
	}
	if in.ReportedURL != nil {
		v := strings.TrimSpace(*in.ReportedURL)
		checkURL(f, "reported_url", v)
		c.ReportedURL = v
	}
}

func claimHash(c *Claim) string {
	h := sha256.New()
	h.Write([]byte(normName(c.Text)))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(int(c.SourceID))))
	return hex.EncodeToString(h.Sum(nil))
}

// CreateClaim stores a new claim and its "created" Activity row in one
// transaction, with the claims it is a close match for (see closeMatches).
func (s *Store) CreateClaim(ctx context.Context, actor *User, in ClaimInput) (*Claim, error) {
	close, _, err := s.closeMatches(ctx, in)
	if err != nil {
		return nil, err
	}
	return s.createClaim(ctx, actor, in, close)
}

// createClaim stores a new claim with the close matches found for it.
func (s *Store) createClaim(ctx context.Context, actor *User, in ClaimInput, close []ClaimMatch) (*Claim, error) {
	var id int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := createClaimTx(tx, actor, in, s.Now(), ActCreated)
		if err != nil {
			return err
		}
		id = c.ID
		return recordMatches(tx, id, close)
	})
	if err != nil {
		return nil, err
	}
	return s.claimFrom(ctx, s.r, id)
}

// createClaimTx validates in and inserts the claim in tx.
func createClaimTx(tx *gorm.DB, actor *User, in ClaimInput, now time.Time, action string) (*Claim, error) {
	f := map[string]string{}
	c := &Claim{Verdict: Unreviewed, Verifiability: VerifUnknown, Version: 1, ReportedAt: now,
		CreatedByID: &actor.ID, UpdatedByID: &actor.ID, CreatedAt: now, UpdatedAt: now}
	in.applyText(c, true, f)
	if in.Verifiability != nil {
		if !in.Verifiability.Valid() {
			f["verifiability"] = "must be one of unknown, verifiable, not_verifiable"
		}
		c.Verifiability = *in.Verifiability
	}
	if in.VerifiabilityReason != nil {
		v := strings.TrimSpace(*in.VerifiabilityReason)
		checkText(f, "verifiability_reason", v, false, MaxRationale)
		c.VerifiabilityReason = v
	}
	if in.StoryID == nil || *in.StoryID <= 0 {
		f["story_id"] = "is required"
	} else {
		var st Story
		if err := tx.Select("id").First(&st, *in.StoryID).Error; err != nil {
			if !IsNotFound(err) {
				return nil, err
			}
			f["story_id"] = "no such story"
		}
		c.StoryID = *in.StoryID
	}
	if in.EntryID != nil && *in.EntryID > 0 {
		var e Entry
		if err := tx.Select("id", "story_id").First(&e, *in.EntryID).Error; err != nil {
			if !IsNotFound(err) {
				return nil, err
			}
			f["entry_id"] = "no such entry"
		} else if e.StoryID != c.StoryID {
			f["entry_id"] = "belongs to another story"
		}
		c.EntryID = in.EntryID
	}
	if err := resolveSource(tx, in, c, f); err != nil {
		return nil, err
	}
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	c.ContentHash = claimHash(c)
	c.Unconfirmed = c.Verdict.Unconfirmed()
	if err := tx.Create(c).Error; err != nil {
		return nil, err
	}
	if err := appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: action,
		ToValue: string(c.Verdict), Text: c.Text, CreatedAt: now}); err != nil {
		return nil, err
	}
	return c, nil
}

// resolveSource sets c.SourceID from a source id or a claimant name (matched by
// name or alias, else created).
func resolveSource(tx *gorm.DB, in ClaimInput, c *Claim, f map[string]string) error {
	switch {
	case in.SourceID != nil && *in.SourceID > 0:
		var src Source
		if err := tx.Select("id", "merged_into_id").First(&src, *in.SourceID).Error; err != nil {
			if !IsNotFound(err) {
				return err
			}
			f["source_id"] = "no such source"
			return nil
		}
		c.SourceID = src.ID
		if src.MergedIntoID != nil {
			c.SourceID = *src.MergedIntoID
		}
	case in.Claimant != nil && strings.TrimSpace(*in.Claimant) != "":
		src, err := matchSourceTx(tx, *in.Claimant)
		if err == nil {
			c.SourceID = src.ID
			return nil
		}
		if !IsNotFound(err) {
			return err
		}
		name := *in.Claimant
		ns := &Source{Version: 1}
		aliases, v := SourceInput{Name: &name}.apply(ns, true)
		if v != nil {
			f["claimant"] = v.Fields["name"]
			return nil
		}
		if err := createSourceTx(tx, ns, aliases); err != nil {
			return err
		}
		c.SourceID = ns.ID
	default:
		f["source_id"] = "is required (or give a claimant name)"
	}
	return nil
}

// Claim loads one claim with its display fields.
func (s *Store) Claim(ctx context.Context, id int64) (*Claim, error) {
	return s.claimFrom(ctx, s.r, id)
}

// claimFrom loads a claim with its display fields through db: the read pool
// or a transaction.
func (s *Store) claimFrom(ctx context.Context, db *gorm.DB, id int64) (*Claim, error) {
	var rows *sql.Rows
	var err error
	if db == s.r {
		rows, err = s.readQuery(ctx, &s.cache.claimPage, s.d.claimWithNames(), id)
	} else {
		rows, err = db.Statement.ConnPool.QueryContext(ctx, dialectOf(db).claimWithNames(), id)
	}
	if err != nil {
		return nil, err
	}
	return claimWithExtras(ctx, db, rows, s.Now(), s.staleAfter)
}

// changeClaim runs change on claim id, locked at the version the change was
// based on, in one write, and returns the claim as it is once committed.
func (s *Store) changeClaim(ctx context.Context, id, version int64, change func(tx *gorm.DB, c *Claim) error) (*Claim, error) {
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.lockClaim(tx, id, version)
		if err != nil {
			return err
		}
		return change(tx, c)
	})
	if err != nil {
		return nil, err
	}
	return s.claimFrom(ctx, s.r, id)
}

func (s *Store) claimExists(ctx context.Context, id int64) (bool, error) {
	var n int64
	if err := s.read(ctx).Model(&Claim{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return false, err
	}
	if n == 0 {
		return false, ErrNotFound
	}
	return true, nil
}

// lockClaim loads the claim in tx and checks the version the change was based
// on; a stale version is a ConflictError carrying the current claim.
func (s *Store) lockClaim(tx *gorm.DB, id, version int64) (*Claim, error) {
	// Only the claim's own row: the names for display are needed just when
	// the change is refused, and this runs on the single writer for every write.
	c, err := claimRow(tx, id)
	if err != nil {
		return nil, err
	}
	if version <= 0 {
		return nil, invalid("version", "is required: the version of the claim the change is based on")
	}
	if c.Version != version {
		current, err := s.claimFrom(context.Background(), tx, id)
		if err != nil {
			return nil, err
		}
		return nil, &ConflictError{Current: current}
	}
	return c, nil
}

// claimRow loads the stored columns of one claim in tx, without the joins.
func claimRow(tx *gorm.DB, id int64) (*Claim, error) {
	rows, err := txQuery(tx, claimRowSQL, id)
	if err != nil {
		return nil, err
	}
	return scanOneClaim(rows, false)
}

// saveClaim writes the changed columns of c and bumps its version, guarded by
// the version it was read at.
func saveClaim(tx *gorm.DB, c *Claim, actor *User, now time.Time, cols map[string]any) error {
	cols["version"] = c.Version + 1
	cols["updated_at"] = now
	cols["updated_by_id"] = actor.ID
	res := tx.Model(&Claim{}).Where("id = ? AND version = ?", c.ID, c.Version).Updates(cols)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return &ConflictError{Current: c}
	}
	c.Version++
	return nil
}

// UpdateClaim edits a claim's text and attribution, recording every changed
// field old → new in one "edited" Activity row. An edit of what a sign-off
// vouched for clears the sign-off (see clearSignOffForEdit).
func (s *Store) UpdateClaim(ctx context.Context, actor *User, id, version int64, in ClaimInput) (*Claim, error) {
	c, err := s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		return s.editClaimTx(tx, actor, c, in)
	})
	return s.afterPublishing(c, err)
}

// editClaimTx is UpdateClaim's change of c in tx.
func (s *Store) editClaimTx(tx *gorm.DB, actor *User, c *Claim, in ClaimInput) error {
	before := *c
	f := map[string]string{}
	in.applyText(c, false, f)
	if in.StoryID != nil && *in.StoryID != c.StoryID {
		f["story_id"] = "a claim cannot move to another story"
	}
	if in.EntryID != nil {
		if *in.EntryID <= 0 {
			c.EntryID = nil
		} else {
			var e Entry
			if err := tx.Select("id", "story_id").First(&e, *in.EntryID).Error; err != nil || e.StoryID != c.StoryID {
				if err != nil && !IsNotFound(err) {
					return err
				}
				f["entry_id"] = "no such entry in this story"
			}
			c.EntryID = in.EntryID
		}
	}
	if in.SourceID != nil || in.Claimant != nil {
		if err := resolveSource(tx, in, c, f); err != nil {
			return err
		}
	}
	if in.Verifiability != nil || in.VerifiabilityReason != nil {
		f["verifiability"] = "change verifiability through its own endpoint"
	}
	if len(f) > 0 {
		return &ValidationError{Fields: f}
	}
	changes := claimChanges(&before, c)
	if len(changes) == 0 {
		return nil
	}
	reason, err := correctionReason(&before, changes, in.Reason)
	if err != nil {
		return err
	}
	cols := map[string]any{}
	for _, ch := range changes {
		cols[ch.Field] = ch.New
	}
	now := s.Now()
	if err := saveClaim(tx, c, actor, now, cols); err != nil {
		return err
	}
	if _, ok := cols["text"]; ok {
		if err := tx.Model(&Claim{}).Where("id = ?", c.ID).Update("content_hash", claimHash(c)).Error; err != nil {
			return err
		}
	}
	if err := appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActEdited,
		Details: mustJSON(map[string]any{"changes": changes}), CreatedAt: now}); err != nil {
		return err
	}
	cleared, err := clearSignOffForEdit(tx, SignOffEdit{Published: before, Changes: signOffEdited(&before, changes), By: actor, At: now})
	if err != nil || !cleared {
		return err
	}
	return s.correctEdit(tx, actor, &before, c, reason, now)
}

// claimChanges lists the editable columns that differ between a and b.
func claimChanges(a, b *Claim) []FieldChange {
	var out []FieldChange
	add := func(field string, old, new any) { out = append(out, FieldChange{Field: field, Old: old, New: new}) }
	for _, f := range []struct{ name, old, new string }{
		{"text", a.Text, b.Text}, {"quote", a.Quote, b.Quote}, {"verb", a.Verb, b.Verb},
		{"channel", a.Channel, b.Channel}, {"via", a.Via, b.Via}, {"reported_url", a.ReportedURL, b.ReportedURL},
	} {
		if f.old != f.new {
			add(f.name, f.old, f.new)
		}
	}
	if a.Direct != b.Direct {
		add("direct", a.Direct, b.Direct)
	}
	if !a.ReportedAt.Equal(b.ReportedAt) {
		add("reported_at", a.ReportedAt, b.ReportedAt)
	}
	if !timePtrEqual(a.MadeAt, b.MadeAt) {
		add("made_at", a.MadeAt, b.MadeAt)
	}
	if a.SourceID != b.SourceID {
		add("source_id", a.SourceID, b.SourceID)
	}
	if !int64PtrEqual(a.EntryID, b.EntryID) {
		add("entry_id", a.EntryID, b.EntryID)
	}
	return out
}

func timePtrEqual(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func int64PtrEqual(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
