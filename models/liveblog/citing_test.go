package liveblog

import "testing"

// TestReportsCitingASource reads the inverted "…, say reports citing X"
// and a speaker phrase "reports citing X" anywhere in a frame: X speaks,
// the reports relay.
func TestReportsCitingASource(t *testing.T) {
	checkTable(t, []claimCase{
		{"Two ferries sank in the storm, say reports citing coastguard officials in Vell.",
			[]want{{"Two ferries sank", "coastguard officials"}}},
		{"Two ferries sank in the storm, say local residents.", []want{{"Two ferries sank", "local residents"}}},
		{"Two ferries sank in the storm, say officials.", []want{{"Two ferries sank", "officials"}}},
		{"Two ferries sank in the storm, says a report citing the coastguard.", []want{{"Two ferries sank", "coastguard"}}},
		{"Two ferries sank in the storm, media reports citing the coastguard said.", []want{{"Two ferries sank", "coastguard"}}},
		{"Reports citing hospital staff say two ferries sank in the storm.", []want{{"two ferries sank", "hospital staff"}}},
	})
	for _, c := range checkClaims(t, "Two ferries sank in the storm, say reports citing coastguard officials in Vell.") {
		if c.Via == "" {
			t.Errorf("%q by %q: no relaying reports in via", c.Claim, c.Claimant)
		}
	}
}
