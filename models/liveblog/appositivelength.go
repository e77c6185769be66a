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

// isOfficeTitle reports whether an appositive is a capitalised office of
// one or two words ("Director", "Chief Spokesman"), which names no one.
func isOfficeTitle(seg string) bool {
	ws := strings.Fields(lowerASCII(strings.TrimSpace(seg)))
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	last := ws[len(ws)-1]
	return titles[last] || personRoles[last]
}

// officeAndBody reports whether three segments before a verb are a name,
// its office as a bare title and the body it serves ("Ivo Marek,
// Director, Army Public Relations,").
func officeAndBody(s string, qs []span, name, office, body span) bool {
	n := strings.TrimSpace(afterQuote(s, qs, name))
	return nameLike(n) && isCapitalized(n) && isOfficeTitle(s[office.s:office.e]) && nameLike(strings.TrimSpace(s[body.s:body.e]))
}
