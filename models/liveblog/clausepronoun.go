package liveblog

import (
	"sort"
	"strings"
)

// mainSubjectSpeaks gives a pronoun that speaks in an adverbial clause the
// subject of the sentence's main clause, when they agree: "Police killed
// the suspect after they say negotiations failed" (police say), "Ana Borg
// left the house because she says the walls cracked" (Ana Borg says). The
// pronoun of such a clause refers to the main clause's subject far more
// often than to anyone named before the sentence.
func mainSubjectSpeaks(sc *sentenceScan, lo int, frames []rawFrame) {
	for k := range frames {
		f := &frames[k]
		if len(f.subject) > 4 || f.pos <= lo || !inSet(clausePronouns, f.subject) {
			continue // most speakers: no lower-case copy, no words split
		}
		pron := lowerASCII(f.subject)
		before := strings.TrimRight(sc.s[lo:f.pos], " ")
		before = strings.TrimRight(before[:len(before)-len(lastWord(before))], " ") // the pronoun
		if !inSet(subordinators, lastWord(before)) {
			continue
		}
		if subj := openingSubject(sc, lo, f.pos, pron == "they"); subj != "" {
			f.subject = subj
		}
	}
}

// openingSubject returns the subject that opens the sentence's bytes
// lo:to when it agrees with the pronoun: a plural head ("Police", "The
// fishermen") for "they", a person's name for "he" or "she"; else "".
func openingSubject(sc *sentenceScan, lo, to int, plural bool) string {
	ws := sc.wordsN(lo, to, 6)
	if len(ws) < 2 {
		return ""
	}
	if !plural {
		n := 0
		for n < len(ws) && n < 4 && isCapitalized(ws[n].text) && !strings.ContainsAny(ws[n].text, ",;:") {
			n++
		}
		if name := sc.s[lo+ws[0].s : lo+ws[max(n, 1)-1].e]; n >= 2 && isPersonName(name) {
			return name
		}
		return ""
	}
	h := 0
	if ws[0].lower == "the" || ws[0].lower == "local" {
		h = 1
	}
	head := ws[h].lower
	if strings.ContainsAny(sc.s[lo+ws[0].s:lo+ws[h].e], ",;:") || isCapitalized(ws[h].text) && h == 0 && !commonSubjects[head] {
		return ""
	}
	if pluralSubjects[head] || commonSubjects[head] || strings.HasSuffix(head, "men") || head == "people" ||
		strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "'s") && !strings.HasSuffix(head, "’s") {
		return sc.s[lo+ws[0].s : lo+ws[h].e]
	}
	return ""
}

var clausePronouns = setOf("they", "he", "she")

// asideOfSpeaker reports whether name mention m stands in passing in the
// same sentence as the speaker whose verb is at pos ("The group, which is
// close to the Eastern Front, said"): a name inside the speaker's own
// description, which "the group" does not refer to. A name opening the
// sentence ("The Front attacked, and the group said") is no aside.
func (ix *entityIndex) asideOfSpeaker(m, pos int) bool {
	if ix.ms[m].opens || ix.ms[m].speaker {
		return false
	}
	k := sort.Search(len(ix.ms), func(i int) bool { return ix.ms[i].pos >= pos })
	return k < len(ix.ms) && ix.ms[k].pos == pos && ix.ms[k].sent == ix.ms[m].sent
}
