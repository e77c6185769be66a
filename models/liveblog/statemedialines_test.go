package liveblog

import "testing"

// TestLineWithoutFullStop reads a line of a live page that lost its full
// stop as a sentence when it speaks in the perfect ("have been rescued"),
// which a headline does not.
func TestLineWithoutFullStop(t *testing.T) {
	checkClaims(t, "Rescue teams are at work in the county.\n\n"+
		"212 people have been rescued from the rubble, according to local authorities\n\nMore rain is expected on Friday.",
		want{"212 people have been rescued", "local authorities"})
}
