package liveblog

import "testing"

// TestByItsCount reads "By its count, …" as "according to" the body that
// spoke before, and "by" in other uses as nothing.
func TestByItsCount(t *testing.T) {
	checkTable(t, []claimCase{
		{"The coast guard said the raids in the north were repelled. By its count, at least 60 smugglers died, while only two officers were hurt.",
			[]want{{"at least 60 smugglers died", "coast guard"}}},
		{"By the ministry's tally, 300 homes were flooded.", []want{{"300 homes were flooded", "ministry"}}},
		{"The town was taken by their count of votes.", []want{{"The town was taken", ""}}},
	})
}

// TestDisputed reads "disputed the report" and "disputed claims that …" as
// denials, and "disputed" before a noun as an adjective.
func TestDisputed(t *testing.T) {
	checkTable(t, []claimCase{
		{"The army said 20 militants were killed.\n\nBut farmers and a district official disputed the army's report.",
			[]want{{"20 militants were not killed", "farmers and a district official"}}},
		{"The colonel disputed claims that the captain had fled the city.", []want{{"the captain had not fled the city", "colonel"}}},
		{"The protests were sparked by disputed elections.", []want{{"elections", ""}}},
		{"Rebels attacked a patrol in the disputed farms area.", []want{{"patrol", ""}}},
	})
}

// TestPresentTenseAnswers reads "replies", "responds", "vows" with a
// quotation or "that", as live entries write them.
func TestPresentTenseAnswers(t *testing.T) {
	checkTable(t, []claimCase{
		{"A guard asks whether the man was armed. Borg replies, \"He was firing back; he died at his post.\"",
			[]want{{"He was firing back", "Borg"}}},
		{"Chief Tom Reyes vows that the crews will reach every village.", []want{{"reach every village", "Tom Reyes"}}},
		{"The council responds to questions every week.", []want{{"questions", ""}}},
	})
}
