package liveblog

import "testing"

// TestPhotoCreditIsNoSource: a caption that ends "Photo: IC" (or
// "Photo: Xinhua") credits the picture's agency; the agency claims
// nothing about what the caption says.
func TestPhotoCreditIsNoSource(t *testing.T) {
	wantNoCandidate(t,
		"Rescue workers evacuate residents by boat in Zhuozhou. The region has been hit by floods due to heavy rainfall Photo: IC",
		"Soldiers search the rubble of a collapsed school in the county seat Photo: Xinhua",
		"Firefighters spray water on a burning warehouse near the port Picture: Reuters")
}

// TestColonSourceStillFound guards the other side: a wire line whose
// source follows the colon keeps its source.
func TestColonSourceStillFound(t *testing.T) {
	got, err := Extract("Radiation at the plant gate has doubled: TEPCO")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Claimant != "TEPCO" {
		t.Fatalf("want one claim by TEPCO, got %+v", got)
	}
}
