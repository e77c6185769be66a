package liveblog

import "testing"

// TestGermanHiessEsInStatement reads "…, hieß es in einer Erklärung des
// X." as X's, "…, hieß es in der Erklärung." as the statement's; "…, hieß
// es." names no one.
func TestGermanHiessEsInStatement(t *testing.T) {
	checkClaims(t, "Krankenhäuser und Schulen würden in Schutt und Asche gelegt, hieß es in einer Erklärung des UN-Nothilfebüros Ocha.",
		want{"Krankenhäuser und Schulen würden in Schutt und Asche gelegt", "Ocha"})
	checkClaims(t, "Die Brücke sei wieder offen, hieß es in der Mitteilung.", want{"Die Brücke sei wieder offen", "Mitteilung"})
	checkClaims(t, "Die Brücke sei wieder offen, hieß es.", want{"Die Brücke sei wieder offen", ""})
}
