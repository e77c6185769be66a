package liveblog

import "testing"

// TestQuotedNameInSpeakerOffice keeps a speaker whose office holds a few
// quoted words (`a spokesman for the army's "security operation"`), while a
// quotation before the speaker still ends the claim.
func TestQuotedNameInSpeakerOffice(t *testing.T) {
	checkTable(t, []claimCase{
		{`Ivo Marek, a spokesman for the army's "security operation", said about 40 gunmen had been killed near the border.`,
			[]want{{"about 40 gunmen had been killed", "Ivo Marek"}}},
		{`Lena Brandt, head of the "clean water" campaign, said the river was safe again.`,
			[]want{{"the river was safe again", "Lena Brandt"}}},
		{`The town is "completely cut off", the mayor said.`,
			[]want{{`The town is "completely cut off"`, "mayor"}}},
	})
}
