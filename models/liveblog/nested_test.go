package liveblog

import "testing"

// TestClaimsInsideRelativeClauses proposes the claim a named party makes in
// a relative clause of another party's claim, besides the outer claim.
func TestClaimsInsideRelativeClauses(t *testing.T) {
	for _, c := range []struct{ text, outer, inner, party string }{
		{"The guards said the convoy was hit near a post in the Ost hills that Varna says is its own land.",
			"the convoy was hit", "the Ost hills is its own land", "Varna"},
		{"The ministry said troops drove the militia out of villages in the eastern Vell region, which Kalmar claims it has captured.",
			"troops drove the militia out", "it has captured", "Kalmar"},
		// A relative clause without a named party is only a description.
		{"The mayor said the bridge that crews built last year had held.", "the bridge", "", ""},
	} {
		cands := checkClaims(t, c.text, want{c.outer, "the"})
		found := false
		for _, cand := range cands {
			if cand.Rule == ruleRelativeClause {
				found = cand.Claim == c.inner && cand.Claimant == c.party
				if !found {
					t.Errorf("%q: nested claim %q by %q, want %q by %q", c.text, cand.Claim, cand.Claimant, c.inner, c.party)
				}
			}
		}
		if !found && c.inner != "" {
			t.Errorf("%q: no claim %q by %q in %s", c.text, c.inner, c.party, describe(cands))
		}
	}
}

// TestWithSpeakerSaying reads ", with one saying …" and ", with
// authorities in the capital saying …" as a second speaker, and ends the
// first claim before it.
func TestWithSpeakerSaying(t *testing.T) {
	checkTable(t, []claimCase{
		{"Officials said late on Friday they held the town, with authorities in the capital saying troops were clearing fighters from homes.",
			[]want{{"they held the town", "Officials"}, {"troops were clearing fighters", "authorities in the capital"}}},
		{"Several embassies told citizens to avoid the port, with one saying there was a risk of a bombing.",
			[]want{{"risk of a bombing", "one of several embassies"}}},
		{"The river rose overnight, with the water covering the road.", []want{{"covering the road", ""}}},
	})
	for _, c := range checkClaims(t, "Officials said late on Friday they held the town, with authorities in the capital saying troops were clearing fighters from homes.") {
		if c.Claimant == "Officials" && c.Claim != "they held the town" {
			t.Errorf("first claim %q runs into the second speaker's", c.Claim)
		}
	}
}

// TestWhichSaidAfterAPassiveAgent: in a long clause, "which said" refers to
// the agent after the last "by" ("a video posted online by the group X,
// which said …").
func TestWhichSaidAfterAPassiveAgent(t *testing.T) {
	checkTable(t, []claimCase{
		{"A long burst of gunfire was also heard in another clip posted online by the Vell-based group Harbour Watch (HW), which said the shots were fired at families fleeing the market.",
			[]want{{"the shots were fired at families", "Harbour Watch"}}},
		{"The mayor, who said last week that the dam was safe, resigned.", []want{{"the dam was safe", "mayor"}}},
	})
}

// TestStatementIssuer: "X issued a statement …" makes X the speaker of the
// quotation or "it said" that follows, and is no claim itself.
func TestStatementIssuer(t *testing.T) {
	checkTable(t, []claimCase{
		{"A military source said the attackers came from the north.\n\nAfter blaming the rebels, the government issued a statement on Tuesday condemning the raid.\n\n\"This confirms that the rebels want to seize the region,\" it said on Tuesday.",
			[]want{{"the rebels want to seize the region", "government"}, {"condemning the raid", ""}}},
		{"0026 GMT: The organisers of the Vell Marathon issue a statement. \"All runners still on the course have been taken to a shelter.\"",
			[]want{{"taken to a shelter", "organisers of the Vell Marathon"}}},
	})
}

// TestGuardsOnNewRules keeps what the rules of this round must not take
// away: "said of the dead:" with a quotation is a claim, "the agency"
// after a named agency spoke is that agency, and "the report" in a
// paragraph of its own before more claims covers only the claim before it.
func TestGuardsOnNewRules(t *testing.T) {
	checkTable(t, []claimCase{
		{"The mayor said of the dead: \"They were all volunteers.\"", []want{{"They were all volunteers", "mayor"}}},
		{"The spokesman of the army in Vell, Zabihullah, said the town was calm.", []want{{"the town was calm", "Zabihullah"}}},
		{"Officials, who did not say what caused the blast, said two guards were hurt.", []want{{"two guards were hurt", "Officials"}}},
		{"The Kalmar Press reported that prices rose.\n\nThe International Energy Agency later said output fell. Exports were cut too, the agency said.",
			[]want{{"Exports were cut too", "International Energy Agency"}}},
	})
	flagged(t, "The army said the bridge was open.\n\nThe rebels said they had shelled the depot.\n\nNorthwire was unable to confirm the report.\n\nThe ministry said schools would reopen.",
		map[string]bool{"the bridge was open": false, "shelled the depot": true, "schools would reopen": false})
}
