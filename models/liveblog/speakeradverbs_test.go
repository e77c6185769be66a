package liveblog

import "testing"

// wantNoCandidate fails the test for every text that proposes a claim.
func wantNoCandidate(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		got, err := Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("%q: want no candidate, got %+v", text, got)
		}
	}
}

// TestConditionalIsNoSpeaker: "If confirmed, …" opens a condition; the
// "If" before the verb names no one, so the sentence proposes nothing.
func TestConditionalIsNoSpeaker(t *testing.T) {
	wantNoCandidate(t,
		"If confirmed the bomber was female, it would be the first such attack in the province.",
		"If confirmed, his death would be a major blow to the group.",
		"Unless confirmed, the figure remains an estimate by the local council.")
}

// TestAdverbBeforeVerbLeavesSpeaker: an adverb between the speaker and
// its verb ("quickly claimed", "immediately said") is not part of the
// speaker's name, and an adverb alone is no speaker at all.
func TestAdverbBeforeVerbLeavesSpeaker(t *testing.T) {
	kept := map[string]string{"Al-Shabab quickly": "Al-Shabab", "the ministry later": "the ministry",
		"Police initially": "Police", "the family": "the family", "Kelly": "Kelly"}
	for _, in := range []string{"Al-Shabab quickly", "the ministry later", "Police initially", "the family", "Kelly",
		"immediately", "If", "later", "Unless"} {
		out := keepSpeakers([]Candidate{{Claim: "the road is open", Claimant: in}})
		want, keep := kept[in]
		switch {
		case keep && (len(out) != 1 || out[0].Claimant != want):
			t.Errorf("%q: want claimant %q, got %+v", in, want, out)
		case !keep && len(out) != 0:
			t.Errorf("%q: want the candidate dropped, got %+v", in, out)
		}
	}
}

// TestAdverbSpeakerInSentence runs the whole extractor on a sentence
// whose speaker is followed by an adverb.
func TestAdverbSpeakerInSentence(t *testing.T) {
	got, err := Extract("The rebel army quickly said it had taken the bridge over the river.")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Claimant != "The rebel army" && got[0].Claimant != "the rebel army" {
		t.Fatalf("want one claim by the rebel army, got %+v", got)
	}
}
