package models

import (
	"fmt"

	"claimdesk/models/liveblog"
)

// MaxPreviewBytes bounds what one import preview may hold (entries and
// candidates, as text): a pasted blog that would make a larger preview is
// refused with a message rather than held in memory and sent whole. A real
// live blog, even a long one, previews in a small fraction of this.
const MaxPreviewBytes = 16 << 20

// previewOverhead is what one candidate or entry adds to a preview beyond its
// text: field names, flags and numbers.
const previewOverhead = 320

// checkPreviewSize refuses a preview of entries and cands with more text
// than MaxPreviewBytes, or (with countBound, for a preview answered whole)
// more candidates than one import may store, before any of it is built.
func checkPreviewSize(p *ImportPreview, cands []liveblog.Candidate, countBound bool) error {
	if countBound && len(cands) > MaxImportCandidates {
		return invalid("text", "yields more than 5,000 candidate claims, more than one import may hold; import the blog in parts")
	}
	// A paged review (see PreviewImportPaged) sends 200 candidates at a time
	// and may hold twice as much while it picks them.
	limit := MaxPreviewBytes
	if !countBound {
		limit = 2 * MaxPreviewBytes
	}
	size := len(p.Title)
	for _, e := range p.Entries {
		size += previewOverhead + len(e.Time) + len(e.Headline) + len(e.Body)
	}
	for _, c := range cands {
		// The matched source's name is about as long as the claimant.
		size += previewOverhead + len(c.Claim) + 2*len(c.Claimant) + len(c.Quote) + len(c.Time) + len(c.Headline) +
			len(c.Verb) + len(c.Channel) + len(c.Via) + len(c.Caveat)
		if size > limit {
			break
		}
	}
	if size > limit {
		return invalid("text", fmt.Sprintf("would make a preview larger than %d MB; import the blog in parts", limit>>20))
	}
	return nil
}
