package liveblog

import "testing"

// TestSignedPost reads a statement copied into a live blog with its
// author's name after a dash as that author's, and leaves a credit of one
// word or a line that is no sentence alone.
func TestSignedPost(t *testing.T) {
	checkClaims(t, "8:40 am: Deeply saddened by the accident. My thoughts are with the families. Railways and local authorities are giving all possible help. - Narendra Modi",
		want{"all possible help", "Narendra Modi"})
	checkClaims(t, "The match ended in a draw. - Reuters", want{"ended in a draw", ""})
	checkClaims(t, "Read more - Jane Doe", want{"Read more", ""})
}
