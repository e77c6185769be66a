package liveblog

import "testing"

// TestCaveatOnTheDetails: a paragraph of its own saying the details of the
// fighting cannot be confirmed names the events the story reports, so it
// covers every claim before it, not only the paragraph just above.
func TestCaveatOnTheDetails(t *testing.T) {
	flagged(t, "Rebels said they had taken three villages in the valley.\n\nThe army said 15 rebels died in the clashes.\n\n"+
		"A rebel spokesman claimed the army lost more men.\n\n"+
		"Independent confirmation of the details of the clashes is not possible as reporters cannot reach the valley.",
		map[string]bool{"three villages": true, "15 rebels died": true, "army lost more men": true})
}
