package liveblog

import "testing"

// TestBlameAndAttribution reads "S blamed X for Y", "S blamed X on Y" and
// "S attributed X to Y" as S's claim about who is responsible, written
// without a copula ("the Union responsible for the blast") so that number
// agreement cannot go wrong.
func TestBlameAndAttribution(t *testing.T) {
	checkTable(t, []claimCase{
		{"The Harbour Party blamed the Union for the blast.", []want{{"the Union responsible for the blast", "Harbour Party"}}},
		{"Kalmar has blamed a chain of attacks in recent months on separatists from the north.",
			[]want{{"separatists from the north responsible for a chain of attacks", "Kalmar"}}},
		{`An earlier statement blamed the guard's death late Thursday on a "terror act."`,
			[]want{{"responsible for the guard's death", "statement"}}},
		{"The report has attributed 62 percent of the casualties to the rebels and other groups.",
			[]want{{"62 percent of the casualties attributable to the rebels", "report"}}},
		{"The mayor condemned the fire, blaming the owners for ignoring warnings.",
			[]want{{"the owners responsible for ignoring warnings", "mayor"}}},
		// Passive participles are no statements of the noun before them.
		{"Two bombings blamed on rebels killed five people.", []want{{"rebels", ""}}},
		{"Remarks attributed to the minister caused a stir.", []want{{"minister", ""}}},
		// After a subordinator, the main clause's subject speaks.
		{"After blaming the fire on arson yesterday, the council issued a statement.", []want{{"arson", ""}}},
	})
	checkTable(t, []claimCase{
		{"After blaming the fire on arson, the council issued a statement.\n\n\"The blaze was set on purpose,\" it said.",
			[]want{{"set on purpose", "council"}}},
	})
}
