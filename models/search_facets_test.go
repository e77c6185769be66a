package models

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
)

// A search inside a story, a source, a verdict or the unconfirmed claims
// finds exactly the claims that both the search alone and the filters alone
// find, on both databases, after verdict changes, assignments, a move to
// another source and a withdrawal (the search index's facets follow each of them); and no
// search word reaches the facets.
func TestSearchInsideFiltersFindsWhatBothFind(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	title, name := "Kharkiv live", "Oleh Syniehubov"
	other, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	src2, err := f.s.CreateSource(ctx, SourceInput{Name: &name})
	if err != nil {
		t.Fatal(err)
	}
	var claims []*Claim
	for i := 0; i < 24; i++ {
		story, source := f.story.ID, f.source.ID
		if i%3 == 0 {
			story = other.ID
		}
		if i%4 == 0 {
			source = src2.ID
		}
		text := fmt.Sprintf("Army units shelled depot %d", i)
		if i%2 == 1 {
			text = fmt.Sprintf("Police cordoned off bridge %d", i)
		}
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &story, SourceID: &source, Text: &text})
		if err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	for i, v := range map[int]Verdict{0: Disputed, 2: Unverified, 4: InReview, 5: Disputed, 6: Unverified} {
		c := claims[i]
		if claims[i], err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: v, Rationale: "checked", Version: c.Version}); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{1, 2, 3, 12} {
		if claims[i], err = f.s.Assign(ctx, f.editor, claims[i].ID, &f.fc.ID, claims[i].Version); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{3, 5, 7} {
		if claims[i], err = f.s.SetVerifiability(ctx, f.fc, claims[i].ID, VerifiabilityChange{Verifiability: VerifNotVerifiable, Reason: "an opinion", Version: claims[i].Version}); err != nil {
			t.Fatal(err)
		}
	}
	// A claim moves to the other source; another is withdrawn.
	if claims[8], err = f.s.UpdateClaim(ctx, f.fc, claims[8].ID, claims[8].Version, ClaimInput{SourceID: &f.source.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.WithdrawClaim(ctx, f.fc, claims[10].ID, claims[10].Version, "a duplicate"); err != nil {
		t.Fatal(err)
	}

	ids := func(flt ClaimFilter) []int64 {
		t.Helper()
		out := listIDs(t, f.s, flt)
		slices.Sort(out)
		return out
	}
	filters := map[string]ClaimFilter{
		"story":               {StoryID: other.ID},
		"source":              {SourceID: src2.ID},
		"moved source":        {SourceID: f.source.ID},
		"verdict":             {Verdicts: []Verdict{Unverified, Disputed}},
		"one verdict":         {Verdicts: []Verdict{Disputed}},
		"unconfirmed":         {Unconfirmed: true},
		"unconfirmed+story":   {Unconfirmed: true, StoryID: f.story.ID},
		"verdict+source":      {Verdicts: []Verdict{Unverified}, SourceID: src2.ID},
		"withdrawn only":      {Withdrawn: WithdrawnOnly},
		"withdrawn included":  {Withdrawn: WithdrawnIncluded, StoryID: f.story.ID},
		"none at all":         {Verdicts: []Verdict{Verified}, Unconfirmed: true},
		"assignee":            {AssigneeID: f.fc.ID},
		"unassigned+story":    {Unassigned: true, StoryID: other.ID},
		"verifiability":       {Verifiability: []Verifiability{VerifNotVerifiable}},
		"two verifiabilities": {Verifiability: []Verifiability{VerifNotVerifiable, VerifUnknown}, AssigneeID: f.fc.ID},
		// Two or three broad filters: their pairs' words.
		"verdict+verifiability":  {Verdicts: []Verdict{Disputed, Unverified}, Verifiability: []Verifiability{VerifNotVerifiable}},
		"unconfirmed+unassigned": {Unconfirmed: true, Unassigned: true},
		"verdict+assignee":       {Verdicts: []Verdict{Unverified}, AssigneeID: f.fc.ID},
		"all three":              {Verdicts: []Verdict{Unreviewed}, Verifiability: []Verifiability{VerifNotVerifiable}, AssigneeID: f.fc.ID},
	}
	for what, flt := range filters {
		for _, q := range []string{"army", "arm", "police bridge"} {
			search := ids(ClaimFilter{Query: q, Withdrawn: WithdrawnIncluded})
			var want []int64
			for _, id := range ids(flt) {
				if slices.Contains(search, id) {
					want = append(want, id)
				}
			}
			g := flt
			g.Query = q
			counts, err := f.s.VerdictCounts(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			for v, n := range counts {
				var wantN int64
				for _, id := range want {
					for _, c := range claims {
						if c.ID == id && string(verdictOf(t, f.s, id)) == v {
							wantN++
						}
					}
				}
				if n != wantN {
					t.Errorf("%s, search %q: %d claims %s, want %d", what, q, n, v, wantN)
				}
			}
			// Many matches: each verdict counted in the search index alone.
			if many, ok, err := f.s.searchVerdictCounts(ctx, g, f.s.Now(), exactCountLimit+1); err != nil {
				t.Fatal(err)
			} else if ok && !maps.Equal(many, counts) {
				t.Errorf("%s, search %q: counted in the index %v, through the claims %v", what, q, many, counts)
			}
			for _, sort := range []string{"relevance", "-id", "-created", "reported"} {
				g := flt
				g.Query, g.Sort = q, sort
				if got := ids(g); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Errorf("%s, search %q, sort %s: got %v, want %v", what, q, sort, got, want)
				}
			}
		}
	}
	if n := len(ids(ClaimFilter{Query: "army", StoryID: other.ID})); n == 0 {
		t.Fatal("the search inside a story found nothing: the test checks nothing")
	}
	// The facets' words cannot be searched for, whole or as a prefix (no
	// claim has a word starting with t or w).
	for _, q := range []string{"t", "w", "vdisputed", "vunverified", "s" + fmt.Sprint(src2.ID), "t" + fmt.Sprint(other.ID), facetMark + "t" + fmt.Sprint(other.ID)} {
		if got := ids(ClaimFilter{Query: q}); len(got) != 0 {
			t.Errorf("search %q found %d claims", q, len(got))
		}
	}
}

func verdictOf(t *testing.T, s *Store, id int64) Verdict {
	t.Helper()
	c, err := s.Claim(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Verdict
}
