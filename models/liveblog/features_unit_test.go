package liveblog

import "testing"

// TestCandidateFeatures checks the measured features on candidates of
// invented sentences: each feature says what its name says.
func TestCandidateFeatures(t *testing.T) {
	text := "09:10 Flood toll rises\n\n" +
		"The interior ministry said 14 people had died in the floods.\n\n" +
		"\"We are doing everything we can,\" said Mayor Lena Ortiz.\n\n" +
		"The ministry told reporters the dam was safe, though this could not be independently verified."
	cands, err := Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 3 {
		t.Fatalf("want 3 candidates, got %+v", cands)
	}
	fs := featuresOf(cands)
	want := []map[int]bool{
		{fBias: true, fRuleSpeakerVerbClaim: true, fVerbSay: true, fClaimNumber: true,
			fClaimantOrganisation: true, fClaimantTwoThreeWords: true, fEntryFirstInEntry: true,
			fDirect: false, fQuoteQuoteMarks: false, fUnverifiable: false},
		{fRuleClaimVerbSpeaker: true, fDirect: true, fQuoteQuoteMarks: true, fClaimantAllCapitalised: true,
			fClaimantRoleNoun: false, fEntryFirstInEntry: false, fClaimNumber: false},
		{fVerbTell: true, fUnverifiable: true, fClaimantOneWord: false, fClaimantRepeated: false},
	}
	for i, w := range want {
		for f, on := range w {
			if (fs[i][f] == 1) != on {
				t.Errorf("candidate %d (%q by %q): feature %s = %v, want %v",
					i, cands[i].Claim, cands[i].Claimant, featureNames[f], fs[i][f], on)
			}
		}
	}
	// The same claimant twice makes both "repeated".
	two := []Candidate{{Claimant: "The army", Claim: "a"}, {Claimant: "the army", Claim: "b"}}
	for i, f := range featuresOf(two) {
		if f[fClaimantRepeated] != 1 {
			t.Errorf("candidate %d: want claimant:repeated", i)
		}
	}
	// A claimant cut mid-phrase shows as such.
	cut := candidateFeatures(&Candidate{Claimant: "Just a line of", Claim: "x"}, candidateContext{})
	if cut[fClaimantEndsFunctionWord] != 1 || cut[fClaimantStartsAdverb] != 1 || cut[fClaimantLong] != 1 {
		t.Errorf("cut claimant features wrong: %v", cut)
	}
	role := candidateFeatures(&Candidate{Claimant: "a police spokesman", Claim: "x"}, candidateContext{})
	if role[fClaimantRoleNoun] != 1 || role[fClaimantStartsLower] != 1 || role[fClaimantAllCapitalised] != 0 {
		t.Errorf("role claimant features wrong: %v", role)
	}
}
