package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func fieldErr(t *testing.T, err error, field string) string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v (%T), want a ValidationError on %q", err, err, field)
	}
	msg, ok := ve.Fields[field]
	if !ok {
		t.Fatalf("validation error %v does not name %q", ve.Fields, field)
	}
	return msg
}

// Rule 1: every verdict change needs a rationale and appends an Activity row.
func TestVerdictNeedsRationale(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women were killed by shelling.")
	for _, r := range []string{"", "   \n\t"} {
		_, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: InReview, Rationale: r, Version: c.Version})
		if msg := fieldErr(t, err, "rationale"); msg != "is required" {
			t.Errorf("message %q", msg)
		}
	}
	got, _ := f.s.Claim(ctx, c.ID)
	if got.Verdict != Unreviewed || got.Version != c.Version {
		t.Fatalf("a refused change wrote something: %+v", got)
	}
	got, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: InReview, Rationale: "Checking with the ministry", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != InReview || got.Version != c.Version+1 || got.VerdictRationale != "Checking with the ministry" || got.VerdictByName != "Fay Checker" {
		t.Fatalf("after change: %+v", got)
	}
	acts, _ := f.s.ClaimActivity(ctx, c.ID)
	last := acts[len(acts)-1]
	if last.Action != ActVerdictChanged || last.FromValue != "unreviewed" || last.ToValue != "in_review" || last.Text != "Checking with the ministry" {
		t.Fatalf("activity row: %+v", last)
	}
}

// Rule 2: verified, false and misleading need evidence; the Activity row
// records the evidence that stood at that moment.
func TestFinalVerdictNeedsEvidence(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, v := range []Verdict{Verified, False, Misleading} {
		c := f.claim(t, "Claim to be "+string(v))
		_, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: v, Rationale: "sure", Version: c.Version})
		if msg := fieldErr(t, err, "verdict"); !strings.Contains(msg, "evidence") {
			t.Errorf("%s without evidence: %q", v, msg)
		}
		ev := f.evidence(t, c, "supports", "https://example.org/"+string(v), "")
		removed := f.evidence(t, c, "refutes", "https://example.org/gone", "")
		if err := f.s.RemoveEvidence(ctx, f.fc, c.ID, removed.ID, "wrong link"); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: v, Rationale: "sure", Version: c.Version})
		if err != nil || got.Verdict != v {
			t.Fatalf("%s with evidence: %v", v, err)
		}
		acts, _ := f.s.ClaimActivity(ctx, c.ID)
		var d struct {
			EvidenceIDs []int64 `json:"evidence_ids"`
		}
		if err := json.Unmarshal(acts[len(acts)-1].Details, &d); err != nil {
			t.Fatal(err)
		}
		if len(d.EvidenceIDs) != 1 || d.EvidenceIDs[0] != ev.ID {
			t.Fatalf("evidence recorded with the verdict: %v, want [%d]", d.EvidenceIDs, ev.ID)
		}
	}
	// Removed evidence does not count.
	c := f.claim(t, "Only removed evidence")
	ev := f.evidence(t, c, "supports", "https://example.org/x", "")
	if err := f.s.RemoveEvidence(ctx, f.fc, c.ID, ev.ID, "duplicate"); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Verified, Rationale: "x", Version: c.Version})
	fieldErr(t, err, "verdict")
}

// Rule 3: a stale version is a conflict carrying the current state; nothing is overwritten.
func TestStaleVersionConflicts(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Original text")
	if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: InReview, Rationale: "first", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Disputed, Rationale: "second, from an old page", Version: c.Version})
	var ce *ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want ConflictError", err)
	}
	if ce.Current.Verdict != InReview || ce.Current.Version != c.Version+1 {
		t.Fatalf("conflict carries %+v", ce.Current)
	}
	_, err = f.s.UpdateClaim(ctx, f.editor, c.ID, c.Version, ClaimInput{Text: ptr("Edited from an old page")})
	if !errors.As(err, &ce) {
		t.Fatalf("stale edit: got %v", err)
	}
	got, _ := f.s.Claim(ctx, c.ID)
	if got.Text != "Original text" || got.Verdict != InReview || got.VerdictRationale != "first" {
		t.Fatalf("something was overwritten: %+v", got)
	}
	// Missing version is a field error, not a silent overwrite.
	_, err = f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Disputed, Rationale: "x"})
	fieldErr(t, err, "version")
}

