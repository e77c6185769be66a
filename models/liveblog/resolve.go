package liveblog

import (
	"sort"
	"strings"
	"unicode"
)

// resolve returns the fullest name the text gives for a speaker at pos.
func (ix *entityIndex) resolve(si *subjectInfo, pos int, blog *blogIndex) string {
	switch {
	case si.name != "":
		return ix.fullName(si.name, pos, blog)
	case si.pron == "he" || si.pron == "she":
		// A described person who spoke last ("the resident told AFP …
		// he added") before any named one.
		d := ix.nearestBefore(ix.people, pos)
		p := ix.personReferent(d, pos)
		if d >= 0 && (p < 0 || ix.ms[d].pos > ix.ms[p].pos) {
			return ix.resolveDescription(ix.ms[d].role, ix.ms[d].pos, blog)
		}
		if l := ix.loneSpeakerAfter(p, pos); l >= 0 {
			return ix.fullName(ix.ms[l].name, pos, blog)
		}
		if p >= 0 {
			return ix.fullName(ix.ms[p].name, pos, blog)
		}
		if k := ix.nearestBeforeOK(ix.orgs, pos, loneNameSpeaker); k >= 0 {
			return ix.ms[k].name // "Patrick says …. He said …"
		}
		if k := ix.nearestOK(ix.persons, pos); k >= 0 {
			return ix.fullName(ix.ms[k].name, pos, blog)
		}
	case si.pron == "they" && si.role == "":
		// "Correspondents report …. They say …": the nearest speakers
		// described in the plural, else the nearest organisation.
		p := ix.nearestBefore(ix.plurals, pos)
		o := ix.nearestBefore(ix.orgs, pos)
		switch {
		case p >= 0 && (o < 0 || ix.ms[p].pos > ix.ms[o].pos):
			return ix.ms[p].role
		case o >= 0:
			return ix.ms[o].name
		}
	case si.pron == "it":
		// The nearest body: a named organisation, or a described one
		// that spoke last ("The government said …. … it said").
		b := ix.nearestBefore(ix.bodies, pos)
		o := ix.nearestBeforeOK(ix.orgs, pos, speakable)
		if b >= 0 && (o < 0 || ix.ms[b].pos > ix.ms[o].pos || isOutlet(ix.ms[o].name)) {
			// An outlet that relayed the body's words ("The navy said
			// …, Radio Kalmar reported. It said …") is not "it".
			return ix.resolveDescription(ix.ms[b].role, ix.ms[b].pos, blog)
		}
		if k := ix.nearestOK(ix.orgs, pos); k >= 0 {
			return ix.ms[k].name
		}
	case isFormerLatter(si.role):
		if name := ix.formerLatter(lowerASCII(strings.TrimSpace(si.role)), pos); name != "" {
			return ix.fullName(name, pos, blog)
		}
	case si.pron != "" && si.role != "":
		// "Its commander": a named mention with that role, else the body
		// it belongs to.
		h := roleHead(si.role)
		if k := ix.nearest(ix.byHead.get(h), pos, func(m mention) bool { return describes(si.role, m) }); k >= 0 && ix.ms[k].person {
			return ix.fullName(ix.ms[k].name, pos, blog)
		}
		if si.pron == "its" || si.pron == "their" {
			if k := ix.nearest(ix.orgs, pos, nil); k >= 0 {
				return ix.ms[k].name + " " + si.role
			}
		}
	case si.role != "" && ix.oneOf(si.role, pos) != "":
		return ix.oneOf(si.role, pos)
	case si.role != "":
		return ix.resolveDescription(si.role, pos, blog)
	}
	return strings.TrimSpace(si.raw)
}

// nearestBefore returns the index in list of the last mention before pos,
// or -1.
func (ix *entityIndex) nearestBefore(list []int, pos int) int {
	k := sort.Search(len(list), func(i int) bool { return ix.ms[list[i]].pos >= pos })
	if k == 0 {
		return -1
	}
	return list[k-1]
}

// isFormerLatter reports whether a speaker is "the former" or "the latter".
func isFormerLatter(role string) bool {
	r := strings.TrimSpace(role)
	return strings.EqualFold(r, "the former") || strings.EqualFold(r, "the latter")
}

// formerLatter resolves "the latter" to the last name mentioned before pos
// and "the former" to the one before it; "" when the entry names fewer
// than two before pos.
func (ix *entityIndex) formerLatter(which string, pos int) string {
	k := sort.Search(len(ix.ms), func(i int) bool { return ix.ms[i].pos >= pos })
	var names []string
	for i := k - 1; i >= 0 && k-i <= 8 && len(names) < 2; i-- {
		if n := ix.ms[i].name; n != "" && (len(names) == 0 || n != names[0]) {
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return ""
	}
	if which == "the latter" {
		return names[0]
	}
	return names[1]
}

// isPluralHead reports whether the head of a description without a name
// speaks of several people ("correspondents in the capital", "Local
// media").
func isPluralHead(h string) bool {
	return commonSubjects[h] || pluralSubjects[h] || h == "media" ||
		(len(h) > 3 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "'s") && !strings.HasSuffix(h, "’s"))
}

