package models

import (
	"bufio"
	"encoding/json"
	"time"
)

// ClaimReview ratings use a 1–5 scale (worstRating 1, bestRating 5), and only
// the three final verdicts are ever rated, once an editor has signed them off:
//
//	verdict      ratingValue  alternateName
//	false        1            False
//	misleading   2            Misleading
//	verified     5            Verified
//
// The gap between 2 and 5 is deliberate: the desk has no "half true" verdict,
// and a reader comparing ratings from several fact-checkers should not take
// "misleading" for a middling score. Unreviewed, in review, unverified and
// disputed claims, and final verdicts not (or no longer) signed off, never
// appear in the ClaimReview export. The rating's ratingExplanation is the
// verdict's rationale; the review's datePublished is the sign-off time.
const (
	ClaimReviewWorstRating = 1
	ClaimReviewBestRating  = 5
)

// ClaimReviewRating maps a published verdict to its rating value and name;
// ok is false for a verdict that is never published.
func ClaimReviewRating(v Verdict) (value int, name string, ok bool) {
	switch v {
	case False:
		return 1, "False", true
	case Misleading:
		return 2, "Misleading", true
	case Verified:
		return 5, "Verified", true
	}
	return 0, "", false
}

// ClaimReview is one schema.org ClaimReview (https://schema.org/ClaimReview)
// as the newsroom's site embeds it in a page.
type ClaimReview struct {
	Context       string      `json:"@context"`
	Type          string      `json:"@type"`
	URL           string      `json:"url"`
	ClaimReviewed string      `json:"claimReviewed"`
	Author        SchemaThing `json:"author"`
	DatePublished string      `json:"datePublished"`
	// DateModified is set once the review was corrected and published
	// again: the time of the current sign-off.
	DateModified string       `json:"dateModified,omitempty"`
	ReviewRating SchemaRating `json:"reviewRating"`
	ItemReviewed SchemaClaim  `json:"itemReviewed"`
	// Correction lists the corrections of earlier versions (schema.org's
	// CreativeWork "correction"), oldest first.
	Correction []SchemaCorrection `json:"correction,omitempty"`
}

// SchemaCorrection is a schema.org CorrectionComment: the Update line and
// when it was made.
type SchemaCorrection struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

// SchemaThing is a schema.org Person, Organization or CreativeWork: the
// newsroom, the claimant or the page a claim appeared on.
type SchemaThing struct {
	Type        string `json:"@type"`
	Name        string `json:"name,omitempty"`
	JobTitle    string `json:"jobTitle,omitempty"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
}

// SchemaRating is the schema.org Rating of a ClaimReview.
type SchemaRating struct {
	Type              string `json:"@type"`
	RatingValue       int    `json:"ratingValue"`
	BestRating        int    `json:"bestRating"`
	WorstRating       int    `json:"worstRating"`
	AlternateName     string `json:"alternateName"`
	RatingExplanation string `json:"ratingExplanation,omitempty"`
}

// SchemaClaim is the schema.org Claim a ClaimReview reviews.
type SchemaClaim struct {
	Type          string       `json:"@type"`
	Author        SchemaThing  `json:"author"`
	DatePublished string       `json:"datePublished"`
	Appearance    *SchemaThing `json:"appearance,omitempty"`
}

// NewClaimReview builds the ClaimReview of a published row; ok is false for a
// row whose verdict is not published, which must never be marked up.
func NewClaimReview(r *ExportRow, opt ExportOptions) (cr ClaimReview, ok bool) {
	value, name, rated := ClaimReviewRating(r.Verdict)
	if !rated || r.SignedOffAt == nil {
		return ClaimReview{}, false
	}
	claimant := SchemaThing{Type: "Organization", Name: r.ClaimantName, Description: r.ClaimantRole}
	if r.ClaimantKind == "person" || r.ClaimantKind == "anonymous" {
		claimant = SchemaThing{Type: "Person", Name: r.ClaimantName, JobTitle: r.ClaimantRole}
	}
	made := r.ReportedAt
	if r.MadeAt != nil {
		made = *r.MadeAt
	}
	item := SchemaClaim{Type: "Claim", Author: claimant, DatePublished: made.UTC().Format(time.RFC3339)}
	if r.ReportedURL != "" {
		item.Appearance = &SchemaThing{Type: "CreativeWork", URL: r.ReportedURL}
	}
	cr = ClaimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		URL:           opt.ClaimURL(r.ID),
		ClaimReviewed: r.Text,
		Author:        SchemaThing{Type: "Organization", Name: opt.Newsroom},
		DatePublished: r.SignedOffAt.UTC().Format(time.RFC3339),
		ReviewRating: SchemaRating{Type: "Rating", RatingValue: value, BestRating: ClaimReviewBestRating,
			WorstRating: ClaimReviewWorstRating, AlternateName: name, RatingExplanation: r.VerdictRationale},
		ItemReviewed: item,
	}
	// A corrected review was first published with the version the first
	// correction replaced; the current sign-off is its last modification.
	if len(r.Corrections) > 0 {
		cr.DatePublished = r.Corrections[0].PublishedAt.UTC().Format(time.RFC3339)
		cr.DateModified = r.SignedOffAt.UTC().Format(time.RFC3339)
		for _, c := range r.Corrections {
			cr.Correction = append(cr.Correction, SchemaCorrection{Type: "CorrectionComment", Text: c.UpdateLine,
				DatePublished: c.At.UTC().Format(time.RFC3339)})
		}
	}
	return cr, true
}

// claimReviewEncoder writes a JSON array of ClaimReviews. encoding/json
// escapes <, > and &, so the output can go straight into a
// <script type="application/ld+json"> block without closing it early.
type claimReviewEncoder struct {
	w   *bufio.Writer
	enc *json.Encoder
	opt ExportOptions
	n   int64
}

func newClaimReviewEncoder(w *bufio.Writer, opt ExportOptions) *claimReviewEncoder {
	return &claimReviewEncoder{w: w, enc: json.NewEncoder(w), opt: opt}
}

func (e *claimReviewEncoder) begin() error {
	_, err := e.w.WriteString("[\n")
	return err
}

func (e *claimReviewEncoder) row(r *ExportRow) error {
	cr, ok := NewClaimReview(r, e.opt)
	if !ok {
		// EachPublishedRow filters in SQL; this guards the rule twice.
		return nil
	}
	if e.n > 0 {
		if _, err := e.w.WriteString(","); err != nil {
			return err
		}
	}
	e.n++
	return e.enc.Encode(&cr)
}

func (e *claimReviewEncoder) end() error {
	_, err := e.w.WriteString("]\n")
	return err
}