// Rule 4: sign-off by an editor other than the one who set the verdict;
// cleared by a later change.
func TestSignOffRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women were killed")
	f.evidence(t, c, "supports", "https://example.org/a", "")
	c, err := f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Verified, Rationale: "photos geolocated", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	var fe *ForbiddenError
	if _, err := f.s.SignOff(ctx, f.editor, c.ID, c.Version); !errors.As(err, &fe) {
		t.Fatalf("self sign-off: %v", err)
	}
	if _, err := f.s.SignOff(ctx, f.fc, c.ID, c.Version); !errors.As(err, &fe) {
		t.Fatalf("fact-checker sign-off: %v", err)
	}
	if c.Published {
		t.Fatal("published before sign-off")
	}
	c, err = f.s.SignOff(ctx, f.editor2, c.ID, c.Version)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Published || c.SignedOffByName != "Ed Second" || c.SignedOffAt == nil {
		t.Fatalf("after sign-off: %+v", c)
	}
	if !strings.Contains(c.AttributionLine, "independently verified") {
		t.Errorf("attribution line after sign-off: %q", c.AttributionLine)
	}
	c, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Disputed, Rationale: "new footage contradicts", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if c.SignedOffAt != nil || c.SignedOffByID != nil || c.Published {
		t.Fatalf("sign-off not cleared: %+v", c)
	}
	acts, _ := f.s.ClaimActivity(ctx, c.ID)
	if acts[len(acts)-1].Action != ActSignOffCleared {
		t.Fatalf("no sign-off cleared row: %+v", acts[len(acts)-1])
	}
	// Non-final verdicts cannot be signed off.
	_, err = f.s.SignOff(ctx, f.editor2, c.ID, c.Version)
	fieldErr(t, err, "verdict")
}

// Rule 5: stale flag, and bulk changes with one Activity row per claim.
func TestStaleAndBulk(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	old := f.claim(t, "Old unconfirmed claim")
	f.clock.Advance(7 * time.Hour)
	fresh := f.claim(t, "Fresh claim")
	got, _ := f.s.Claim(ctx, old.ID)
	if !got.Stale {
		t.Fatal("a 7-hour-old unconfirmed claim is not stale")
	}
	got, _ = f.s.Claim(ctx, fresh.ID)
	if got.Stale {
		t.Fatal("a fresh claim is stale")
	}
	page, err := f.s.Claims(ctx, ClaimFilter{Stale: true})
	if err != nil || page.Total != 1 || page.Claims[0].ID != old.ID {
		t.Fatalf("stale filter: %v %+v", err, page)
	}
	withEv := f.claim(t, "Has evidence")
	f.evidence(t, withEv, "supports", "https://example.org/e", "")
	res, err := f.s.BulkVerdict(ctx, f.fc, []int64{old.ID, fresh.ID, withEv.ID, 9999}, Verified, "checked together")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changed) != 1 || res.Changed[0] != withEv.ID || len(res.Failed) != 3 {
		t.Fatalf("bulk verified: %+v", res)
	}
	res, err = f.s.BulkVerdict(ctx, f.fc, []int64{old.ID, fresh.ID}, Unverified, "no access to the area")
	if err != nil || len(res.Changed) != 2 {
		t.Fatalf("bulk unverified: %v %+v", err, res)
	}
	for _, id := range []int64{old.ID, fresh.ID} {
		acts, _ := f.s.ClaimActivity(ctx, id)
		last := acts[len(acts)-1]
		if last.Action != ActVerdictChanged || last.ToValue != "unverified" || last.Text != "no access to the area" {
			t.Fatalf("claim %d activity: %+v", id, last)
		}
	}
	// Fact-checkers may bulk-assign only to themselves; editors anyone.
	var fe *ForbiddenError
	res, err = f.s.BulkAssign(ctx, f.fc, []int64{old.ID}, &f.editor.ID)
	if err != nil || len(res.Failed) != 1 {
		t.Fatalf("fact-checker assigning an editor: %v %+v %v", err, res, fe)
	}
	res, err = f.s.BulkAssign(ctx, f.editor, []int64{old.ID, fresh.ID}, &f.fc.ID)
	if err != nil || len(res.Changed) != 2 {
		t.Fatalf("editor bulk assign: %v %+v", err, res)
	}
	page, _ = f.s.Claims(ctx, ClaimFilter{AssigneeID: f.fc.ID})
	if page.Total != 2 {
		t.Fatalf("assignee filter: %d", page.Total)
	}
}

// Rule 6: corroboration counts independent origins; a copied wire story counts once.
func TestCorroboration(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "The bridge was destroyed")
	f.evidence(t, c, "supports", "https://www.reuters.com/a", "")
	f.evidence(t, c, "supports", "https://reuters.com/b", "")
	f.evidence(t, c, "supports", "https://localpaper.example/copy-of-wire", "Reuters")
	f.evidence(t, c, "supports", "https://ap.example/story", "")
	f.evidence(t, c, "refutes", "https://ministry.example/denial", "")
	f.evidence(t, c, "context", "https://maps.example/x", "")
	evs, err := f.s.ClaimEvidence(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// reuters.com (twice) ≠ "reuters" as typed origin? The typed origin names
	// the wire; hosts name publishers: reuters.com, reuters, ap.example.
	if n := Corroboration(evs); n != 3 {
		t.Fatalf("corroboration = %d, want 3", n)
	}
}

