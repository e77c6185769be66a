package liveblog

import "strings"

// "In Yemen, the SABA agency, which is run by the rebels, reported …":
// the phrase that opens the sentence says where; the description after it
// is the speaker, not an appositive of the place.

// introducesSpeaker reports whether a segment before a speaker is an
// introduction (a place or time opened by "In", "On", "After" …) that
// belongs to no speaker.
func introducesSpeaker(s string, qs []span, seg span) bool {
	p := strings.TrimSpace(afterQuote(s, qs, seg))
	return p != "" && wordCount(p) <= 6 && isIntroLike(p)
}

// describedFromPlace reports whether a speaker phrase is a description
// that ends with where the speaker is from ("An official from Sindh"), so
// an appositive about that place after it ("a province in the south") is
// an aside, not the speaker.
func describedFromPlace(p string) bool {
	ws := strings.Fields(strings.TrimSpace(p))
	if len(ws) < 3 || !isCapitalized(ws[len(ws)-1]) {
		return false
	}
	d := lowerASCII(ws[0])
	return (d == "a" || d == "an" || d == "the") && inSet(placeOnlyPrepositions, lowerASCII(ws[len(ws)-2]))
}
