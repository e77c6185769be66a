package liveblog

import "testing"

// TestClauseObjectWithoutThat reads a clause after a verb that otherwise
// names an act ("indicated the flooding is worse", "announced the truce
// would begin") as a claim, while a plain noun phrase ("announced the new
// rules") stays an act; an appositive about the place a speaker is from
// ("An official from Ostra, a town located on the coast,") is no speaker.
func TestClauseObjectWithoutThat(t *testing.T) {
	checkTable(t, []claimCase{
		{"An official from Ostra, a town located on the northern coast, indicated the flooding is even worse than in 2012.",
			[]want{{"the flooding is even worse than in 2012", "official from Ostra"}}},
		{"The ministry announced the truce would begin at noon.",
			[]want{{"the truce would begin at noon", "ministry"}}},
		{"The ministry announced the new rules for drivers.", []want{{"the new rules", ""}}},
		{"The channel posted a video that was filmed at night.", []want{{"a video", ""}}},
	})
}
