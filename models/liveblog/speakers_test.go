package liveblog

import "testing"

// TestNoSpeakerInOrdinarySentence: a sentence whose noun happens to be a
// reporting verb ("notes", "reports") proposes nothing when what stands
// before it cannot name a speaker.
func TestNoSpeakerInOrdinarySentence(t *testing.T) {
	for _, text := range []string{
		"Just a line of notes with no attribution.",
		"Only a handful of reports about the flooding reached the capital.",
	} {
		got, err := Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("%q: want no candidate, got %+v", text, got)
		}
	}
}

// TestSpeakerKeptWithoutTrailingDate: "said on Monday" with the weekday
// taken out must not cost the claim its speaker.
func TestSpeakerKeptWithoutTrailingDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"the Taliban on", "the Taliban"},
		{"Afghan officials late on", "Afghan officials"},
		{"state television early on", "state television"},
		{"Marta Kellner", "Marta Kellner"},
		{"Ministry of Health", "Ministry of Health"},
	} {
		out := keepSpeakers([]Candidate{{Claim: "the road is open", Claimant: c.in}})
		if len(out) != 1 || out[0].Claimant != c.want {
			t.Errorf("%q: want claimant %q, got %+v", c.in, c.want, out)
		}
	}
	for _, in := range []string{"Just a line of", "the head of", "Meanwhile the army", "The", "and Peace",
		"where the governor is popular"} {
		if out := keepSpeakers([]Candidate{{Claim: "the road is open", Claimant: in}}); len(out) != 0 {
			t.Errorf("%q: want the candidate dropped, got %+v", in, out)
		}
	}
}

// TestNamedSpeakerStillFound guards the other side: ordinary attributions,
// with a date after the verb, keep their speaker.
func TestNamedSpeakerStillFound(t *testing.T) {
	got, err := Extract("The health ministry said on Monday that 40 people had died.")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Claimant != "The health ministry" && got[0].Claimant != "the health ministry" {
		t.Fatalf("want one claim by the health ministry, got %+v", got)
	}
}
