package liveblog

import "testing"

// TestGermanTheFiguresSay reads "den Angaben zufolge" (according to the
// figures the text has named) as a source; "neuen Angaben zufolge" names
// no one.
func TestGermanTheFiguresSay(t *testing.T) {
	checkClaims(t, "Mehr als zwei Millionen Menschen in 40 Bezirken sind den Angaben zufolge von den Überschwemmungen betroffen.",
		want{"Mehr als zwei Millionen Menschen in 40 Bezirken sind von den Überschwemmungen betroffen", "Angaben"})
	checkClaims(t, "Die Brücke über den Fluss ist neuen Angaben zufolge wieder offen.", want{"Brücke über den Fluss", ""})
}
