package models

import (
	"context"
	"encoding/json"
	"testing"

	"claimdesk/models/attribution"
)

// TestClaimPageMatchesClaim checks that a page of the list reads each claim
// as its own page does (Store.Claim): tags in the same order, the
// contradiction either way round a link (and not for other links), the
// names and the attribution line, on every read of the page (the second
// one takes the claimants' openings kept by the first).
func TestClaimPageMatchesClaim(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	name, role, kind := "Border guard service", "", "government"
	other, err := f.s.CreateSource(ctx, SourceInput{Name: &name, Role: &role, Kind: &kind})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Two women were killed", "A drone hit a depot", "The bridge is closed", "We have evacuated the village", "Power is back"}
	var cs []*Claim
	for i, text := range texts {
		src := f.source.ID
		if i%2 == 1 {
			src = other.ID
		}
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &src, Text: &text})
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	if _, err := f.s.SetTags(ctx, f.fc, cs[0].ID, cs[0].Version, []string{"zebra crossing", "Äpfel", "casualties", "ab"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetTags(ctx, f.fc, cs[2].ID, cs[2].Version, []string{"bridges"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.LinkClaims(ctx, f.fc, cs[0].ID, cs[1].ID, "contradicts", "other figures"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.LinkClaims(ctx, f.fc, cs[3].ID, cs[2].ID, "corroborates", "same account"); err != nil {
		t.Fatal(err)
	}
	wantContradicted := map[int64]bool{cs[0].ID: true, cs[1].ID: true}
	for round := 0; round < 2; round++ {
		p, err := f.s.Claims(ctx, ClaimFilter{Sort: "id"})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Claims) != len(cs) {
			t.Fatalf("round %d: %d claims listed, want %d", round, len(p.Claims), len(cs))
		}
		for i := range p.Claims {
			listed := &p.Claims[i]
			own, err := f.s.Claim(ctx, listed.ID)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(listed)
			b, _ := json.Marshal(own)
			if string(a) != string(b) {
				t.Fatalf("round %d: claim %d listed as\n%s\nits own page reads\n%s", round, listed.ID, a, b)
			}
			if listed.Contradicted != wantContradicted[listed.ID] {
				t.Fatalf("round %d: claim %d contradicted = %v", round, listed.ID, listed.Contradicted)
			}
			fresh := attribution.Line(attribution.Claim{Name: listed.ClaimantName, Role: listed.ClaimantRole, Kind: listed.ClaimantKind,
				Text: listed.Text, Verdict: string(listed.Verdict), Verifiability: string(listed.Verifiability),
				SignedOff: listed.SignedOffAt != nil, Contradicted: listed.Contradicted})
			if listed.AttributionLine != fresh {
				t.Fatalf("round %d: claim %d line %q, worked out afresh %q", round, listed.ID, listed.AttributionLine, fresh)
			}
		}
		if tags := p.Claims[0].Tags; len(tags) != 4 || p.Claims[1].Tags == nil || len(p.Claims[1].Tags) != 0 || len(p.Claims[2].Tags) != 1 {
			t.Fatalf("round %d: tags %q, %q, %q", round, tags, p.Claims[1].Tags, p.Claims[2].Tags)
		}
	}
}
