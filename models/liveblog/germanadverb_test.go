package liveblog

import "testing"

// TestGermanAdverbBeforeVerb reads "Zugleich erklärte X, dass C" as X's,
// not the adverb's.
func TestGermanAdverbBeforeVerb(t *testing.T) {
	checkClaims(t, "Zugleich erklärte Bürgermeister Karl Weiß, dass die Brücke bis Montag gesperrt bleibe.",
		want{"die Brücke bis Montag gesperrt bleibe", "Karl Weiß"})
	checkClaims(t, "Außerdem teilte die Polizei mit, dass zwei Verdächtige festgenommen worden seien.",
		want{"zwei Verdächtige festgenommen", "Polizei"})
}
