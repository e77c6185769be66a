package models

import (
	"context"
	"strings"
	"testing"
	"time"
)

// The claims most like a claim come from every story, best first: the same
// claim retold by the claimant's alias first, then the one with another
// figure (flagged), the denial (flagged); a claim that only shares words is
// left out or ranked below; the claim itself never appears; links show.
func TestSimilarClaimsAcrossStories(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	base := f.claim(t, "Two women were killed by Ukrainian shelling in Shebekino.")
	other, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: ptr("Border wire")})
	if err != nil {
		t.Fatal(err)
	}
	mk := func(story int64, claimant, text string) *Claim {
		t.Helper()
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &story, Claimant: &claimant, Text: &text})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	f.clock.Advance(24 * time.Hour)
	retold := mk(other.ID, "governor of Belgorod", "Ukrainian shelling killed 2 women in Shebekino.")
	figure := mk(other.ID, "Gladkov", "Three women were killed by Ukrainian shelling in Shebekino.")
	denied := mk(other.ID, "Ukrainian army", "The army denied that two women were killed by its shelling in Shebekino.")
	unrelated := mk(other.ID, "Local council", "Two women were elected to the council in Shebekino.")
	if _, err := f.s.LinkClaims(ctx, f.fc, base.ID, denied.ID, "contradicts", ""); err != nil {
		t.Fatal(err)
	}

	got, err := f.s.SimilarClaims(ctx, base.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	pos := map[int64]int{}
	for i, sc := range got {
		pos[sc.Claim.ID] = i + 1
		if sc.Claim.ID == base.ID {
			t.Error("a claim is listed as similar to itself")
		}
		if sc.Score < 0 || sc.Score > 1 || sc.Reason == "" || sc.Differences == nil {
			t.Errorf("claim %d: score %v, reason %q, differences %v", sc.Claim.ID, sc.Score, sc.Reason, sc.Differences)
		}
		t.Logf("%d %s", sc.Claim.ID, sc.Reason)
	}
	if pos[retold.ID] != 1 {
		t.Fatalf("the retold claim is at %d, want first: %+v", pos[retold.ID], got)
	}
	r := got[0]
	if !r.SameFigures || r.Score < 0.85 || !strings.Contains(r.Reason, "same claimant") || r.Claim.StoryTitle != "Border wire" {
		t.Errorf("retold: %+v", r)
	}
	fig := got[pos[figure.ID]-1]
	if pos[figure.ID] == 0 || fig.SameFigures || !containsStr(fig.Differences, "2 vs 3 women") {
		t.Errorf("figure: at %d, %+v", pos[figure.ID], fig)
	}
	den := got[pos[denied.ID]-1]
	if pos[denied.ID] == 0 || !containsStr(den.Differences, "said vs denied") || den.Link != "contradicts" {
		t.Errorf("denied: at %d, %+v", pos[denied.ID], den)
	}
	if p := pos[unrelated.ID]; p != 0 && (p < pos[figure.ID] || p < pos[denied.ID]) {
		t.Errorf("the unrelated claim ranks %d, above the related ones", p)
	}

	if _, err := f.s.SimilarClaims(ctx, 999999, 10); !IsNotFound(err) {
		t.Errorf("missing claim: %v, want not found", err)
	}
	if _, err := f.s.SimilarClaims(ctx, base.ID, MaxSimilarLimit+1); err == nil {
		t.Error("a limit over the maximum is accepted")
	}
}

// A batch of texts is matched in one call: a checked claim comes back with
// its verdict, story and a note saying so; a text like nothing gets none.
func TestMatchTextsShowsCheckedVerdicts(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women were killed by Ukrainian shelling in Shebekino.")
	f.evidence(t, c, "refutes", "https://example.org/a", "")
	if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "Hospital records show no deaths", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(48 * time.Hour)
	res, err := f.s.MatchTexts(ctx, []MatchInput{
		{Text: "Ukrainian shelling killed two women in Shebekino, the governor said.", Claimant: "Gladkov"},
		{Text: "The port will remain closed until Thursday.", Claimant: "Port authority"},
	}, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || len(res[0]) != 1 || len(res[1]) != 0 {
		t.Fatalf("matches %+v", res)
	}
	m := res[0][0]
	if m.ClaimID != c.ID || m.Verdict != False || m.StoryID != f.story.ID || m.Score < 0.85 {
		t.Errorf("match %+v", m)
	}
	if want := "already found false in 'Belgorod live', 2 days ago"; m.Note != want {
		t.Errorf("note %q, want %q", m.Note, want)
	}
}

// The question at entry: a claim the story already holds, in other words,
// is found; the same claim in another story or with another figure is not a
// duplicate.
func TestPossibleDuplicatesInTheSameStory(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women were killed by Ukrainian shelling in Shebekino.")
	dups, err := f.s.PossibleDuplicates(ctx, MatchInput{StoryID: f.story.ID, Claimant: "Gladkov", Text: "Ukrainian shelling killed 2 women in Shebekino."})
	if err != nil {
		t.Fatal(err)
	}
	if len(dups) != 1 || dups[0].ClaimID != c.ID {
		t.Fatalf("duplicates %+v", dups)
	}
	other, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: ptr("Elsewhere")})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []MatchInput{
		{StoryID: other.ID, Claimant: "Gladkov", Text: "Ukrainian shelling killed 2 women in Shebekino."},
		{StoryID: f.story.ID, Claimant: "Gladkov", Text: "Ukrainian shelling killed 3 women in Shebekino."},
	} {
		dups, err := f.s.PossibleDuplicates(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(dups) != 0 {
			t.Errorf("%+v: duplicates %+v, want none", in, dups)
		}
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
