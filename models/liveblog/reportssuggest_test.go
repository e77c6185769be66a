package liveblog

import "testing"

// TestReportsSuggest reads "reports suggest (that) C" as the reports'
// claim, while a single report's suggestion without "that" is a proposal.
func TestReportsSuggest(t *testing.T) {
	checkTable(t, []claimCase{
		{"Most reports suggest that the first blast went off around 6.40 pm.",
			[]want{{"the first blast went off around 6.40 pm", "Most reports"}}},
		{"Roads have been closed and reports suggest the old bridge has collapsed.",
			[]want{{"the old bridge has collapsed", "reports"}}},
		{"An early report suggested that the fire began in the kitchen.",
			[]want{{"the fire began in the kitchen", "report"}}},
		{"The report suggested a new tax on fuel.", []want{{"a new tax on fuel", ""}}},
	})
}
