package correction

import (
	"strings"
	"testing"
	"time"
)

// Every verdict a published claim can move to gets its own wording; the
// line always says what readers were told and names the time in UTC.
func TestUpdateLineEveryVerdictPair(t *testing.T) {
	at := time.Date(2026, 6, 4, 16, 5, 0, 0, time.FixedZone("CEST", 2*3600))
	now := map[string]string{
		"verified":   "New evidence shows it is accurate: ",
		"false":      "New evidence shows it is false: ",
		"misleading": "New evidence shows it is misleading: ",
		"unverified": "It can no longer be independently verified: ",
		"disputed":   "Credible accounts of it now conflict: ",
		"in_review":  "We are reviewing it again: ",
		"unreviewed": "That assessment has been withdrawn until the claim is reviewed again: ",
	}
	for _, from := range []string{"verified", "false", "misleading"} {
		for to, phrase := range now {
			if to == from {
				continue
			}
			got := UpdateLine(Change{At: at, Claimant: "Vyacheslav Gladkov", ToClaimant: "Vyacheslav Gladkov",
				Clause: "two women were killed", ToClause: "two women were killed", Verdict: from, ToVerdict: to,
				Reason: "The video was filmed in 2022"})
			want := "Update, 4 June, 14:05 UTC: An earlier version of this entry said the claim by Vyacheslav Gladkov that two women were killed was " +
				from + ". " + phrase + "The video was filmed in 2022."
			if got != want {
				t.Errorf("%s → %s:\n got %q\nwant %q", from, to, got, want)
			}
		}
	}
}

func TestUpdateLineEdits(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	base := Change{At: at, Claimant: "Gladkov", ToClaimant: "Gladkov", Clause: "two women were killed",
		ToClause: "two women were killed", Verdict: "verified", ToVerdict: "verified", Reason: "transcription error"}
	cases := []struct {
		name string
		edit func(*Change)
		want string
	}{
		{"text", func(c *Change) { c.ToClause = "two women were injured" },
			"Update, 1 December, 09:30 UTC: An earlier version of this entry misstated the claim by Gladkov: it said that two women were killed; the claim is that two women were injured. Transcription error."},
		{"claimant", func(c *Change) { c.ToClaimant = "the regional ministry" },
			"Update, 1 December, 09:30 UTC: An earlier version of this entry attributed the claim that two women were killed to Gladkov; it was made by the regional ministry. Transcription error."},
		{"quote", func(c *Change) { c.Quote, c.ToQuote = "Two were killed", "Two were hurt." },
			"Update, 1 December, 09:30 UTC: An earlier version of this entry misquoted Gladkov, who said: “Two were hurt.” Transcription error."},
		{"quote removed", func(c *Change) { c.Quote = "Two were killed" },
			"Update, 1 December, 09:30 UTC: An earlier version of this entry quoted Gladkov wrongly; the quote has been removed. Transcription error."},
	}
	for _, tc := range cases {
		ch := base
		tc.edit(&ch)
		if got := UpdateLine(ch); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
	both := base
	both.ToClause, both.ToClaimant = "two women were injured", "the ministry"
	got := UpdateLine(both)
	if !strings.Contains(got, "attributed the claim that two women were injured to Gladkov") || !strings.Contains(got, "misstated the claim by the ministry") {
		t.Errorf("two edits at once: %q", got)
	}
}
