package liveblog

import "strings"

// An inverted speaker often carries the speaker's office after a comma:
// `"…," said Rami Haddad, head of the Syrian Observatory for Human
// Rights.` The office may be long, the name before it is not.

// maxInvertedSpeaker bounds a speaker after its verb without an office;
// maxInvertedName bounds the name before the office's comma and
// maxInvertedOffice the whole phrase with it.
const (
	maxInvertedSpeaker = 10
	maxInvertedName    = 6
	maxInvertedOffice  = 20
)

// invertedSpeakerLength reports whether a phrase after "said" is short
// enough to be its speaker: at most maxInvertedSpeaker words, or a short
// name followed by an office that opens no clause ("who", "that", a
// reporting verb), up to maxInvertedOffice words in all.
func invertedSpeakerLength(subj string) bool {
	n := wordCount(subj)
	if n <= maxInvertedSpeaker {
		return true
	}
	k := strings.IndexByte(subj, ',')
	if k < 0 || n > maxInvertedOffice || wordCount(subj[:k]) > maxInvertedName {
		return false
	}
	office := strings.Fields(lowerASCII(subj[k+1:]))
	return len(office) > 0 && !inSet(relatives, office[0]) && plainTail(office)
}
