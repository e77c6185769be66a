package models

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestClaimListFilters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	otherTitle := "Flood live"
	other, _ := f.s.CreateStory(ctx, f.editor, StoryInput{Title: &otherTitle})
	a := f.claim(t, "Two women were killed by Ukrainian shelling")
	f.clock.Advance(time.Hour)
	b := f.claim(t, "Air defence shot down twelve drones")
	f.clock.Advance(time.Hour)
	c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &other.ID, Claimant: ptr("Militia press office"), Text: ptr("Russian forces killed two civilians"),
		Verifiability: ptr(VerifNotVerifiable), VerifiabilityReason: ptr("no access")})
	if err != nil {
		t.Fatal(err)
	}
	f.evidence(t, b, "supports", "https://example.org/drones", "")
	if _, err := f.s.SetVerdict(ctx, f.fc, b.ID, VerdictChange{Verdict: Verified, Rationale: "wreckage photos", Version: b.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Assign(ctx, f.fc, a.ID, &f.fc.ID, a.Version); err != nil {
		t.Fatal(err)
	}
	ids := func(p *ClaimPage) []int64 {
		out := []int64{}
		for _, c := range p.Claims {
			out = append(out, c.ID)
		}
		return out
	}
	since := f.clock.Now().Add(-90 * time.Minute)
	cases := []struct {
		name string
		f    ClaimFilter
		want []int64
	}{
		{"all newest first", ClaimFilter{}, []int64{c.ID, b.ID, a.ID}},
		{"oldest first", ClaimFilter{Sort: "reported"}, []int64{a.ID, b.ID, c.ID}},
		{"unconfirmed", ClaimFilter{Unconfirmed: true}, []int64{c.ID, a.ID}},
		{"verdict", ClaimFilter{Verdicts: []Verdict{Verified}}, []int64{b.ID}},
		{"two verdicts", ClaimFilter{Verdicts: []Verdict{Verified, Unreviewed}, Sort: "id"}, []int64{a.ID, b.ID, c.ID}},
		{"verifiability", ClaimFilter{Verifiability: []Verifiability{VerifNotVerifiable}}, []int64{c.ID}},
		{"story", ClaimFilter{StoryID: f.story.ID}, []int64{b.ID, a.ID}},
		{"source", ClaimFilter{SourceID: f.source.ID}, []int64{b.ID, a.ID}},
		{"assignee", ClaimFilter{AssigneeID: f.fc.ID}, []int64{a.ID}},
		{"unassigned", ClaimFilter{Unassigned: true}, []int64{c.ID, b.ID}},
		{"since", ClaimFilter{Since: &since}, []int64{c.ID, b.ID}},
		{"until", ClaimFilter{Until: &since}, []int64{a.ID}},
		{"full text", ClaimFilter{Query: "killed"}, []int64{c.ID, a.ID}},
		{"full text prefix", ClaimFilter{Query: "shell"}, []int64{a.ID}},
		{"full text claimant alias", ClaimFilter{Query: "Gladkov"}, []int64{b.ID, a.ID}},
		{"full text plus filter", ClaimFilter{Query: "killed", Unconfirmed: true, StoryID: other.ID}, []int64{c.ID}},
		{"page 2", ClaimFilter{PerPage: 2, Page: 2}, []int64{a.ID}},
		{"past the end", ClaimFilter{PerPage: 2, Page: 5}, []int64{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := f.s.Claims(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(p)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
	p, _ := f.s.Claims(ctx, ClaimFilter{PerPage: 2})
	if p.Total != 3 || len(p.Claims) != 2 {
		t.Fatalf("total with paging: %+v", p)
	}
	counts, err := f.s.VerdictCounts(ctx, ClaimFilter{})
	if err != nil || counts["verified"] != 1 || counts["unreviewed"] != 2 || counts["false"] != 0 {
		t.Fatalf("verdict counts: %v %v", err, counts)
	}
	// Source rename reaches the search index.
	src, err := f.s.UpdateSource(ctx, f.source.ID, f.source.Version, SourceInput{Name: ptr("Governor Vyacheslav Gladkov"), Aliases: &[]string{"Belgorod governor"}})
	if err != nil {
		t.Fatal(err)
	}
	p, _ = f.s.Claims(ctx, ClaimFilter{Query: "belgorod governor"})
	if p.Total != 2 || src.Name != "Governor Vyacheslav Gladkov" {
		t.Fatalf("search after rename: %d", p.Total)
	}
}

func TestClaimFilterValidation(t *testing.T) {
	for _, f := range []ClaimFilter{
		{Verdicts: []Verdict{"maybe"}}, {Verifiability: []Verifiability{"x"}}, {Sort: "text; DROP TABLE claims"},
		{PerPage: 1000}, {Page: -1}, {Query: string(make([]byte, 2000))},
	} {
		if v := f.Validate(); v == nil {
			t.Errorf("%+v passed validation", f)
		}
	}
}

func TestClaimUpdateRecordsChanges(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two women killed")
	got, err := f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{Text: ptr("Two women were killed"), Channel: ptr("on Telegram"), Direct: ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "Two women were killed" || got.Channel != "on Telegram" || !got.Direct || got.Version != c.Version+1 {
		t.Fatalf("after edit: %+v", got)
	}
	acts, _ := f.s.ClaimActivity(ctx, c.ID)
	last := acts[len(acts)-1]
	if last.Action != ActEdited || !strings.Contains(string(last.Details), `"old":"Two women killed"`) || !strings.Contains(string(last.Details), `"new":"Two women were killed"`) {
		t.Fatalf("edit activity: %+v %s", last, last.Details)
	}
}
