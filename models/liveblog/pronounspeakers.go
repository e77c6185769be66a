package liveblog

// "Ren Hao, the spokesman, answered questions about photos taken by the
// United States. "…," Ren said. He added …": "he" is Ren, the person who
// spoke last by his surname, not a name that stands after his full name
// and looks like a person's.

// loneSpeakerAfter returns a speaker named by a surname alone ("Ren said")
// whose full name the entry gave as a person's, when he spoke after the
// person p that "he" or "she" at pos would otherwise mean; -1 if there is
// none.
func (ix *entityIndex) loneSpeakerAfter(p, pos int) int {
	if p < 0 {
		return -1
	}
	l := ix.nearestBeforeOK(ix.orgs, pos, loneNameSpeaker)
	if l < 0 || ix.ms[l].pos <= ix.ms[p].pos {
		return -1
	}
	// The full name stands before l, a few mentions back at most; the
	// surname may be its last word or, in Chinese names, its first.
	low := lowerASCII(ix.ms[l].name)
	for k, n := l-1, 0; k >= 0 && n < maxSurnameLookBack; k, n = k-1, n+1 {
		if m := ix.ms[k]; m.person && m.multi && (m.last == low || lowerASCII(firstWord(m.name)) == low) {
			return l
		}
	}
	return -1
}

// maxSurnameLookBack bounds how many mentions loneSpeakerAfter reads back,
// so resolving stays linear in a long entry.
const maxSurnameLookBack = 24
