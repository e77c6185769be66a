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

// MaxReviewCandidates and MaxReviewPreviewBytes bound a preview reviewed a
// page at a time on the import page, which never sends it whole.
const (
	MaxReviewCandidates   = 60000
	MaxReviewPreviewBytes = 64 << 20
)

// previewBounds is what one preview may hold, and whether its candidates are
// matched to the desk's claims at once.
type previewBounds struct {
	cands, bytes int
	match        bool
}

// checkPreviewSize refuses a preview of entries and cands with more
// candidates or more text than max allows, before any of it is built.
func checkPreviewSize(p *ImportPreview, cands []liveblog.Candidate, max previewBounds) error {
	if len(cands) > max.cands {
		if max.cands == MaxImportCandidates {
			return invalid("text", "yields more than 5,000 candidate claims, more than one import may hold; import the blog in parts")
		}
		return invalid("text", fmt.Sprintf("yields more than %d candidate claims; import the blog in parts", max.cands))
	}
	size := len(p.Title)
	for _, e := range p.Entries {
		size += previewOverhead + len(e.Time) + len(e.Headline) + len(e.Body)
	}
	for _, c := range cands {
		// The matched source's name is about as long as the claimant.
		size += previewOverhead + len(c.Claim) + 2*len(c.Claimant) + len(c.Quote) + len(c.Time) + len(c.Headline) +
			len(c.Verb) + len(c.Channel) + len(c.Via) + len(c.Caveat)
		if size > max.bytes {
			break
		}
	}
	if size > max.bytes {
		return invalid("text", fmt.Sprintf("would make a preview larger than %d MB; import the blog in parts", max.bytes>>20))
	}
	return nil
}
