package livepage

import (
	"strconv"
	"strings"

	"claimdesk/models/liveblog"
)

// Change is an entry of the page that the follow has not seen as it is now.
type Change struct {
	Entry Entry
	// Key is the entry's identity (Entry.Key, with "#2", "#3" added to
	// repeats within one page) and Hash its TextHash.
	Key, Hash string
	// Updated is true for an entry seen before with other text.
	Updated bool
}

// Diff returns the entries of p that are new or changed with respect to
// seen (Key → TextHash of what was read before), in page order. A page
// that changed nothing returns nothing.
func Diff(p *Page, seen map[string]string) []Change {
	var out []Change
	repeats := map[string]int{}
	for _, e := range p.Entries {
		key := e.Key()
		repeats[key]++
		if n := repeats[key]; n > 1 {
			key += "#" + strconv.Itoa(n)
		}
		hash := e.TextHash()
		old, ok := seen[key]
		if ok && old == hash {
			continue
		}
		out = append(out, Change{Entry: e, Key: key, Hash: hash, Updated: ok})
	}
	return out
}

// Propose runs the extractor over the changed entries and returns their
// candidate claims; a candidate's EntryIndex is the index of its Change.
// The entries are extracted as one text, so a name given in full in one
// entry resolves a bare surname in the next, unless an entry's own text
// holds lines that read as timestamps; then each entry is extracted alone.
func Propose(changes []Change) ([]liveblog.Candidate, error) {
	if len(changes) == 0 {
		return nil, nil
	}
	var b strings.Builder
	for _, c := range changes {
		writeEntry(&b, c.Entry)
	}
	text := b.String()
	if blog, err := liveblog.Parse(text); err == nil && len(blog.Entries) == len(changes) {
		cands, err := liveblog.Extract(text)
		if err != nil {
			return nil, err
		}
		return label(cands, changes, 0), nil
	}
	var out []liveblog.Candidate
	for i, c := range changes {
		b.Reset()
		writeEntry(&b, c.Entry)
		cands, err := liveblog.Extract(b.String())
		if err != nil {
			return nil, err
		}
		for k := range cands {
			cands[k].EntryIndex = 0
		}
		out = append(out, label(cands, changes[i:i+1], i)...)
	}
	return out, nil
}

// writeEntry writes an entry in the shape the live-blog parser reads: a
// timestamp line (a neutral one, since the entry's printed time may not be
// a clock), the headline on it, then the body.
func writeEntry(b *strings.Builder, e Entry) {
	b.WriteString("00:00 – ")
	if e.Headline != "" {
		b.WriteString(e.Headline)
	} else {
		b.WriteString("Update")
	}
	b.WriteString("\n\n")
	b.WriteString(e.Body)
	b.WriteString("\n\n")
}

// label gives candidates their entry's real time and headline and shifts
// their EntryIndex by base; claims outside any entry are dropped.
func label(cands []liveblog.Candidate, changes []Change, base int) []liveblog.Candidate {
	out := cands[:0]
	for _, c := range cands {
		if c.EntryIndex < 0 || c.EntryIndex >= len(changes) {
			continue
		}
		e := changes[c.EntryIndex].Entry
		c.Time, c.Headline = e.Time, e.Headline
		c.EntryIndex += base
		out = append(out, c)
	}
	return out
}
