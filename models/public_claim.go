package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// PublicClaim is a claim as readers may see it: what was said, by whom, how
// it was attributed, the verdict and its rationale, and the evidence links.
// It never holds internal fields (assignee, notes, reviewers' names or
// emails, evidence notes). Webhook deliveries carry it as "claim".
type PublicClaim struct {
	ID              int64            `json:"id"`
	StoryID         int64            `json:"story_id"`
	Story           string           `json:"story"`
	Text            string           `json:"text"`
	Quote           string           `json:"quote"`
	Claimant        string           `json:"claimant"`
	ClaimantRole    string           `json:"claimant_role"`
	ClaimantKind    string           `json:"claimant_kind"`
	Verb            string           `json:"verb"`
	Direct          bool             `json:"direct"`
	Channel         string           `json:"channel"`
	Via             string           `json:"via"`
	MadeAt          *time.Time       `json:"made_at"`
	ReportedAt      time.Time        `json:"reported_at"`
	ReportedURL     string           `json:"reported_url"`
	Verifiability   Verifiability    `json:"verifiability"`
	Verdict         Verdict          `json:"verdict"`
	Rationale       string           `json:"rationale"`
	Published       bool             `json:"published"`
	PublishedAt     *time.Time       `json:"published_at"`
	AttributionLine string           `json:"attribution_line"`
	Evidence        []PublicEvidence `json:"evidence"`
	// withdrawn: the desk took it off as "not a claim"; it has no public page.
	withdrawn bool
}

// PublicEvidence is a standing evidence item as readers may see it: an
// uploaded file is named by its SHA-256, not served.
type PublicEvidence struct {
	ID         int64     `json:"-"`
	Kind       string    `json:"kind"`
	Stance     string    `json:"stance"`
	URL        string    `json:"url,omitempty"`
	Title      string    `json:"title"`
	Origin     string    `json:"origin,omitempty"`
	FileName   string    `json:"file_name,omitempty"`
	FileSHA256 string    `json:"file_sha256,omitempty"`
	AddedAt    time.Time `json:"added_at"`
	// Captures are the good captured copies of the link, newest first
	// (public pages only): when, the body's SHA-256, and the public
	// archive's copy when one was made.
	Captures []PublicCapture `json:"captures,omitempty"`
}

// PublicCapture is a captured copy of an evidence link as readers may see
// it: enough to check a copy they hold against the newsroom's.
type PublicCapture struct {
	CapturedAt time.Time `json:"captured_at"`
	SHA256     string    `json:"sha256"`
	ArchiveURL string    `json:"archive_url,omitempty"`
}

// publicClaimFrom builds the PublicClaim of a claim loaded with its names,
// through db (the read pool or a transaction).
func (s *Store) publicClaimFrom(ctx context.Context, db *gorm.DB, id int64) (*PublicClaim, error) {
	c, err := s.claimFrom(ctx, db, id)
	if err != nil {
		return nil, err
	}
	return publicClaimOf(ctx, db, c)
}

// publicClaimOf builds the PublicClaim of a loaded claim, reading its
// standing evidence through db.
func publicClaimOf(ctx context.Context, db *gorm.DB, c *Claim) (*PublicClaim, error) {
	id := c.ID
	var evs []Evidence
	if err := db.WithContext(ctx).Where("claim_id = ? AND removed_at IS NULL", id).Order("id").Find(&evs).Error; err != nil {
		return nil, err
	}
	p := &PublicClaim{ID: c.ID, StoryID: c.StoryID, Story: c.StoryTitle, Text: c.Text, Quote: c.Quote,
		Claimant: c.ClaimantName, ClaimantRole: c.ClaimantRole, ClaimantKind: c.ClaimantKind, Verb: c.Verb,
		Direct: c.Direct, Channel: c.Channel, Via: c.Via, MadeAt: c.MadeAt, ReportedAt: c.ReportedAt,
		ReportedURL: c.ReportedURL, Verifiability: c.Verifiability, Verdict: c.Verdict, Rationale: c.VerdictRationale,
		Published: c.Published, AttributionLine: c.AttributionLine, Evidence: make([]PublicEvidence, 0, len(evs)),
		withdrawn: c.WithdrawnAt != nil}
	if c.Published {
		p.PublishedAt = c.SignedOffAt
	}
	for _, ev := range evs {
		pe := PublicEvidence{ID: ev.ID, Kind: ev.Kind, Stance: ev.Stance, URL: ev.URL, Title: ev.Title, Origin: ev.Origin,
			FileName: ev.FileName, AddedAt: ev.CreatedAt}
		if ev.FileSHA256 != nil {
			pe.FileSHA256 = *ev.FileSHA256
		}
		p.Evidence = append(p.Evidence, pe)
	}
	return p, nil
}

