package liveblog

import "testing"

// TestLyAdverbBeforeVerb drops any adverb in -ly between the speaker and
// the verb ("had quickly warned"), but not a noun in -ly ("The family").
func TestLyAdverbBeforeVerb(t *testing.T) {
	checkTable(t, []claimCase{
		{"Mayor Ana Diaz had swiftly warned that the city would respond.",
			[]want{{"the city would respond", "Ana Diaz"}}},
		{"The family told reporters the boy was safe.",
			[]want{{"the boy was safe", "family"}}},
	})
	if isLyAdverb("Italy") || isLyAdverb("rally") || !isLyAdverb("swiftly") {
		t.Error("isLyAdverb")
	}
}
