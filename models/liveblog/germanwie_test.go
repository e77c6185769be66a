package liveblog

import "testing"

// TestGermanTrailingWie reads a speaker named after the claim in a clause
// opened by "wie", the verb last, with when and where between speaker and
// verb cut off; "wie" that compares names no one.
func TestGermanTrailingWie(t *testing.T) {
	checkClaims(t, "Die Opfer wurden in der Stadt Aldea geborgen, wie Lokalbehörden mitteilten.",
		want{"Die Opfer wurden in der Stadt Aldea geborgen", "Lokalbehörden"})
	checkClaims(t, "Die Menschen sollen Schutzräume im Süden aufsuchen, wie ein Sprecher der Armee am Freitag auf der Plattform X mitteilte.",
		want{"Die Menschen sollen Schutzräume im Süden aufsuchen", "Sprecher der Armee"})
	checkClaims(t, "Der Damm hielt dem Hochwasser stand, wie die Feuerwehr berichtete.",
		want{"Der Damm hielt dem Hochwasser stand", "Feuerwehr"})
	checkClaims(t, "Die Brücke ist so breit, wie sie lang ist.", want{"Brücke ist so breit", ""})
}
