package liveblog

import (
	"sort"
	"strings"
)

// markClaimNames marks the names in passing of the sentence just scanned
// when the sentence attributes a claim to someone else: in "The ministry
// denied that Lavrov met the envoys. She said …", "…rioters threw stones
// at cars around Tawhid Square, it said." or "X said in the statement
// published by the Monitor Group that … It put the toll at 40." the name is
// part of what was said or of how it was passed on, and a later "she" or
// "it" refers to the speaker, not to it. The speaker's own name (a frame's
// subject contains it) and a name opening the sentence ("Andaya came under
// criticism when he said …") stay eligible.
func (ix *entityIndex) markClaimNames(frames []rawFrame) {
	if len(frames) == 0 {
		return
	}
	for k := len(ix.ms) - 1; k >= 0 && ix.ms[k].sent == ix.sent; k-- {
		m := &ix.ms[k]
		if m.speaker || m.name == "" || m.pos == ix.sentStart || ownName(frames, m.name) {
			continue
		}
		m.inClaim = true
		m.personSpoke = personSpeaker(frames)
	}
}

// personSpeaker reports whether one of frames is spoken by "he" or "she".
func personSpeaker(frames []rawFrame) bool {
	for _, f := range frames {
		if strings.EqualFold(f.subject, "he") || strings.EqualFold(f.subject, "she") {
			return true
		}
	}
	return false
}

// ownName reports whether name is part of the speaker phrase of one of
// frames.
func ownName(frames []rawFrame, name string) bool {
	for _, f := range frames {
		if f.subject != "" && strings.Contains(f.subject, name) {
			return true
		}
	}
	return false
}

// speakable is the filter for a pronoun's referent: not a name inside
// another party's claim.
func speakable(m mention) bool { return !m.inClaim }

// nearestBeforeOK returns the index in list of the last mention before pos
// that passes ok, looking at a few at most; -1 if none does.
func (ix *entityIndex) nearestBeforeOK(list []int, pos int, ok func(mention) bool) int {
	k := sort.Search(len(list), func(i int) bool { return ix.ms[list[i]].pos >= pos })
	for i, n := k-1, 0; i >= 0 && n < 8; i, n = i-1, n+1 {
		if ok(ix.ms[list[i]]) {
			return list[i]
		}
	}
	return -1
}

// nearestOK returns the referent of a pronoun at pos among list: the
// nearest speakable mention before it, else a name opening one of the
// next sentences ("He said the talks had collapsed. Union leader Piet
// Jansen walked out …"), never a place or a byline printed after it.
func (ix *entityIndex) nearestOK(list []int, pos int) int {
	if k := ix.nearestBeforeOK(list, pos, speakable); k >= 0 {
		return k
	}
	return ix.nearest(list, pos, func(m mention) bool { return m.pos > pos && m.opens })
}

// loneNameSpeaker is the filter for "he" or "she" when no person was named
// before: a speaker named by one word that is no organisation or outlet
// ("Patrick says …").
func loneNameSpeaker(m mention) bool {
	return m.speaker && !m.multi && !m.inClaim && hasLowerLetter(m.name) && !containsOrgWord(m.name) && !isOutlet(m.name)
}

// describedSince reports whether a speaker described without a name and
// with head h ("an army intelligence colonel told AFP …") stands between
// the named mention k and pos: "the colonel" is then that speaker, not
// Colonel Kazarama named earlier.
func (ix *entityIndex) describedSince(h string, k, pos int) bool {
	if ix.ms[k].pos >= pos {
		return false
	}
	d := ix.nearestBefore(ix.descs.get(h), pos)
	// "the governor said" after "Gov. Ana Diaz" refers back to her; only
	// a new, indefinite description ("an army colonel") is someone else.
	return d >= 0 && ix.ms[d].speaker && ix.ms[d].pos > ix.ms[k].pos && !hasPrefixLower(strings.TrimSpace(ix.ms[d].role), "the ")
}

// personReferent returns the named person "he" or "she" at pos refers to:
// the nearest one outside another party's claim, unless the nearest person
// is named inside a claim and no speaker (named, or described as d) stands
// in that sentence or the one before it. "Police said Ana Borg was pulled
// from the rubble. "…," she said." is Ana Borg, since the police are no
// "she"; in "Zakharova denied that Lavrov met … She said …" the speaker
// stands beside the name and is meant. -1 if no person was named before.
func (ix *entityIndex) personReferent(d, pos int) int {
	p := ix.nearestBeforeOK(ix.persons, pos, speakable)
	q := ix.nearestBefore(ix.persons, pos)
	if q < 0 || !ix.ms[q].inClaim || ix.ms[q].personSpoke {
		return p
	}
	near := func(k int) bool { return k >= 0 && ix.ms[k].sent >= ix.ms[q].sent-1 }
	if near(p) || near(d) {
		return p
	}
	return q
}
