package models

import "claimdesk/models/liveblog"

// MaxPreviewBytes bounds what one import preview may hold (entries and
// candidates, as text): a pasted blog that would make a larger preview is
// refused with a message rather than held in memory and sent whole. A real
// live blog, even a long one, previews in a small fraction of this.
const MaxPreviewBytes = 16 << 20

// previewOverhead is what one candidate or entry adds to a preview beyond its
// text: field names, flags and numbers.
const previewOverhead = 320

// checkPreviewSize refuses a preview of entries and cands with more
// candidates than one import may store, or more text than MaxPreviewBytes,
// before any of it is built.
func checkPreviewSize(p *ImportPreview, cands []liveblog.Candidate) error {
	if len(cands) > MaxImportCandidates {
		return invalid("text", "yields more than 5,000 candidate claims, more than one import may hold; import the blog in parts")
	}
	size := len(p.Title)
	for _, e := range p.Entries {
		size += previewOverhead + len(e.Time) + len(e.Headline) + len(e.Body)
	}
	for _, c := range cands {
		// The matched source's name is about as long as the claimant.
		size += previewOverhead + len(c.Claim) + 2*len(c.Claimant) + len(c.Quote) + len(c.Time) + len(c.Headline) +
			len(c.Verb) + len(c.Channel) + len(c.Via) + len(c.Caveat)
		if size > MaxPreviewBytes {
			break
		}
	}
	if size > MaxPreviewBytes {
		return invalid("text", "would make a preview larger than 16 MB; import the blog in parts")
	}
	return nil
}
