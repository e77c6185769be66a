package liveblog

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks the extractor's invariants on arbitrary input: no
// panic, only the documented errors, every candidate with a claim and a
// claimant in valid UTF-8, and a quote taken from the text.
func FuzzExtract(f *testing.F) {
	f.Add("Live\n\n4:52 p.m.: The toll rose to nine, officials said. The figures could not be independently verified.")
	f.Add(`"We will stay," Ana Borg told Northwire. "Nobody wants this," she added, "but we must."`)
	f.Add("CAIRO (Reuters) - The ministry denied that it had fired and said talks would go on, Reuters reported.")
	f.Fuzz(func(t *testing.T, text string) {
		cands, err := Extract(text)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		norm, err := normalize(text)
		if err != nil {
			t.Fatalf("Extract accepted what normalize rejects: %v", err)
		}
		flat := collapseSpaces(norm)
		for _, c := range cands {
			if strings.TrimSpace(c.Claim) == "" || strings.TrimSpace(c.Claimant) == "" {
				t.Fatalf("empty claim or claimant: %+v", c)
			}
			for _, s := range []string{c.Claim, c.Claimant, c.Quote, c.Channel, c.Via, c.Caveat, c.Verb} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 in %+v", c)
				}
			}
			if !strings.Contains(flat, c.Quote) {
				t.Fatalf("quote %q is not in the text", c.Quote)
			}
			if c.Unverifiable != (c.Caveat != "") {
				t.Fatalf("unverifiable without caveat or the reverse: %+v", c)
			}
		}
		if _, err := Parse(text); err != nil {
			t.Fatalf("Parse failed where Extract succeeded: %v", err)
		}
	})
}
