package liveblog

import "testing"

// TestSpeakerBeforeRelativeClause: a relative clause between the speaker
// and the verb ("The engineer, who is in Tromsø and spoke on condition of
// anonymity, said") is no speaker of its own, however it goes on; nor are
// the words after an inverted-looking verb that end in "but" ("X, a
// spokesman, confirmed the fire but said …"), nor a "both in …" aside.
func TestSpeakerBeforeRelativeClause(t *testing.T) {
	checkTable(t, []claimCase{
		{"The engineer, who is in Tromsø, Norway, and spoke on the condition of anonymity, said the pumps failed twice.",
			[]want{{"the pumps failed twice", "engineer"}}},
		{"The pilot, who flew the route for years, and spoke to reporters on Monday, said the radar went dark.",
			[]want{{"the radar went dark", "pilot"}}},
		{"Lena Ford, a spokeswoman for the ferry line, confirmed the fire but said no passenger was hurt.",
			[]want{{"no passenger was hurt", "Lena Ford"}}},
		{"Staff at the Arden clinic and the Vale hospital, both in Mossby, told reporters that nine people were treated.",
			[]want{{"nine people were treated", "Staff at the Arden clinic"}}},
		{"The mayor, who arrived on Monday, said the water was falling.", []want{{"the water was falling", "mayor"}}},
	})
}
