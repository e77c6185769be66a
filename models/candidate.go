package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/events"
	"claimdesk/models/liveblog"
	"claimdesk/models/livepage"
)

// Candidate states: waiting in the inbox, accepted (it became a claim), or
// dismissed with a reason. A decided candidate stays on record.
const (
	CandidatePending   = "pending"
	CandidateAccepted  = "accepted"
	CandidateDismissed = "dismissed"
)

// Candidate origins: found by following a live blog, or sent from a pasted
// import to the inbox.
const (
	OriginFollow = "follow"
	OriginImport = "import"
)

// Candidate is a claim the extractor proposes for a story, waiting in the
// story's inbox for a fact-checker to accept (it then becomes a Claim) or
// dismiss it. It holds everything the extractor gave, so nobody has to go
// back to the page to judge it.
type Candidate struct {
	ID      int64  `json:"id"`
	StoryID int64  `json:"story_id"`
	EntryID *int64 `json:"entry_id"`
	Origin  string `json:"origin"`
	// EntryUpdated is set when the candidate came from an entry the blog
	// edited after it was first read.
	EntryUpdated bool   `json:"entry_updated"`
	Claim        string `json:"claim"`
	Claimant     string `json:"claimant"`
	Quote        string `json:"quote"`
	TimeText     string `json:"time"`
	Headline     string `json:"headline"`
	Unverifiable bool   `json:"unverifiable"`
	Verb         string `json:"verb"`
	Direct       bool   `json:"direct"`
	Channel      string `json:"channel"`
	Via          string `json:"via"`
	Caveat       string `json:"caveat"`
	ReportedURL  string `json:"reported_url"`
	// SourceID is the known source the claimant matched when the candidate
	// was proposed, nil when accepting it will create a new source.
	SourceID *int64 `json:"source_id"`
	// Rule names the extractor's rule that proposed the claim (see
	// liveblog.RuleDescription); "" for candidates stored before it was kept.
	Rule          string     `json:"rule"`
	ContentHash   string     `json:"-"`
	State         string     `json:"state"`
	ClaimID       *int64     `json:"claim_id"`
	DismissReason string     `json:"dismiss_reason"`
	DecidedByID   *int64     `json:"decided_by"`
	DecidedAt     *time.Time `json:"decided_at"`
	CreatedAt     time.Time  `json:"created_at"`

	// Joined for display; never written.
	SourceName string `json:"source_name" gorm:"->"`
	EntryBody  string `json:"entry_body" gorm:"->"`
	// Why says in words what found the claim: the rule's description, or
	// for a candidate stored without a rule the kind of attribution.
	Why string `json:"why" gorm:"-"`
	// Matches are the desk's claims, in any story, this one is close to,
	// best first, with their verdicts ("already found false in …").
	Matches []ClaimMatch `json:"matches" gorm:"-"`
}

// candidateHash identifies a proposed claim within a story by claimant and
// claim, so a page read again, or an entry edited, never proposes the same
// claim twice.
func candidateHash(claimant, claim string) string {
	h := sha256.Sum256([]byte(normName(claimant) + "\x00" + normName(claim)))
	return hex.EncodeToString(h[:])
}

// whyOf says what found a candidate, for the inbox: the extractor's rule in
// words when it was stored, otherwise the kind of attribution guessed from
// the verb, quotation and channel.
func whyOf(c *Candidate) string {
	if d := liveblog.RuleDescription(c.Rule); d != "" {
		return d
	}
	switch {
	case c.Channel == "photo":
		return "photo credit"
	case c.Verb == "according to":
		return "“according to” attribution"
	case c.Verb == "denied" || c.Verb == "denies" || c.Verb == "rejected":
		return "denial"
	case c.Direct:
		return "quotation with speaker"
	case c.Verb != "":
		return "reported speech (“" + c.Verb + "”)"
	}
	return "attribution"
}

// proposal is a candidate to add: the extractor's output and the entry it
// came from.
type proposal struct {
	cand         liveblog.Candidate
	entryID      *int64
	entryUpdated bool
}

