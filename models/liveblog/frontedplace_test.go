package liveblog

import "testing"

// TestSpeakerAfterFrontedPlace takes the description after an opening
// place or time ("In Vellia, the state news agency, which is run by the
// army, reported …") as the speaker, not the place; "he added" after it is
// that speaker too.
func TestSpeakerAfterFrontedPlace(t *testing.T) {
	checkTable(t, []claimCase{
		{"In Vellia, the state news agency, which is run by the army, reported that two bridges were destroyed overnight. Rescue work was delayed by fears of more strikes, it added.",
			[]want{{"two bridges were destroyed overnight", "state news agency"}, {"Rescue work was delayed", "state news agency"}}},
		{"On Monday, the harbour master, who took office in May, said the channel was clear.",
			[]want{{"the channel was clear", "harbour master"}}},
		{"Ana Borg, the mayor, who took office last year, said the roads were open.",
			[]want{{"the roads were open", "Ana Borg"}}},
	})
}
