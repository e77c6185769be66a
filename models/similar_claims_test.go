package models

import (
	"context"
	"os"
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
// is refused with the match and nothing is written; the same claim in another
// story or with another figure is no duplicate; "not a duplicate" adds it.
func TestDuplicateQuestionAtEntry(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women were killed by Ukrainian shelling in Shebekino.")
	in := ClaimInput{StoryID: &f.story.ID, Claimant: ptr("Gladkov"), Text: ptr("Ukrainian shelling killed 2 women in Shebekino.")}
	_, err := f.s.CreateClaimAsking(ctx, f.fc, in, false)
	de, ok := err.(*DuplicateError)
	if !ok || len(de.Matches) != 1 || de.Matches[0].ClaimID != c.ID {
		t.Fatalf("duplicate: %v", err)
	}
	page, err := f.s.Claims(ctx, ClaimFilter{})
	if err != nil || page.Total != 1 {
		t.Fatalf("a refused duplicate was written: %v %v", page, err)
	}
	other, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: ptr("Elsewhere")})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []ClaimInput{
		{StoryID: &other.ID, Claimant: ptr("Gladkov"), Text: ptr("Ukrainian shelling killed 2 women in Shebekino.")},
		{StoryID: &f.story.ID, Claimant: ptr("Gladkov"), Text: ptr("Ukrainian shelling killed 3 women in Shebekino.")},
	} {
		if _, err := f.s.CreateClaimAsking(ctx, f.fc, in, false); err != nil {
			t.Errorf("%s: %v", *in.Text, err)
		}
	}
	if _, err := f.s.CreateClaimAsking(ctx, f.fc, in, true); err != nil {
		t.Errorf("not a duplicate: %v", err)
	}
}

// Claims entered with a close match that no link ties to them are on the
// desk's close-match filter, on both sides of the pair, until they are linked.
func TestCloseMatchFilter(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.claim(t, "Two women were killed by Ukrainian shelling in Shebekino.")
	f.claim(t, "The port will remain closed until Thursday.")
	other, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: ptr("Elsewhere")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &other.ID, Claimant: ptr("Gladkov"), Text: ptr("Three women were killed by Ukrainian shelling in Shebekino.")})
	if err != nil {
		t.Fatal(err)
	}
	ids := func() []int64 {
		t.Helper()
		page, err := f.s.Claims(ctx, ClaimFilter{CloseMatch: true, Sort: "id"})
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, c := range page.Claims {
			out = append(out, c.ID)
		}
		return out
	}
	if got := ids(); len(got) != 2 || got[0] != a.ID || got[1] != b.ID {
		t.Fatalf("close matches %v, want %d and %d", got, a.ID, b.ID)
	}
	if _, err := f.s.LinkClaims(ctx, f.fc, a.ID, b.ID, "contradicts", ""); err != nil {
		t.Fatal(err)
	}
	if got := ids(); len(got) != 0 {
		t.Errorf("linked claims still listed: %v", got)
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

// The paraphrase set through the store: every second claim of the set is
// stored, and each retelling, matched as an import's candidate would be,
// must find its partner first — the search for candidates included.
func TestParaphraseRetrievalThroughTheStore(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	data, err := os.ReadFile("similar/testdata/pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ kind, claimantA, textA, claimantB, textB string }
	var pairs []pair
	for _, line := range strings.Split(string(data), "\n") {
		p := strings.Split(line, "|")
		if strings.HasPrefix(line, "#") || len(p) != 6 {
			continue
		}
		for i := range p {
			p[i] = strings.TrimSpace(p[i])
		}
		pairs = append(pairs, pair{p[0], p[1], p[2], p[3], p[4]})
	}
	stored := map[string]int64{}
	for _, p := range pairs {
		key := p.claimantB + "|" + p.textB
		if _, ok := stored[key]; ok {
			continue
		}
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, Claimant: ptr(p.claimantB), Text: ptr(p.textB)})
		if err != nil {
			t.Fatal(err)
		}
		stored[key] = c.ID
	}
	var ins []MatchInput
	var want []int64
	for _, p := range pairs {
		if p.kind == "para" {
			ins = append(ins, MatchInput{Text: p.textA, Claimant: p.claimantA})
			want = append(want, stored[p.claimantB+"|"+p.textB])
		}
	}
	res, err := f.s.MatchTexts(ctx, ins, MatchOptions{PerText: 1, MinScore: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for i, ms := range res {
		if len(ms) > 0 && ms[0].ClaimID == want[i] {
			hits++
		} else {
			t.Logf("miss: %q: %+v", ins[i].Text, ms)
		}
	}
	prec := float64(hits) / float64(len(ins))
	t.Logf("precision@1 through the store: %d/%d = %.3f", hits, len(ins), prec)
	if prec < 0.9 {
		t.Errorf("precision@1 = %.3f, want at least 0.9", prec)
	}
}