// fullName expands a surname ("Kellner") to the full name given in the
// entry or, failing that, earlier in the blog.
func (ix *entityIndex) fullName(name string, pos int, blog *blogIndex) string {
	if strings.TrimSpace(name) == "" || strings.ContainsFunc(strings.TrimSpace(name), unicode.IsSpace) {
		return name
	}
	low := lowerASCII(name)
	if k := ix.nearest(ix.byLast.get(low), pos, func(m mention) bool { return strings.Contains(m.name, " ") }); k >= 0 {
		return ix.ms[k].name
	}
	if full, ok := blog.bySurname[low]; ok {
		return full
	}
	return name
}

// resolveDescription turns "the governor" or "the operator" into the name or
// fuller description it refers to in the entry, or earlier in the blog.
func (ix *entityIndex) resolveDescription(role string, pos int, blog *blogIndex) string {
	clean := strings.TrimSpace(role)
	low := lowerASCII(clean)
	if !strings.HasPrefix(low, "the ") {
		return lowerFirstArticle(clean)
	}
	cw := contentWords(clean) // once, for the tests below and the fuller description
	if len(cw) > 3 {
		return lowerFirstArticle(clean)
	}
	h := roleHead(clean)
	k := ix.nearest(ix.byHead.get(h), pos, func(m mention) bool { return describes(clean, m) })
	if agencyHeads[h] && len(cw) <= 2 {
		// "the agency": the outlet that reported last, unless a body
		// called an agency was named after it.
		if o := ix.lastOutlet(pos); o >= 0 && (k < 0 || ix.ms[o].pos > ix.ms[k].pos) {
			return ix.ms[o].name
		}
	}
	if k >= 0 && ix.ms[k].pos > pos && genericOrgHeads[h] {
		// "The rights group added …" after an organisation spoke: it
		// refers back to that one, not to a group named only later.
		if o := ix.nearestBeforeOK(ix.orgs, pos, speakable); o >= 0 {
			return ix.ms[o].name
		}
	}
	if k >= 0 && !ix.describedSince(h, k, pos) {
		return ix.fullName(ix.ms[k].name, pos, blog)
	}
	// A fuller description of the same body: "the operator" → "national
	// rail operator". Only the descriptions with this head near pos are
	// looked at (descWindow on either side), so that an entry with
	// thousands of "the ministry" costs the same per claim as a short one.
	best := ""
	list := ix.descs.get(h)
	at := sort.Search(len(list), func(i int) bool { return ix.ms[list[i]].pos >= pos })
	for _, k := range list[max(0, at-descWindow):min(len(list), at+descWindow)] {
		dd := ix.descInfo(k)
		if len(dd.words) > len(cw) && dd.head == h && containsAll(dd.words, cw) && len(dd.text) > len(best) {
			best = dd.text
		}
		if len(best) > 0 && k > 16 {
			break
		}
	}
	if best != "" {
		return best
	}
	if genericOrgHeads[h] && len(cw) == 1 {
		// "the company": the organisation named last before it.
		k := sort.Search(len(ix.orgs), func(i int) bool { return ix.ms[ix.orgs[i]].pos >= pos })
		for k > 0 && ix.asideOfSpeaker(ix.orgs[k-1], pos) {
			k-- // "The group, which is close to the Eastern Front, said": not that front
		}
		if k > 0 {
			return ix.ms[ix.orgs[k-1]].name
		}
	}
	if len(cw) == 1 {
		if n, ok := blog.byHead[h]; ok {
			return n
		}
	}
	return lowerFirstArticle(clean)
}

// remember passes the entry's names on to later entries.
func (ix *entityIndex) remember(blog *blogIndex) {
	for _, m := range ix.ms {
		if m.name == "" {
			continue
		}
		if m.person && m.multi {
			blog.bySurname[m.last] = m.name
		}
		if m.head != "" {
			blog.byHead[m.head] = m.name
		}
	}
}

