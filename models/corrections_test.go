package models

import (
	"context"
	"strings"
	"testing"
	"time"
)

// publish takes a claim to a signed-off verdict: evidence, the verdict by a
// fact-checker, the sign-off by an editor.
func (f *fixture) publish(t testing.TB, c *Claim, v Verdict) *Claim {
	t.Helper()
	ctx := context.Background()
	f.evidence(t, c, "supports", "https://example.org/evidence-"+string(v), "")
	c, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: v, Rationale: "Geolocated the video", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.SignOff(ctx, f.editor, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	if !c.Published {
		t.Fatalf("not published after sign-off: %+v", c)
	}
	return c
}

func (f *fixture) corrections(t testing.TB, claimID int64) []Correction {
	t.Helper()
	cs, err := f.s.Corrections(context.Background(), CorrectionFilter{ClaimID: claimID, Oldest: true})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// Rule 8, before publication: nothing a desk does to an unpublished claim
// is a correction, not even a final verdict that was never signed off.
func TestNoCorrectionBeforePublication(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women were killed.")
	f.evidence(t, c, "supports", "https://example.org/a", "")
	c, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Verified, Rationale: "seen", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{Text: ptr("Two women were injured."), Quote: ptr("q")}); err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "not so", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	if cs := f.corrections(t, c.ID); len(cs) != 0 {
		t.Fatalf("corrections of an unpublished claim: %+v", cs)
	}
}

// Rule 8: a verdict change after sign-off clears it and records what was
// published, what it changed to, who, when, why, and the Update line.
func TestVerdictChangeAfterPublicationIsACorrection(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.publish(t, f.claim(t, "Two women were killed by shelling."), Verified)
	published := *c
	f.clock.mu.Lock()
	f.clock.t = time.Date(2026, 6, 4, 14, 5, 0, 0, time.UTC)
	f.clock.mu.Unlock()
	got, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "The video was filmed in 2022.", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if got.Published || got.SignedOffAt != nil {
		t.Fatalf("sign-off not cleared: %+v", got)
	}
	cs := f.corrections(t, c.ID)
	if len(cs) != 1 {
		t.Fatalf("%d corrections", len(cs))
	}
	k := cs[0]
	if k.Kind != CorrectionVerdict || k.FromVerdict != Verified || k.ToVerdict != False || k.By != "Fay Checker" ||
		k.Reason != "The video was filmed in 2022." || k.StoryID != c.StoryID || !k.At.Equal(time.Date(2026, 6, 4, 14, 5, 0, 0, time.UTC)) {
		t.Errorf("correction %+v", k)
	}
	p := k.Published
	if p.Text != published.Text || p.Claimant != "Vyacheslav Gladkov" || p.Verdict != Verified || p.Rationale != "Geolocated the video" ||
		p.SignedOffBy != "Eve Editor" || !p.SignedOffAt.Equal(*published.SignedOffAt) || p.VerdictBy != "Fay Checker" ||
		len(p.Evidence) != 1 || p.Evidence[0].URL != "https://example.org/evidence-verified" {
		t.Errorf("published version %+v", p)
	}
	// The live desk hears of both: claim.published, then claim.corrected.
	evs, err := f.s.EventsAfter(ctx, 0, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, e := range evs {
		if e.ClaimID == c.ID && (e.Type == "claim.published" || e.Type == "claim.corrected") {
			types = append(types, e.Type)
		}
	}
	if strings.Join(types, ",") != "claim.published,claim.corrected" {
		t.Errorf("events %v", types)
	}
	want := "Update, 4 June, 14:05 UTC: An earlier version of this entry said the claim by Vyacheslav Gladkov that two women were killed by shelling was verified. New evidence shows it is false: The video was filmed in 2022."
	if k.UpdateLine != want {
		t.Errorf("update line\n got %q\nwant %q", k.UpdateLine, want)
	}
	// A later change of an unpublished verdict is not another correction.
	if got, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Disputed, Rationale: "accounts differ", Version: got.Version}); err != nil {
		t.Fatal(err)
	}
	if cs := f.corrections(t, c.ID); len(cs) != 1 {
		t.Fatalf("an unpublished change made %d corrections", len(cs))
	}
	// Re-publishing: a new sign-off, then another change is a second correction.
	if got, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "the 2022 video", Version: got.Version}); err != nil {
		t.Fatal(err)
	}
	if got, err = f.s.SignOff(ctx, f.editor2, c.ID, got.Version); err != nil || !got.Published {
		t.Fatalf("re-publish: %v", err)
	}
	if _, err = f.s.BulkVerdict(ctx, f.fc, []int64{c.ID}, Unverified, "the source retracted"); err != nil {
		t.Fatal(err)
	}
	cs = f.corrections(t, c.ID)
	if len(cs) != 2 || cs[1].FromVerdict != False || cs[1].ToVerdict != Unverified || cs[1].Published.SignedOffBy != "Ed Second" ||
		!strings.Contains(cs[1].UpdateLine, "was false. It can no longer be independently verified: the source retracted.") {
		t.Fatalf("bulk change of a re-published claim: %+v", cs)
	}
}

