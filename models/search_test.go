package models

import (
	"context"
	"testing"
)

// Search and name matching ignore case in every script and accents on Latin
// letters, and treat what a person types as words, never as syntax — the
// same on SQLite and PostgreSQL (the suite runs on both; see package dbtest).
func TestSearchAndMatchingBehaveTheSameOnBothDatabases(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mk := func(claimant, text string) *Claim {
		t.Helper()
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, Claimant: &claimant, Text: &text})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	etat := mk("État-major des armées", "Les frappes ont visé un dépôt de munitions.")
	gladkov := mk("Вячеслав Гладков", "Две женщины погибли при обстреле.")
	cafe := mk("Café owner", "The naïve plan failed near the café.")
	drones := mk("Ministry of Defence", "Forty-two drones were shot down overnight; 1,200 residents evacuated.")
	both := []*Claim{etat, gladkov, cafe, drones}

	for _, tc := range []struct {
		q    string
		want []*Claim
	}{
		{"etat major", []*Claim{etat}},
		{"ÉTAT-MAJOR", []*Claim{etat}},
		{"DEPOT", []*Claim{etat}},
		{"гладков", []*Claim{gladkov}},
		{"ГЛАДК", []*Claim{gladkov}}, // the last word is a prefix
		{"женщины ПОГИБЛИ", []*Claim{gladkov}},
		{"naive cafe", []*Claim{cafe}},
		{"Café", []*Claim{cafe}},
		{"ministry drones", []*Claim{drones}},
		{"forty two", []*Claim{drones}},
		{"1,200", []*Claim{drones}},
		{"drones ministry OR 1=1", nil}, // every word must occur: "or" does not
		{`"drones" AND -x`, nil},
		{"'; DROP TABLE claims; --", nil},
		{"shot:* & down", []*Claim{drones}}, // search syntax typed by a person is plain words
		{"NEAR(café)", []*Claim{cafe}},
	} {
		page, err := f.s.Claims(ctx, ClaimFilter{Query: tc.q, PerPage: 50})
		if err != nil {
			t.Errorf("search %q: %v", tc.q, err)
			continue
		}
		got := map[int64]bool{}
		for _, c := range page.Claims {
			got[c.ID] = true
		}
		for _, c := range both {
			want := false
			for _, w := range tc.want {
				want = want || w.ID == c.ID
			}
			if got[c.ID] != want {
				t.Errorf("search %q: claim %q found=%v, want %v", tc.q, c.Text, got[c.ID], want)
			}
		}
		if page.Total != int64(len(tc.want)) {
			t.Errorf("search %q: total %d, want %d", tc.q, page.Total, len(tc.want))
		}
	}

	// Ranked by relevance too, on both.
	if page, err := f.s.Claims(ctx, ClaimFilter{Query: "café", Sort: "relevance"}); err != nil || page.Total != 1 || page.Claims[0].ID != cafe.ID {
		t.Fatalf("relevance search: %v %+v", err, page)
	}

	// Names match whatever their case or accents as typed.
	for _, name := range []string{"état-major DES ARMÉES", "ВЯЧЕСЛАВ гладков", "ministry OF defence"} {
		src, err := f.s.MatchSource(ctx, name)
		if err != nil || src == nil {
			t.Errorf("MatchSource(%q): %v %v", name, src, err)
		}
	}
	for _, q := range []string{"MAJOR", "гладков", "DEFENCE"} {
		list, total, err := f.s.Sources(ctx, q, 10, 0)
		if err != nil || total != 1 || len(list) != 1 {
			t.Errorf("Sources(%q): %d %v", q, total, err)
		}
	}
	// A source renamed is found by its new name at once (the index follows).
	if _, err := f.s.UpdateSource(ctx, drones.SourceID, 1, SourceInput{Name: ptr("Defence Ministry Press Office")}); err != nil {
		t.Fatal(err)
	}
	if page, err := f.s.Claims(ctx, ClaimFilter{Query: "press office"}); err != nil || page.Total != 1 {
		t.Fatalf("search by the new name: %v %+v", err, page)
	}
}
