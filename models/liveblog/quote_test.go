package liveblog

import (
	"strings"
	"testing"
)

// TestQuoteBoundedInLongSentence checks that a run of statements without
// full stops does not repeat the whole run as the quote of each of its
// claims: each quote is the claim with its attribution and some context, so
// the output grows with the claims, not with claims times run.
func TestQuoteBoundedInLongSentence(t *testing.T) {
	run := strings.Repeat("Ana Borg said the port was closed, and Piet Vermaas said no ship had moved, and the union said talks resume on Monday, ", 400) + "end."
	cands, err := Extract(run)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) < 12 {
		t.Fatalf("%d candidates from a run of 1,200 statements", len(cands))
	}
	for _, c := range cands {
		if len(c.Quote) > len(c.Claim)+2*quoteContext+80 {
			t.Fatalf("quote of %d bytes for a claim of %d: %.120q…", len(c.Quote), len(c.Claim), c.Quote)
		}
		if !strings.Contains(c.Quote, c.Claim) || !strings.Contains(c.Quote, c.Claimant) {
			t.Errorf("quote %q lacks claim %q or claimant %q", c.Quote, c.Claim, c.Claimant)
		}
	}
	// A sentence of ordinary length is still quoted whole.
	short := "The union said no cargo ship had been unloaded since Monday, and Borg said the talks would resume."
	cands, _ = Extract(short)
	for _, c := range cands {
		if c.Quote != short {
			t.Errorf("quote %q, want the whole sentence", c.Quote)
		}
	}
}
