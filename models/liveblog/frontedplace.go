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