// scanNames registers the names of a sentence with the descriptions printed
// next to them ("party leader Tomas Wendt", "the mayor, Ilse Baumann,"), so
// roles and pronouns can be resolved to names mentioned only in passing.
func (ix *entityIndex) scanNames(s string, qs []span, ws []word, base int) {
	ix.sent++
	ix.sentStart = -1
	if len(ws) > 0 {
		ix.sentStart = base + ws[0].s
	}
	for i := 0; i < len(ws); i++ {
		if !isCapitalized(ws[i].text) || inSpans(qs, ws[i].s) {
			continue
		}
		j := i
		for j+1 < len(ws) && strings.TrimSpace(s[ws[j].e:ws[j+1].s]) == "" &&
			(isCapitalized(ws[j+1].text) || (nameConnectors[ws[j+1].lower] && j+2 < len(ws) && isCapitalized(ws[j+2].text))) {
			j++
		}
		start := i
		for start <= j && (sentenceStarters[ws[start].lower] || (start == 0 && !isNameStart(ws[start].lower))) {
			start++
		}
		if j-start < 1 {
			if j == start && j < len(ws) {
				// A surname alone, of a person named in full before.
				if full, ok := ix.surnames[ws[j].lower]; ok && !(j > 0 && placeOnlyPrepositions[ws[j-1].lower]) {
					ix.add(mention{name: full, person: true, pos: base + ws[j].s})
				}
			}
			i = j
			continue
		}
		name := s[ws[start].s:ws[j].e]
		// "Mayor Richard Bissen’s office": the name without the possessive.
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		ks := ix.known(name)
		si := &ks.subjectInfo
		if si.name == "" || !strings.Contains(si.name, " ") {
			i = j
			continue
		}
		role := si.role
		// Description before: "party leader Tomas Wendt" / "the mayor, Ilse Baumann".
		if role == "" && start > 0 {
			role = descriptionBefore(s, ws, start)
		}
		// Description after: "Ilse Baumann, the mayor of Brück,".
		if role == "" && j+1 < len(ws) {
			rest := s[ws[j].e:]
			if strings.HasPrefix(rest, ", ") {
				seg := rest[2:]
				if k := strings.IndexAny(seg, ",.;"); k >= 0 {
					seg = seg[:k]
				}
				if isRoleAppositive(seg) {
					role = strings.TrimSpace(seg)
				}
			}
		}
		// "in Viña del Mar": a name after a place preposition is a place.
		head, person := "", false
		if role == si.role { // as taken apart with the phrase
			head, person = ks.head, ks.named
		} else {
			person = classify(si.name, role, "")
		}
		person = person && !(start > 0 && placePrepositions[ws[start-1].lower])
		ix.add(mention{name: si.name, role: role, head: head, last: ks.last, person: person, pos: base + ws[start].s,
			opens: start <= 3 && !strings.ContainsAny(s[ws[0].s:ws[start].s], ",;:") && j < len(ws)-1})
		i = j
	}
}

// sentenceStarters are capitalised words that open a sentence without being
// part of a name.
var sentenceStarters = setOf("the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they",
	"we", "there", "this", "that", "according", "after", "before", "as", "when", "while", "its", "his",
	"her", "their", "our", "opposition", "transport", "former", "acting", "local", "regional", "state",
	"by", "since", "until", "during", "despite")

// isNameStart reports whether a sentence-initial word may begin a name.
func isNameStart(low string) bool { return !sentenceStarters[low] }

// descriptionBefore returns the lower-case words right before a name ("party
// leader"), or the appositive before a comma ("the mayor of Brück,").
func descriptionBefore(s string, ws []word, start int) string {
	gap := s[ws[start-1].e:ws[start].s]
	if strings.TrimSpace(gap) == "," {
		// "ROLE, NAME": back to the previous comma or clause start.
		k := start - 1
		for k > 0 && !strings.ContainsAny(s[ws[k-1].e:ws[k].s], ",;:\"“”") && start-k < 10 {
			k--
		}
		seg := strings.TrimSpace(s[ws[k].s:ws[start-1].e])
		if isRoleAppositive(seg) || hasPrefixLower(seg, "the ") {
			return seg
		}
		return ""
	}
	if strings.TrimSpace(gap) != "" {
		return ""
	}
	k := start
	for k > 0 && start-k < 3 && strings.TrimSpace(s[ws[k-1].e:ws[k].s]) == "" && !isCapitalized(ws[k-1].text) &&
		!descStop[ws[k-1].lower] && !phraseStarters[ws[k-1].lower] {
		if _, v := reportingVerbs[ws[k-1].lower]; v {
			break
		}
		k--
	}
	if k == start {
		return ""
	}
	return s[ws[k].s:ws[start-1].e]
}

// documentNouns name a document that "says" something on behalf of whoever
// issued it.
var documentNouns = setOf("statement", "communique", "communiqué", "release", "message", "letter", "post",
	"notice", "bulletin")

// isDocumentSpeaker reports whether a claimant is only a document ("the
// statement", "the ministry's statement" is a party and stays).
func isDocumentSpeaker(c string) bool {
	c = strings.TrimSpace(c)
	for _, a := range []string{"the ", "The ", "its ", "Its ", "this ", "This ", "their ", "Their "} {
		if strings.HasPrefix(c, a) {
			return inSet(documentNouns, c[len(a):])
		}
	}
	return false
}
