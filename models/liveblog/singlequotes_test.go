package liveblog

import "testing"

// TestSingleQuotationMarks reads quotations in single marks (‘…’) and in
// doubled apostrophes (”…”) as it reads those in double marks, while an
// apostrophe inside a word ("the army’s") closes nothing.
func TestSingleQuotationMarks(t *testing.T) {
	checkTable(t, []claimCase{
		{"‘The driver who died has been named as Ivo Marek,’ a local official told reporters in Ostra later in the evening.",
			[]want{{"The driver who died has been named as Ivo Marek", "local official"}}},
		{"''I counted at least nine bodies, most of them fighters,'' a village elder, Omar Said, said.",
			[]want{{"I counted at least nine bodies", "Omar Said"}}},
		{"''We are shocked that two neighbouring villages are fighting, '' the mayor said on Sunday.",
			[]want{{"two neighbouring villages are fighting", "mayor"}}},
		{"The head of the coast guard says ‘there appears to have been one boat’ in the collision.",
			[]want{{"there appears to have been one boat", "head of the coast guard"}}},
		{"‘The army’s convoy was hit twice,’ said Lena Brandt, a spokeswoman for the monitors.",
			[]want{{"The army’s convoy was hit twice", "Lena Brandt"}}},
	})
	cands := checkClaims(t, "''I counted at least nine bodies, most of them fighters,'' a village elder, Omar Said, said.")
	if len(cands) != 1 || !cands[0].Direct || cands[0].Claim[0] != 'I' {
		t.Errorf("doubled apostrophes: want one direct quotation without its marks, got %s", describe(cands))
	}
	for _, c := range []struct {
		s    string
		want int
	}{
		{"He said ‘the army’s trucks left’ at dawn.", 1},
		{"The ministry’s figures rose.", 0},
		{"He said ‘the figures rose at dawn.", 0}, // a single mark never closed
		{"''Stay home,'' she said.", 1},
	} {
		if got := quoteSpans(c.s); len(got) != c.want {
			t.Errorf("quoteSpans(%q) = %v, want %d quotations", c.s, got, c.want)
		}
	}
}
