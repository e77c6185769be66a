package models

import (
	"context"
	"encoding/json"
	"testing"
)

// Rule 8: editing what a sign-off vouched for (text, quote, claimant) clears
// it, like a verdict change; other edits leave it standing.
func TestEditOfSignedOffClaimClearsSignOff(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		in     ClaimInput
		clears bool
		label  string
	}{
		{"text", ClaimInput{Text: ptr("Three women were killed by shelling")}, true, "the text changed after sign-off"},
		{"quote", ClaimInput{Quote: ptr("Three women were killed, Gladkov said.")}, true, "the quote changed after sign-off"},
		{"claimant by name", ClaimInput{Claimant: ptr("Ministry of Defence")}, true, "the claimant changed after sign-off"},
		{"text and quote", ClaimInput{Text: ptr("Three women"), Quote: ptr("Three, he said.")}, true, "the text and quote changed after sign-off"},
		{"reported url", ClaimInput{ReportedURL: ptr("https://news.example/live#1104")}, false, ""},
		{"same text again", ClaimInput{Text: ptr("Two women were killed by shelling")}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			c := f.claim(t, "Two women were killed by shelling")
			f.evidence(t, c, "supports", "https://example.org/a", "")
			c, err := f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Verified, Rationale: "photos geolocated", Version: c.Version})
			if err != nil {
				t.Fatal(err)
			}
			if c, err = f.s.SignOff(ctx, f.editor2, c.ID, c.Version); err != nil || !c.Published {
				t.Fatalf("sign-off: %v %+v", err, c)
			}
			signedAt := *c.SignedOffAt
			f.clock.Advance(3600e9)
			tc.in.Reason = ptr("the quote was transcribed wrongly") // required when it clears a sign-off
			got, err := f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			reread, err := f.s.Claim(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			acts, err := f.s.ClaimActivity(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			last := acts[len(acts)-1]
			if !tc.clears {
				if !got.Published || !reread.Published || reread.SignedOffAt == nil || last.Action == ActSignOffCleared {
					t.Fatalf("an edit of nothing signed off cleared the sign-off: %+v, last activity %+v", reread, last)
				}
				return
			}
			for _, cl := range []*Claim{got, reread} {
				if cl.Published || cl.SignedOffAt != nil || cl.SignedOffByID != nil || cl.Verdict != Verified {
					t.Fatalf("sign-off not cleared by the edit: %+v", cl)
				}
			}
			if last.Action != ActSignOffCleared || last.Text != tc.label || last.ActorID == nil || *last.ActorID != f.fc.ID || last.FromValue != "verified" {
				t.Fatalf("activity row: %+v", last)
			}
			if acts[len(acts)-2].Action != ActEdited {
				t.Fatalf("the edit itself is not recorded first: %+v", acts[len(acts)-2])
			}
			var d struct {
				Changes     []FieldChange `json:"changes"`
				SignedOffBy int64         `json:"signed_off_by"`
			}
			if err := json.Unmarshal(last.Details, &d); err != nil || len(d.Changes) == 0 || d.SignedOffBy != f.editor2.ID {
				t.Fatalf("details %s: %v", last.Details, err)
			}
			// The ClaimReview export holds signed-off verdicts only: not this one now.
			published := 0
			if err := f.s.EachPublishedRow(ctx, ClaimFilter{}, func(*ExportRow) error { published++; return nil }); err != nil {
				t.Fatal(err)
			}
			if published != 0 {
				t.Fatalf("the edited claim is still exported as published (%d rows)", published)
			}
			// It can be signed off again, as edited.
			again, err := f.s.SignOff(ctx, f.editor2, c.ID, reread.Version)
			if err != nil || !again.Published || !again.SignedOffAt.After(signedAt) {
				t.Fatalf("sign-off again: %v %+v", err, again)
			}
		})
	}
}
