package models

import (
	"context"
	"errors"
	"testing"
)

func TestWithdrawHidesAndRestoreBrings(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	keep := f.claim(t, "Two women were killed")
	junk := f.claim(t, "Zoom Image")
	total := func(flt ClaimFilter) int64 {
		t.Helper()
		p, err := f.s.Claims(ctx, flt)
		if err != nil {
			t.Fatal(err)
		}
		return p.Total
	}

	if _, err := f.s.WithdrawClaim(ctx, f.fc, junk.ID, junk.Version, "  "); !hasField(err, "reason") {
		t.Fatalf("withdraw without a reason: %v", err)
	}
	if _, err := f.s.WithdrawClaim(ctx, f.fc, junk.ID, junk.Version+5, "a caption"); !errors.As(err, new(*ConflictError)) {
		t.Fatalf("withdraw at a stale version: %v", err)
	}
	w, err := f.s.WithdrawClaim(ctx, f.fc, junk.ID, junk.Version, "a photo caption, not a claim")
	if err != nil {
		t.Fatal(err)
	}
	if w.WithdrawnAt == nil || w.WithdrawnReason != "a photo caption, not a claim" || *w.WithdrawnByID != f.fc.ID {
		t.Fatalf("withdrawn claim: %+v", w)
	}
	if n := total(ClaimFilter{}); n != 1 {
		t.Fatalf("desk total with a withdrawn claim: %d, want 1", n)
	}
	if n := total(ClaimFilter{Query: "zoom"}); n != 0 {
		t.Fatalf("search finds the withdrawn claim: %d", n)
	}
	counts, err := f.s.VerdictCounts(ctx, ClaimFilter{StoryID: f.story.ID})
	if err != nil {
		t.Fatal(err)
	}
	if counts["unreviewed"] != 1 {
		t.Fatalf("verdict counts count the withdrawn claim: %v", counts)
	}
	if n := total(ClaimFilter{Withdrawn: WithdrawnIncluded}); n != 2 {
		t.Fatalf("withdrawn=1 total: %d, want 2", n)
	}
	p, err := f.s.Claims(ctx, ClaimFilter{Withdrawn: WithdrawnOnly})
	if err != nil || p.Total != 1 || p.Claims[0].ID != junk.ID {
		t.Fatalf("withdrawn=only: %+v %v", p, err)
	}
	// Still there to read, and again withdrawing it is refused.
	if got, err := f.s.Claim(ctx, junk.ID); err != nil || got.WithdrawnAt == nil {
		t.Fatalf("the withdrawn claim cannot be read: %v", err)
	}
	if _, err := f.s.WithdrawClaim(ctx, f.fc, junk.ID, w.Version, "again"); !hasField(err, "withdrawn") {
		t.Fatalf("withdrawing twice: %v", err)
	}

	r, err := f.s.RestoreClaim(ctx, f.editor, junk.ID, w.Version, "it is a claim after all")
	if err != nil {
		t.Fatal(err)
	}
	if r.WithdrawnAt != nil || r.WithdrawnReason != "" {
		t.Fatalf("restored claim: %+v", r)
	}
	if n := total(ClaimFilter{}); n != 2 {
		t.Fatalf("desk total after restoring: %d", n)
	}
	if _, err := f.s.RestoreClaim(ctx, f.editor, keep.ID, keep.Version, ""); !hasField(err, "withdrawn") {
		t.Fatalf("restoring a claim on the desk: %v", err)
	}
	acts, err := f.s.ClaimActivity(ctx, junk.ID)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, a := range acts {
		seen = append(seen, a.Action+":"+a.Text)
	}
	want := []string{"created:Zoom Image", "withdrawn:a photo caption, not a claim", "restored:it is a claim after all"}
	if len(seen) != len(want) {
		t.Fatalf("activity: %q", seen)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("activity: %q, want %q", seen, want)
		}
	}
}

// hasField reports whether err is a validation error naming field.
func hasField(err error, field string) bool {
	var ve *ValidationError
	return errors.As(err, &ve) && ve.Fields[field] != ""
}
