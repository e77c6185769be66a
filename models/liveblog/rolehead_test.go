package liveblog

import "testing"

// TestTrailingRoleThenName: in "C, the spokesman, Ali Rahim, said" the role
// and the name after it are the speaker; the claim before them is not part
// of the speaker however the role reads.
func TestTrailingRoleThenName(t *testing.T) {
	checkTable(t, []claimCase{
		{"Storm update\n\nThe dam was never at risk, the spokesman, Tomas Berg, told the radio.",
			[]want{{"The dam was never at risk", "Tomas Berg"}}},
		{"Storm update\n\nThe ferries will sail again on Sunday, the harbour director, Ines Moll, said.",
			[]want{{"The ferries will sail again", "Ines Moll"}}},
		{"Storm update\n\nMichel Blanc, 43, who owns three houses, told the radio the roofs were gone.",
			[]want{{"the roofs were gone", "Michel Blanc"}}},
	})
}
