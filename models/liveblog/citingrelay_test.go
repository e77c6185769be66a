package liveblog

import "testing"

// TestCitingAnUnnamedSource keeps a news agency as the speaker when it only
// cites a party without a name ("…, Xinhua said, citing authorities"): the
// agency is the source a reader can hold to the report. A party with a
// name ("citing Interior Minister Ana Diaz") still speaks through it.
func TestCitingAnUnnamedSource(t *testing.T) {
	checkTable(t, []claimCase{
		{"The storm made landfall along the coast, the state-run Xinhua news agency said, citing authorities.",
			[]want{{"made landfall along the coast", "Xinhua"}}},
		{"Trucks rammed into shoppers in a market, Kalmar Press reported, citing witness reports.",
			[]want{{"rammed into shoppers", "Kalmar Press"}}},
		{`"The dam is likely to hold," Nova Radio said, citing a meeting held by flood officials.`,
			[]want{{"likely to hold", "Nova Radio"}}},
		{"Four towns were evacuated, the news agency said, citing local authorities.",
			[]want{{"Four towns were evacuated", "news agency"}}},
		{"The border was closed overnight, Nova Radio reported, citing Interior Minister Ana Diaz.",
			[]want{{"border was closed", "Ana Diaz"}}},
	})
	c := checkClaims(t, "Four towns were evacuated, the news agency said, citing local authorities.")
	if len(c) != 1 || c[0].Channel != "citing local authorities" {
		t.Errorf("the cited party is the channel: got %s", describe(c))
	}
}