// proposeTx adds the proposals to the story's inbox, skipping claims the
// inbox (in any state) or the story already holds, records the
// candidate.proposed event that tells every open desk, and returns the ids
// of the candidates added.
func proposeTx(tx *gorm.DB, storyID int64, origin, reportedURL string, props []proposal, now time.Time) ([]int64, error) {
	var ids []int64
	matched := map[string]*Source{}
	for _, p := range props {
		c := p.cand
		claim, claimant := clip(strings.TrimSpace(c.Claim), MaxClaimLen), clip(strings.TrimSpace(c.Claimant), MaxNameLen)
		if claim == "" || claimant == "" {
			continue
		}
		hash := candidateHash(claimant, claim)
		var n int64
		if err := tx.Model(&Candidate{}).Where("story_id = ? AND content_hash = ?", storyID, hash).Count(&n).Error; err != nil {
			return nil, err
		}
		if n > 0 {
			continue
		}
		key := normName(claimant)
		src, ok := matched[key]
		if !ok {
			found, err := matchSourceTx(tx, claimant)
			if err != nil && !IsNotFound(err) {
				return nil, err
			}
			src, matched[key] = found, found
		}
		row := Candidate{StoryID: storyID, EntryID: p.entryID, Origin: origin, EntryUpdated: p.entryUpdated,
			Claim: claim, Claimant: claimant, Quote: clip(c.Quote, MaxQuoteLen), TimeText: clip(c.Time, 100),
			Headline: clip(c.Headline, MaxTitleLen), Unverifiable: c.Unverifiable, Verb: clip(c.Verb, MaxShortLen),
			Direct: c.Direct, Channel: clip(c.Channel, MaxShortLen), Via: clip(c.Via, MaxShortLen),
			Caveat: clip(c.Caveat, MaxRationale), Rule: clip(c.Rule, MaxShortLen), ReportedURL: reportedURL, ContentHash: hash,
			State: CandidatePending, CreatedAt: now}
		if src != nil {
			row.SourceID = &src.ID
			if err := tx.Model(&Claim{}).Where("story_id = ? AND content_hash = ?", storyID, claimHash(&Claim{Text: claim, SourceID: src.ID})).
				Count(&n).Error; err != nil {
				return nil, err
			}
			if n > 0 {
				continue // the desk already has this claim
			}
		}
		if err := tx.Create(&row).Error; err != nil {
			return nil, err
		}
		ids = append(ids, row.ID)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	// One event for the lot: every open desk showing the story's inbox
	// reloads it once, however many claims a check found.
	detail, err := json.Marshal(map[string]any{"candidate_ids": ids[:min(len(ids), 100)], "count": len(ids), "origin": origin})
	if err != nil {
		return nil, err
	}
	return ids, RecordEvent(tx, events.Event{Type: events.CandidateProposed, StoryID: storyID, At: now, Detail: detail})
}

// clip cuts s to at most n runes.
func clip(s string, n int) string { return livepage.Clip(s, n) }

// CandidateFilter selects candidates for the inbox.
type CandidateFilter struct {
	// StoryID 0 means every story (the desk's Inbox).
	StoryID int64
	// State is pending (the default), accepted or dismissed.
	State string
	// IDs, when set, selects these candidates only.
	IDs   []int64
	Limit int
}

// MaxCandidatesListed bounds one inbox answer.
const MaxCandidatesListed = 500

// Candidates lists candidates newest first, with the matched source's name
// and the text of the entry they came from.
func (s *Store) Candidates(ctx context.Context, f CandidateFilter) ([]Candidate, error) {
	state := f.State
	if state == "" {
		state = CandidatePending
	}
	if state != CandidatePending && state != CandidateAccepted && state != CandidateDismissed {
		return nil, invalid("state", "must be pending, accepted or dismissed")
	}
	limit := f.Limit
	if limit <= 0 || limit > MaxCandidatesListed {
		limit = MaxCandidatesListed
	}
	q := s.read(ctx).Table("candidates").
		Select("candidates.*, COALESCE(sources.name, '') AS source_name, COALESCE(entries.body, '') AS entry_body").
		Joins("LEFT JOIN sources ON sources.id = candidates.source_id").
		Joins("LEFT JOIN entries ON entries.id = candidates.entry_id").
		Where("candidates.state = ?", state)
	if f.StoryID > 0 {
		q = q.Where("candidates.story_id = ?", f.StoryID)
	}
	if len(f.IDs) > 0 {
		q = q.Where("candidates.id IN ?", f.IDs)
	}
	var out []Candidate
	if err := q.Order("candidates.id DESC").Limit(limit).Find(&out).Error; err != nil {
		return nil, err
	}
	if err := s.matchInbox(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// matchInbox fills the candidates' Why and, for those still pending, the
// desk's close claims, matched as one batch.
func (s *Store) matchInbox(ctx context.Context, cs []Candidate) error {
	var ins []MatchInput
	var at []int
	for i := range cs {
		cs[i].Why, cs[i].Matches = whyOf(&cs[i]), []ClaimMatch{}
		if cs[i].State == CandidatePending {
			var src int64
			if cs[i].SourceID != nil {
				src = *cs[i].SourceID
			}
			ins = append(ins, MatchInput{Text: cs[i].Claim, Claimant: cs[i].Claimant, SourceID: src, Verb: cs[i].Verb, At: cs[i].CreatedAt})
			at = append(at, i)
		}
	}
	if len(ins) == 0 {
		return nil
	}
	res, err := s.MatchTexts(ctx, ins, MatchOptions{})
	if err != nil {
		return err
	}
	for k, i := range at {
		if len(res[k]) > 0 {
			cs[i].Matches = res[k]
		}
	}
	return nil
}

// Candidate loads one candidate.
func (s *Store) Candidate(ctx context.Context, id int64) (*Candidate, error) {
	var c Candidate
	if err := s.read(ctx).First(&c, id).Error; err != nil {
		return nil, err
	}
	cs := []Candidate{c}
	if err := s.matchInbox(ctx, cs); err != nil {
		return nil, err
	}
	return &cs[0], nil
}

// PendingCandidateCount is how many candidates wait in a story's inbox (0 =
// every story's), for the story page and the desk's Inbox link.
func (s *Store) PendingCandidateCount(ctx context.Context, storyID int64) (int64, error) {
	q := s.read(ctx).Model(&Candidate{}).Where("state = ?", CandidatePending)
	if storyID > 0 {
		q = q.Where("story_id = ?", storyID)
	}
	var n int64
	err := q.Count(&n).Error
	return n, err
}

// CandidateDecidedError is returned for accepting or dismissing a candidate
// someone already decided; it carries the candidate as it now stands.
type CandidateDecidedError struct{ Current *Candidate }

// Error says who got there first.
func (e *CandidateDecidedError) Error() string {
	return fmt.Sprintf("candidate %d was already %s", e.Current.ID, e.Current.State)
}

// CandidateEdits are the fields a fact-checker may change before accepting;
// nil keeps what the extractor proposed.
type CandidateEdits struct {
	Claim, Claimant, Quote, Verb, Channel, Via, Caveat *string
	Direct, Unverifiable                               *bool
	// SourceID picks a known source instead of the claimant's name.
	SourceID *int64
}

// AcceptCandidate turns a pending candidate into a claim of its story, with
// its entry, attribution and verifiability as the import stores them, and
// marks the candidate accepted. A claim the story already has is not made
// twice: the candidate then points at it.
func (s *Store) AcceptCandidate(ctx context.Context, actor *User, id int64, edits CandidateEdits) (*Claim, error) {
	var claimID int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := pendingCandidateTx(tx, id)
		if err != nil {
			return err
		}
		p := proposedClaim{Claim: c.Claim, Claimant: c.Claimant, Quote: c.Quote, Verb: c.Verb, Channel: c.Channel, Via: c.Via,
			Caveat: c.Caveat, Direct: c.Direct, Unverifiable: c.Unverifiable, EntryID: c.EntryID, ReportedURL: c.ReportedURL}
		if c.SourceID != nil {
			p.SourceID = *c.SourceID
		}
		if c.EntryID != nil {
			// Reported at the instant its entry stands for, as an import is.
			var e Entry
			if err := tx.Select("id", "instant").First(&e, *c.EntryID).Error; err != nil && !IsNotFound(err) {
				return err
			}
			p.ReportedAt = e.Instant
		}
		edits.apply(&p)
		f := map[string]string{}
		p.check(f, "")
		if len(f) > 0 {
			return &ValidationError{Fields: f}
		}
		now := s.Now()
		claim, _, _, err := storeProposedTx(tx, actor, c.StoryID, p, now, ActImported)
		if err != nil {
			return err
		}
		claimID = claim.ID
		return tx.Model(&Candidate{}).Where("id = ?", id).
			Updates(map[string]any{"state": CandidateAccepted, "claim_id": claim.ID, "decided_by_id": actor.ID, "decided_at": now}).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Claim(ctx, claimID)
}

func (e CandidateEdits) apply(p *proposedClaim) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&p.Claim, e.Claim)
	set(&p.Quote, e.Quote)
	set(&p.Verb, e.Verb)
	set(&p.Channel, e.Channel)
	set(&p.Via, e.Via)
	set(&p.Caveat, e.Caveat)
	if e.Claimant != nil && strings.TrimSpace(*e.Claimant) != strings.TrimSpace(p.Claimant) {
		// Another claimant: match it afresh rather than keep the old source.
		p.Claimant, p.SourceID = strings.TrimSpace(*e.Claimant), 0
	}
	if e.SourceID != nil && *e.SourceID > 0 {
		p.SourceID = *e.SourceID
	}
	if e.Direct != nil {
		p.Direct = *e.Direct
	}
	if e.Unverifiable != nil {
		p.Unverifiable = *e.Unverifiable
	}
}

// DismissCandidate takes a pending candidate out of the inbox with a reason
// ("not a claim", "duplicate", "opinion"); it stays on record.
func (s *Store) DismissCandidate(ctx context.Context, actor *User, id int64, reason string) (*Candidate, error) {
	reason = strings.TrimSpace(reason)
	f := map[string]string{}
	checkText(f, "reason", reason, true, MaxRationale)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if _, err := pendingCandidateTx(tx, id); err != nil {
			return err
		}
		return tx.Model(&Candidate{}).Where("id = ?", id).
			Updates(map[string]any{"state": CandidateDismissed, "dismiss_reason": reason, "decided_by_id": actor.ID, "decided_at": s.Now()}).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Candidate(ctx, id)
}

// pendingCandidateTx loads a candidate that is still pending.
func pendingCandidateTx(tx *gorm.DB, id int64) (*Candidate, error) {
	var c Candidate
	if err := tx.First(&c, id).Error; err != nil {
		return nil, err
	}
	if c.State != CandidatePending {
		c.Why, c.Matches = whyOf(&c), []ClaimMatch{}
		return nil, &CandidateDecidedError{Current: &c}
	}
	return &c, nil
}
