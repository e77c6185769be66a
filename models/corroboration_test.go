package models

import (
	"context"
	"testing"
)

// The governor's own Telegram post is the claim, not a corroboration: only
// origins other than the claimant count.
func TestCorroborationLeavesOutTheClaimant(t *testing.T) {
	f := newFixture(t) // the source is Vyacheslav Gladkov, aliases Gladkov and "governor of Belgorod"
	ctx := context.Background()
	c := f.claim(t, "Two women were killed")
	f.evidence(t, c, "supports", "https://t.me/vvgladkov/4410", "")
	f.evidence(t, c, "supports", "https://example.org/post", "Gladkov's Telegram channel")
	f.evidence(t, c, "supports", "https://example.org/a", "Governor of Belgorod")
	f.evidence(t, c, "supports", "https://wire.example/story", "Reuters")
	f.evidence(t, c, "supports", "https://other.example/copy", "Reuters")
	f.evidence(t, c, "supports", "https://hospital.example/statement", "")
	f.evidence(t, c, "refutes", "https://militia.example/", "")
	evs, err := f.s.ClaimEvidence(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := Corroboration(evs); n != 5 {
		t.Fatalf("every supporting origin: %d, want 5", n)
	}
	n, err := f.s.ClaimCorroboration(ctx, c, evs)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("origins besides the claimant: %d, want 2 (Reuters, hospital.example)", n)
	}
	for _, tc := range []struct {
		origin, url string
		self        bool
	}{
		{"Vyacheslav Gladkov", "", true},
		{"", "https://twitter.com/VVGladkov", true},
		{"", "https://gladkov.example/statement", true},
		{"Belgorod regional hospital", "", false},
		{"", "https://belgorod.example/news", false},
		{"TASS", "", false},
		{"", "not a link", false},
	} {
		if got := newClaimantSelf("Vyacheslav Gladkov", "Gladkov", "governor of Belgorod").is(tc.origin, tc.url); got != tc.self {
			t.Errorf("origin %q url %q: claimant itself %v, want %v", tc.origin, tc.url, got, tc.self)
		}
	}
}