// Rule 7: invalid input names the field and writes nothing.
func TestInvalidClaimWritesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	huge := strings.Repeat("x", 1<<20)
	cases := []struct {
		name  string
		in    ClaimInput
		field string
	}{
		{"no text", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID}, "text"},
		{"blank text", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: ptr("  ")}, "text"},
		{"huge text", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &huge}, "text"},
		{"NUL in text", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: ptr("a\x00b")}, "text"},
		{"bad utf8", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: ptr("a\xffb")}, "text"},
		{"no story", ClaimInput{SourceID: &f.source.ID, Text: ptr("x")}, "story_id"},
		{"missing story", ClaimInput{StoryID: ptr(int64(999)), SourceID: &f.source.ID, Text: ptr("x")}, "story_id"},
		{"no source", ClaimInput{StoryID: &f.story.ID, Text: ptr("x")}, "source_id"},
		{"bad url", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: ptr("x"), ReportedURL: ptr("javascript:alert(1)")}, "reported_url"},
		{"bad verifiability", ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: ptr("x"), Verifiability: ptr(Verifiability("maybe"))}, "verifiability"},
		{"new claimant with bad text", ClaimInput{StoryID: &f.story.ID, Claimant: ptr("!!!"), Text: ptr("")}, "text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.CreateClaim(ctx, f.fc, tc.in)
			fieldErr(t, err, tc.field)
		})
	}
	var n int64
	f.s.r.Table("claims").Count(&n)
	var nsrc int64
	f.s.r.Table("sources").Count(&nsrc)
	var nact int64
	f.s.r.Table("activities").Count(&nact)
	if n != 0 || nsrc != 1 || nact != 0 {
		t.Fatalf("after refused input: %d claims, %d sources, %d activity rows", n, nsrc, nact)
	}
}

func TestHostileTextRoundTrips(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, s := range []string{
		`<script>alert(1)</script>`, `'; DROP TABLE claims; --`, `Robert"); DELETE FROM users;--`,
		"Путин заявил 🚀 — مرحبا 你好", `%_\ LIKE '%'`, strings.Repeat("é", MaxClaimLen),
	} {
		c := f.claim(t, s)
		got, err := f.s.Claim(ctx, c.ID)
		if err != nil || got.Text != s {
			t.Fatalf("round trip of %.40q: %v %.40q", s, err, got.Text)
		}
	}
	page, err := f.s.Claims(ctx, ClaimFilter{Query: `"drop" TABLE claims; -- *`})
	if err != nil || page.Total != 1 {
		t.Fatalf("search with operators: %v %+v", err, page)
	}
}

// Twenty reviewers change verdicts at once: no "database is locked", no lost write.
func TestConcurrentVerdictChanges(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const workers, rounds = 20, 10
	claims := make([]*Claim, workers)
	for i := range claims {
		claims[i] = f.claim(t, fmt.Sprintf("claim %d", i))
	}
	shared := f.claim(t, "everyone reviews this one")
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*2)
	var conflicts, wins sync.Map
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c := claims[w]
			v := c.Version
			for r := 0; r < rounds; r++ {
				next := InReview
				if r%2 == 1 {
					next = Unverified
				}
				got, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: next, Rationale: fmt.Sprintf("round %d", r), Version: v})
				if err != nil {
					errs <- err
					return
				}
				v = got.Version
			}
			// All workers race on one claim from the same version: exactly one wins.
			_, err := f.s.SetVerdict(ctx, f.fc, shared.ID, VerdictChange{Verdict: Disputed, Rationale: fmt.Sprintf("worker %d", w), Version: shared.Version})
			var ce *ConflictError
			switch {
			case err == nil:
				wins.Store(w, true)
			case errors.As(err, &ce):
				conflicts.Store(w, true)
			default:
				errs <- err
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent change failed: %v", err)
	}
	nWins := 0
	wins.Range(func(_, _ any) bool { nWins++; return true })
	if nWins != 1 {
		t.Fatalf("%d workers won the race on one version, want exactly 1", nWins)
	}
	for _, c := range claims {
		got, _ := f.s.Claim(ctx, c.ID)
		if got.Version != c.Version+rounds || got.Verdict != Unverified {
			t.Errorf("claim %d: version %d verdict %s, want %d unverified", c.ID, got.Version, got.Verdict, c.Version+rounds)
		}
		acts, _ := f.s.ClaimActivity(ctx, c.ID)
		if len(acts) != 1+rounds {
			t.Errorf("claim %d: %d activity rows, want %d", c.ID, len(acts), 1+rounds)
		}
	}
}
