package liveblog

import "testing"

// TestLiveHeadingIsNoTurn: a live page that opens each paragraph with its
// heading ("Kolkata Blast LIVE UPDATES: …") or a reader channel ("Emails:
// …") is not a transcript: the heading speaks for no one.
func TestLiveHeadingIsNoTurn(t *testing.T) {
	wantNoCandidate(t, "Kolkata Blast LIVE UPDATES: The area was crowded on the occasion of the holiday.\n\n"+
		"Kolkata Blast LIVE UPDATES: Here's the latest news from the city centre.\n\n"+
		"Kolkata Blast LIVE UPDATES: Shops near the market stayed shut for the day.",
		"Storm Updates: Trees are down across the county and roads are closed.\n\n"+
			"Emails: It is very windy here and lamp posts are swaying.\n\n"+
			"Emails: The trains into the city have stopped running this morning.")
}

// TestNamedTurnStillSpeaks guards the other side: a transcript whose
// turns are people keeps them as speakers.
func TestNamedTurnStillSpeaks(t *testing.T) {
	got, err := Extract("Lin Wei: The talks are going smoothly and will resume tomorrow.\n\n" +
		"Reporter: Will the port reopen this week?\n\n" +
		"Lin Wei: The port will reopen on Friday after the inspection.")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Claimant != "Lin Wei" || got[1].Claimant != "Lin Wei" {
		t.Fatalf("want two claims by Lin Wei, got %+v", got)
	}
}