// PublicPage is what a claim's public page shows: the claim, and every
// correction of it, oldest first.
type PublicPage struct {
	Claim       *PublicClaim
	Corrections []Correction
	// FirstPublished is when readers were first told a verdict on it.
	FirstPublished time.Time
	// Modified is when what readers see last changed: the latest sign-off
	// or correction, whichever came later.
	Modified time.Time
}

// PublicClaimPage loads a claim for its public page: ErrNotFound unless the
// claim is published, or was once (it has corrections; readers who saw it
// must find the correction), and not withdrawn as "not a claim" (which also
// takes it out of the exports). A claim whose sign-off a correction cleared
// shows no verdict until an editor signs one off again.
func (s *Store) PublicClaimPage(ctx context.Context, id int64) (*PublicPage, error) {
	p, err := s.publicClaimFrom(ctx, s.r, id)
	if err != nil {
		return nil, err
	}
	cs, err := s.Corrections(ctx, CorrectionFilter{ClaimID: id, Oldest: true})
	if err != nil {
		return nil, err
	}
	if p.withdrawn || !p.Published && len(cs) == 0 {
		return nil, ErrNotFound
	}
	if err := s.addPublicCaptures(ctx, p); err != nil {
		return nil, err
	}
	page := &PublicPage{Claim: p, Corrections: cs}
	if !p.Published {
		p.Verdict, p.Rationale = "", ""
		p.AttributionLine = publicAttributionUnderReview(p)
	}
	page.FirstPublished, page.Modified = publicDates(p, cs)
	return page, nil
}

// publicDates are a public claim's first publication and last change.
func publicDates(p *PublicClaim, cs []Correction) (first, modified time.Time) {
	if p.PublishedAt != nil {
		first, modified = *p.PublishedAt, *p.PublishedAt
	}
	if len(cs) > 0 {
		first = cs[0].Published.SignedOffAt
		if last := cs[len(cs)-1].At; last.After(modified) {
			modified = last
		}
	}
	return first.UTC(), modified.UTC()
}

// publicAttributionUnderReview is the attribution line of a corrected claim
// whose new verdict is not signed off yet: it says nothing of a verdict.
func publicAttributionUnderReview(p *PublicClaim) string {
	return attributionOpening(p.Claimant, p.ClaimantRole, p.ClaimantKind) + claimClause(p.Text) + ". The claim is being checked again."
}

// ClaimReview is the page's schema.org ClaimReview, marked up at pageURL:
// ok is false unless the claim is published now (a claim whose corrected
// verdict awaits sign-off has none).
func (p *PublicPage) ClaimReview(newsroom, pageURL string) (ClaimReview, bool) {
	c := p.Claim
	if !c.Published || c.PublishedAt == nil {
		return ClaimReview{}, false
	}
	row := &ExportRow{ID: c.ID, Text: c.Text, ClaimantName: c.Claimant, ClaimantRole: c.ClaimantRole,
		ClaimantKind: c.ClaimantKind, MadeAt: c.MadeAt, ReportedAt: c.ReportedAt, ReportedURL: c.ReportedURL,
		Verdict: c.Verdict, VerdictRationale: c.Rationale, SignedOffAt: c.PublishedAt}
	for _, k := range p.Corrections {
		row.Corrections = append(row.Corrections, ExportCorrection{ID: k.ID, At: k.At, By: k.By, FromVerdict: k.FromVerdict,
			ToVerdict: k.ToVerdict, Reason: k.Reason, UpdateLine: k.UpdateLine, PublishedAt: k.Published.SignedOffAt})
	}
	cr, ok := NewClaimReview(row, ExportOptions{Newsroom: newsroom})
	cr.URL = pageURL
	return cr, ok
}

// addPublicCaptures adds the good captures of the claim's evidence links.
func (s *Store) addPublicCaptures(ctx context.Context, p *PublicClaim) error {
	ids := make([]int64, len(p.Evidence))
	for i := range p.Evidence {
		ids[i] = p.Evidence[i].ID
	}
	caps, err := s.CapturesByEvidence(ctx, ids)
	if err != nil {
		return err
	}
	for i := range p.Evidence {
		for _, c := range caps[p.Evidence[i].ID] {
			if c.Status == CaptureOK && c.SHA256 != "" {
				p.Evidence[i].Captures = append(p.Evidence[i].Captures,
					PublicCapture{CapturedAt: c.CapturedAt.UTC(), SHA256: c.SHA256, ArchiveURL: c.ArchiveURL})
			}
		}
	}
	return nil
}