// Rule 8: an edit of a published claim's text, quote or claimant needs a
// reason, clears the sign-off and records a correction; other fields do not.
func TestEditOfPublishedClaimIsACorrection(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, err := f.s.CreateSource(ctx, SourceInput{Name: ptr("Belgorod regional ministry")})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		in   ClaimInput
		want string
	}{
		{"text", ClaimInput{Text: ptr("Two women were injured.")}, "misstated the claim by Vyacheslav Gladkov: it said that two women were killed; the claim is that two women were injured."},
		{"quote", ClaimInput{Quote: ptr("Two women were injured, he said.")}, "misquoted Vyacheslav Gladkov, who said: “Two women were injured, he said.”"},
		{"claimant", ClaimInput{SourceID: &other.ID}, "attributed the claim that two women were killed to Vyacheslav Gladkov; it was made by Belgorod regional ministry."},
	}
	for _, tc := range cases {
		c := f.publish(t, f.claim(t, "Two women were killed ("+tc.name+")."), Misleading)
		_, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{Text: ptr("Two women were killed.")})
		if msg := fieldErr(t, err, "reason"); !strings.Contains(msg, "required") {
			t.Errorf("%s: %q", tc.name, msg)
		}
		c, _ = f.s.Claim(ctx, c.ID)
		if !c.Published || len(f.corrections(t, c.ID)) != 0 {
			t.Fatalf("%s: a refused edit changed something: %+v", tc.name, c)
		}
		// The text first goes through a (published) edit with a reason.
		in := ClaimInput{Text: ptr("Two women were killed."), Reason: ptr("style")}
		if c, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, in); err != nil {
			t.Fatal(err)
		}
		c, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Verified, Rationale: "again", Version: c.Version})
		if err != nil {
			t.Fatal(err)
		}
		if c, err = f.s.SignOff(ctx, f.editor, c.ID, c.Version); err != nil {
			t.Fatal(err)
		}
		before := len(f.corrections(t, c.ID))
		tc.in.Reason = ptr("transcription error")
		got, err := f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got.Published || got.SignedOffAt != nil || got.Verdict != Verified {
			t.Errorf("%s: after the edit %+v", tc.name, got)
		}
		cs := f.corrections(t, c.ID)
		if len(cs) != before+1 {
			t.Fatalf("%s: %d corrections, want %d", tc.name, len(cs), before+1)
		}
		k := cs[len(cs)-1]
		if k.Kind != CorrectionEdit || k.FromVerdict != Verified || k.ToVerdict != Verified || k.Reason != "transcription error" ||
			!strings.Contains(k.UpdateLine, tc.want) || !strings.HasSuffix(k.UpdateLine, "Transcription error.") {
			t.Errorf("%s: %+v", tc.name, k)
		}
		// The edit logged and the sign-off cleared, in one transaction.
		acts, _ := f.s.ClaimActivity(ctx, c.ID)
		if last := acts[len(acts)-2:]; last[0].Action != ActEdited || last[1].Action != ActSignOffCleared {
			t.Errorf("%s: activity %+v", tc.name, last)
		}
	}
	// Other fields of a published claim change without a correction.
	c := f.publish(t, f.claim(t, "The bridge was hit."), False)
	got, err := f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{Channel: ptr("on Telegram"), Via: ptr("Reuters")})
	if err != nil || !got.Published || len(f.corrections(t, c.ID)) != 0 {
		t.Fatalf("channel edit: %v %+v", err, got)
	}
}

func TestCorrectionsAreAppendOnly(t *testing.T) {
	f := newFixture(t)
	c := f.publish(t, f.claim(t, "Claim"), Verified)
	if _, err := f.s.SetVerdict(context.Background(), f.fc, c.ID, VerdictChange{Verdict: InReview, Rationale: "doubts", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.w.Exec(`UPDATE corrections SET reason = 'rewritten'`).Error; err == nil {
		t.Fatal("updating a correction succeeded")
	}
	if err := f.s.w.Exec(`DELETE FROM corrections`).Error; err == nil {
		t.Fatal("deleting a correction succeeded")
	}
	cs := f.corrections(t, c.ID)
	if len(cs) != 1 || cs[0].Reason != "doubts" {
		t.Fatalf("after tampering attempts: %+v", cs)
	}
	byStory, err := f.s.Corrections(context.Background(), CorrectionFilter{StoryID: c.StoryID})
	if err != nil || len(byStory) != 1 {
		t.Fatalf("by story: %v %d", err, len(byStory))
	}
	if none, _ := f.s.Corrections(context.Background(), CorrectionFilter{StoryID: c.StoryID + 100}); len(none) != 0 {
		t.Fatalf("another story: %+v", none)
	}
}
