package liveblog

import (
	"strings"
	"testing"
)

// TestIsCaveat checks which sentences count as "not independently verified".
func TestIsCaveat(t *testing.T) {
	for s, want := range map[string]bool{
		"The information could not be independently verified.":       true,
		"Both claims are not independently verifiable.":              true,
		"Neither statement could be independently verified.":         true,
		"We have not been able to verify these figures.":             true,
		"Northwire could not independently confirm the figure.":      true,
		"Reuters could not immediately verify the report.":           true,
		"There was no independent confirmation of the toll.":         true,
		"The figures have not been verified.":                        true,
		"The videos have not yet been verified.":                     false,
		"Independent estimates are not yet available.":               false,
		"The ministry confirmed the toll.":                           false,
		"Officials said the claims had been independently verified.": false,
	} {
		if got := isCaveat(strings.ToLower(s)); got != want {
			t.Errorf("isCaveat(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCaveatScope checks that a caveat covers exactly the claims it refers
// to, and nothing in other entries or paragraphs.
func TestCaveatScope(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]bool // claim fragment → unverifiable
	}{
		{"plural covers the paragraph",
			"The toll rose to nine, officials said. Three are missing, the mayor said. The figures could not be independently verified.\n\nThe army said 400 soldiers were deployed.",
			map[string]bool{"toll rose": true, "Three are missing": true, "400 soldiers": false}},
		{"singular covers the last statement",
			"The army said 400 soldiers were deployed. The rebels said they had taken the bridge. The claim could not be independently verified.",
			map[string]bool{"400 soldiers": false, "taken the bridge": true}},
		{"neither covers the two accounts",
			"The governor said shelling killed two women.\n\nThe militia said Russian forces killed two civilians. Neither claim could be independently verified.",
			map[string]bool{"shelling killed": true, "Russian forces killed": true}},
		{"caveat in its own paragraph covers the paragraph before",
			"Rebels said they shot down a jet. The army said it lost no aircraft.\n\nThe information could not be independently verified.",
			map[string]bool{"shot down a jet": true, "lost no aircraft": true}},
		{"caveat does not reach other entries",
			"Live\n\n10:05 – Claims\n\nThe rebels said they had taken the bridge. This could not be independently verified.\n\n09:50 – Earlier\n\nThe army said the bridge was held.",
			map[string]bool{"taken the bridge": true, "bridge was held": false}},
		{"caveat in the claim's own sentence",
			"The army said 400 soldiers were deployed. Rebels said they had shot down a jet, which could not be independently verified.",
			map[string]bool{"400 soldiers": false, "shot down a jet": true}},
		{"not a caveat about claims",
			"The operator said the dam was stable. The videos have not yet been verified.",
			map[string]bool{"dam was stable": false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cands, err := Extract(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			for frag, want := range tc.want {
				c := find(t, cands, frag)
				if c.Unverifiable != want {
					t.Errorf("%q: unverifiable = %v, want %v", frag, c.Unverifiable, want)
				}
				if want && c.Caveat == "" {
					t.Errorf("%q: caveat sentence missing", frag)
				}
			}
		})
	}
}

// TestCaveatOnTheReportAtTheEnd: a paragraph of its own saying "the
// report" could not be confirmed, closing a wire story, covers the story's
// reports, also when a paragraph without claims stands between.
func TestCaveatOnTheReportAtTheEnd(t *testing.T) {
	flagged(t, "Rebels said they had taken the depot.\n\nTwo rebel units said in a joint message that they had captured the barracks after three days of combat.\n\n"+
		"Footage showed fighters beside burnt trucks.\n\nNorthwire was unable to confirm the report on its own.",
		map[string]bool{"taken the depot": true, "captured the barracks": true})
}

// TestSpeakersOwnCaveat: "They could not confirm …" after officials spoke
// is the officials' word, not the text's caveat on their claim; a passive
// "It could not be verified" stays a caveat.
func TestSpeakersOwnCaveat(t *testing.T) {
	flagged(t, "Border officials said shooting near the pass started on Monday. They could not confirm which unit held the pass.",
		map[string]bool{"shooting near the pass": false})
	flagged(t, "Border officials said shooting near the pass started on Monday. It could not be independently verified.",
		map[string]bool{"shooting near the pass": true})
}

// TestCaveatPartyAdjective: "the Kestrian accounts" are Kestria's claims,
// before the caveat or after it, and the unnamed bulletins just before it;
// another party's claim is not covered.
func TestCaveatPartyAdjective(t *testing.T) {
	flagged(t, "A first navy bulletin said patrol boats sank three drones.\n\nA later bulletin said two missiles were shot down.\n\n"+
		"Northwire could not independently verify the Kestrian accounts.\n\nVarland said its artillery hit a depot.\n\n"+
		"Kestria's navy said it had sunk 12 boats on Friday.",
		map[string]bool{"sank three drones": true, "two missiles": true, "artillery hit a depot": false, "sunk 12 boats": true})
}

// TestCaveatOnTheReportsMidStory: "The reports cannot be verified" in a
// paragraph of its own covers the reports before it and what the same
// source reports after it, not another source's later claim.
func TestCaveatOnTheReportsMidStory(t *testing.T) {
	flagged(t, "Harbour Radio said 14 boats sank in the storm.\n\nThe reports cannot be verified because the port is closed to visitors.\n\n"+
		"Harbour Radio later said the ferries were running again.\n\nThe weather office said winds would ease by noon.",
		map[string]bool{"14 boats sank": true, "ferries were running": true, "winds would ease": false})
}

// TestCaveatSkipsRefusals: a caveat about what both sides report does not
// cover a party's refusal to say anything, which reports no event.
func TestCaveatSkipsRefusals(t *testing.T) {
	flagged(t, "Kestria's army said its drones destroyed four tanks.\n\nA Varland spokesman said the navy would not comment on its losses.\n\n"+
		"Varland's army said it repelled two assaults.\n\nNorthwire could not independently verify claims by either side.",
		map[string]bool{"destroyed four tanks": true, "would not comment": false, "repelled two assaults": true})
	flagged(t, "The ministry was unable to provide any update on the missing crew, an official said.\n\nThere was no independent confirmation of the report.",
		map[string]bool{"unable to provide any update": false})
}

// TestCaveatOnTheDeaths: "No official source has yet confirmed the deaths"
// in a paragraph of its own covers the claims before it that report
// deaths, not the others; "No group has confirmed …" is no caveat.
func TestCaveatOnTheDeaths(t *testing.T) {
	flagged(t, "Three guards were killed in a raid on the depot, a police source said.\n\nThe mayor said the depot had been closed since May.\n\n"+
		"Phone lines in the valley were cut on Sunday.\n\nNo official source has yet confirmed the deaths.",
		map[string]bool{"Three guards were killed": true, "closed since May": false})
	if isCaveat("no group has confirmed the deaths.") {
		t.Error(`"No group has confirmed the deaths." read as a caveat`)
	}
}

// TestCaveatAdjectiveNamingNoClaimant: "the overnight Telegram reports"
// names no claimant of the story, so it covers the reports before it as
// "the reports" would.
func TestCaveatAdjectiveNamingNoClaimant(t *testing.T) {
	flagged(t, "Kestria's army said it shot down six drones.\n\nVarland said its drones hit two depots.\n\n"+
		"Northwire could not independently verify the Telegram reports.",
		map[string]bool{"six drones": true, "two depots": true})
}

// TestCaveatMidStoryFollowsNamesOnly: after "The reports cannot be
// verified", another country's defence ministry is not the same source as
// the one whose report it covered.
func TestCaveatMidStoryFollowsNamesOnly(t *testing.T) {
	flagged(t, "Kestria's Defence Ministry said it downed nine drones.\n\nThe reports cannot be verified.\n\n"+
		"Varland's Defence Ministry said all its drones returned.\n\nKestria's Defence Ministry later said it downed three more.",
		map[string]bool{"nine drones": true, "all its drones returned": false, "three more": true})
}

// TestCaveatOnWhatHappened: "could not verify what happened" in a
// paragraph of its own is a caveat on the story's reports before it, as
// "the reports" is.
func TestCaveatOnWhatHappened(t *testing.T) {
	flagged(t, "Rebels said on Monday they had taken the airport.\n\nThe army said its troops still held it.\n\n"+
		"Flights were cancelled on Tuesday.\n\nNorthwire could not independently verify what happened at the airport.",
		map[string]bool{"taken the airport": true, "still held it": true})
}

// TestCaveatOnWhatHappenedMidStory: "could not verify what happened"
// names the event, so the accounts of it that the story gives after the
// caveat, by any party, are as unchecked as those before it.
func TestCaveatOnWhatHappenedMidStory(t *testing.T) {
	flagged(t, "The navy said its boats sank two smugglers' skiffs near the reef.\n\n"+
		"It was not possible to independently verify what happened near the reef.\n\n"+
		"A fisherman said the skiffs carried only nets.\n\nThe coast guard chief said nine people were pulled from the water.",
		map[string]bool{"sank two smugglers": true, "carried only nets": true, "nine people were pulled": true})
}

// TestLeadCaveatOnTheClaims: "could not verify the claims" in the lead
// covers the same parties' claims later in the entry, also when a party is
// named by a common noun ("Rebels", "a rebel commander"), but not a
// bystander's.
func TestLeadCaveatOnTheClaims(t *testing.T) {
	flagged(t, "Rebels said on Monday they had taken the airport, while the army said its troops still held it. "+
		"Northwire could not independently verify the claims.\n\nA rebel commander said 40 soldiers surrendered.\n\n"+
		"The army said it had lost two tanks.\n\nThe weather office said rain would fall.",
		map[string]bool{"taken the airport": true, "40 soldiers surrendered": true, "lost two tanks": true, "rain would fall": false})
}
