package liveblog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// subjectSpan finds the speaker that ends right before a verb at vs. It
// returns the speaker's range and sep, the end of the claim before it (-1
// when nothing but an introduction stands before the speaker).
func subjectSpan(s string, qs []span, lo, vs int) (ss, se, sep int, ok bool) {
	end := lo + len(strings.TrimRight(s[lo:vs], " "))
	// Adverbs between subject and verb: "later told", "has said".
	for {
		w := lastWord(s[lo:end])
		if w == "" || !inSet(subjectAdverbs, w) && !isLyAdverb(w) || end-len(w) <= lo {
			break
		}
		end = lo + len(strings.TrimRight(s[lo:end-len(w)], " "))
	}
	end = beforeDashAside(s, lo, end)
	if end <= lo {
		return 0, 0, 0, false
	}
	trailing := s[end-1] == ','
	last := end
	if trailing {
		last = end - 1
	}
	segs := topLevelSplit(s, qs, lo, last)
	n := len(segs)
	// "The union, however, asserted …": an adverb set off by commas is not
	// the speaker; the phrase before it is.
	for trailing && n >= 2 && isCommaAdverb(s[segs[n-1].s:segs[n-1].e]) {
		n--
		segs = segs[:n]
	}
	for trailing && (n >= 3 || n == 2 && describedFromPlace(s[segs[0].s:segs[0].e])) && placeAppositive(s[segs[n-1].s:segs[n-1].e], s[segs[n-2].s:segs[n-2].e]) {
		n-- // "…, a spokesman for the corps in Ostra, the capital of Vell province,"
		segs = segs[:n]
	}
	first := n - 1
	if trailing && n >= 3 && officeAndBody(s, qs, segs[n-3], segs[n-2], segs[n-1]) {
		// "Gen. Ivo Marek, Director, Army Public Relations, said": the
		// name, its office and the office's body.
		first = n - 3
	} else if trailing && n >= 2 {
		pi := n - 2
		if n >= 3 && isAge(s[segs[pi].s:segs[pi].e]) {
			pi-- // "Ivo Marsh, 45, a baker, said": the name before the age
		}
		P := withoutConjunction(strings.TrimSpace(afterQuote(s, qs, segs[pi])))
		L := strings.TrimSpace(s[segs[n-1].s:segs[n-1].e])
		placeApposition := nameLike(L) && endsWithPlaceNoun(P) && n >= 3
		if isInsertion(L) || (nameLike(L) && roleLike(P)) || (nameLike(P) && isRoleAppositive(L)) || isAge(L) || placeApposition {
			if placeApposition {
				// "Tomi Soetjipto, a journalist based in the capital,
				// Jakarta, said": the place names the capital; the
				// name before the description speaks.
				n--
				segs = segs[:n]
			}
			first = n - 2
			// "Michel Blanc, 43, who owns three houses, told": asides
			// one after another all belong to the name before them. In
			// "…, the spokesman, Ali Rahim, said" the role is the head
			// of its name, not an aside of the claim before it.
			roleHead := nameLike(L) && roleLike(P) && pi == n-2 && !isInsertion(L)
			for first > 0 && !roleHead {
				seg := strings.TrimSpace(afterQuote(s, qs, segs[first]))
				if !(isAge(seg) || isInsertion(seg) || isRoleAppositive(seg)) || introducesSpeaker(s, qs, segs[first-1]) {
					break
				}
				first--
			}
		}
	}
	if trailing && first == n-1 && n >= 3 {
		// "The official, who is in Kabul and spoke on condition of
		// anonymity, said": the noun the relative clause describes.
		if k := relativeAsideIn(segmentTexts(s, segs)); k >= 0 {
			first, n = k, k+1 // the clause says nothing of who speaks
		}
	}
	ss = segs[first].s
	se = segs[n-1].e
	sep = -1
	if first > 0 {
		sep = segs[first].s - 1
	}
	// A quotation inside the subject segment ends the claim.
	for _, q := range qs {
		if q.e > ss && q.e <= se && !quotedInAppositive(s, q, segs[first].e) {
			ss = q.e
			sep = q.e
		}
	}
	for ss < se && (s[ss] == ' ' || s[ss] == ',') {
		ss++
	}
	for se > ss && (s[se-1] == ' ' || s[se-1] == ',') {
		se--
	}
	// Leading conjunction: ", and the union said".
	if w := firstWord(s[ss:se]); inSet(leadingConjunctions, w) && len(w) < se-ss {
		ss = skipSpaces(s, ss+len(w))
		for ss < se && s[ss] == ',' {
			ss = skipSpaces(s, ss+1)
		}
	}
	// "… on Wednesday when he said": the speaker follows the conjunction.
	if k := lastSubordinator(s[ss:se]); k > 0 && !strings.ContainsAny(s[ss:se], ",;") && wordCount(s[ss+k:se]) <= 6 &&
		!hasRelative(s[ss:ss+k]) {
		ss += k
	}
	if k := clauseBeforeSpeaker(s[ss:se]); k > 0 {
		ss += k
	}
	if freeRelative(s[ss:se]) {
		return 0, 0, 0, false
	}
	n = wordCount(s[ss:se])
	if n > maxSubjectWords && first < len(segs)-1 {
		// "Marta Kellner, who has led the authority since …, said":
		// a long aside does not make the speaker long.
		n = wordCount(s[ss:segs[first].e])
	}
	if n == 0 || n > maxSubjectWords {
		return 0, 0, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s[ss:se]); !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return 0, 0, 0, false
	}
	return ss, se, sep, true
}

// lastSubordinator returns where the words after the last subordinating
// conjunction of a speaker phrase start ("Wednesday when he" → "he"), or 0.
func lastSubordinator(p string) int {
	// Scanned by hand: this runs for every speaker phrase.
	at, first, prev := 0, true, ""
	for i := 0; i < len(p); {
		for i < len(p) && p[i] == ' ' {
			i++
		}
		j := i
		for j < len(p) && p[j] != ' ' {
			j++
		}
		if j > i && !first && (inSet(subordinators, p[i:j]) || p[i:j] == "but" && prev != "all") {
			// "No group has claimed the bombing but the minister
			// said": "but" opens the speaker's clause, unless it
			// means "except" ("all but two").
			if k := skipSpaces(p, j); k < len(p) {
				at = k
			}
		}
		first = first && j == i
		if j > i {
			prev = p[i:j]
		}
		i = j
	}
	return at
}

// withSubject returns the index of "with" when the participle at ws[i]
// follows "with" and a capitalised name ("with President Ana Diaz
// saying"), else -1.
func withSubject(ws []word, i int) int {
	lower := false
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if ws[k].lower == "with" {
			if k == i-1 || lower && !withSpeakerOpener(ws[k+1].lower) {
				return -1
			}
			return k
		}
		if !isCapitalized(ws[k].text) && !titles[ws[k].lower] {
			// "with authorities in the capital saying", "with one
			// saying": a described speaker, checked at "with".
			if blockingBefore[ws[k].lower] || inSet(nameConnectors, ws[k].lower) && k == i-1 {
				return -1
			}
			lower = true
		}
	}
	return -1
}

// withSpeakerOpener reports whether a described speaker after "with" may
// open with w ("with officials saying", "with one saying", "with the
// ministry saying"); "with water rising" has no speaker.
func withSpeakerOpener(w string) bool {
	return commonSubjects[w] || inSet(oneOfSpeakers, w) || w == "the" || w == "its" || w == "their" || w == "local" || w == "state"
}

// hasRelative reports whether a phrase holds a relative pronoun ("a
// worker who was rescued after …"), whose clause the conjunction belongs to.
func hasRelative(p string) bool {
	for _, w := range strings.Fields(p) {
		if inSet(relatives, w) {
			return true
		}
	}
	return false
}

var relatives = setOf("who", "which", "whose", "whom")

var subordinators = setOf("when", "after", "before", "because", "since", "although", "though", "while",
	"until", "once", "whereas")

// isCommaAdverb reports whether a comma-delimited phrase is a sentence
// adverb ("however", "for its part", "in turn").
func isCommaAdverb(seg string) bool {
	return inSet(commaAdverbs, strings.TrimSpace(seg))
}

var commaAdverbs = setOf("however", "meanwhile", "though", "too", "also", "in turn", "for its part", "for their part",
	"for his part", "for her part", "in response", "instead", "moreover", "furthermore", "nevertheless",
	"nonetheless", "separately", "likewise", "similarly", "again", "later", "in contrast",
	"by contrast", "on the other hand", "for example", "for instance", "therefore", "thus", "yet", "still",
	"not surprisingly", "unsurprisingly", "predictably")

// afterQuote returns the part of a segment after its last quotation.
func afterQuote(s string, qs []span, seg span) string {
	from := seg.s
	for _, q := range qs {
		if q.e > from && q.e <= seg.e {
			from = q.e
		}
	}
	return s[from:seg.e]
}

// isInsertion reports whether a comma-delimited phrase after a subject is an
// aside about it ("who leads the union", "quoted by state radio").
func isInsertion(seg string) bool {
	return (inSet(insertionOpeners, firstWord(seg)) && !isQuantity(seg)) || isAnonymity(seg) || isSpeakerAside(seg)
}

// insertionOpeners open an aside about a subject.
var insertionOpeners = setOf("who", "whose", "which", "quoted", "speaking", "asking", "citing", "writing", "aged", "himself", "reporting", "talking",
	"herself", "itself", "in", "on", "at", "via", "through", "during", "responding", "appearing", "interviewed",
	"where", "formerly", "previously")

// isAge reports whether seg is an age ("45").
func isAge(seg string) bool {
	seg = strings.TrimSpace(seg)
	if seg == "" || len(seg) > 3 {
		return false
	}
	for i := 0; i < len(seg); i++ {
		if !isDigit(seg[i]) {
			return false
		}
	}
	return true
}

// nameLike reports whether seg is a proper name: capitalised words, with
// connectors such as "of" between them.
func nameLike(seg string) bool {
	ws := appendFields(make([]string, 0, 8), seg)
	if len(ws) == 0 || len(ws) > 6 || !isCapitalized(ws[0]) {
		return false
	}
	for _, w := range ws {
		if !isCapitalized(w) && !inSet(nameConnectors, w) {
			return false
		}
	}
	return true
}

// roleLike reports whether seg reads as a description of a speaker that a
// name may follow ("The port operator", "Its commander").
func roleLike(seg string) bool {
	ws := strings.Fields(seg)
	return len(ws) > 0 && len(ws) <= 10 && !nameLike(seg)
}

// isRoleAppositive reports whether seg is a description placed after a name
// ("the head of the authority", "a spokeswoman for X").
func isRoleAppositive(seg string) bool {
	ws := strings.Fields(seg)
	long := len(ws) > 10 && !hasRelative(seg)
	if long && len(ws) <= 16 && (strings.EqualFold(ws[0], "a") || strings.EqualFold(ws[0], "an")) && !hasAuxiliary(seg) {
		long = false // "a former envoy to the UN with ties to the opposition"
	}
	if len(ws) < 2 || long {
		return false // a long phrase is a clause, unless a relative clause makes it long
	}
	switch w := lowerASCII(ws[0]); {
	case w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" || w == "who":
		return true
	case w == "another" || w == "fellow" || reflexiveBeforeArticle(ws):
		return true // "another resident", "herself a nurse", "also a resident"
	case (titles[w] || personRoles[w]) && len(ws) > 2 && (strings.EqualFold(ws[1], "of") || strings.EqualFold(ws[1], "for") || strings.EqualFold(ws[1], "at")):
		// "Commissioner for the Rural Fire Service", "Director of …"
		return true
	case (titles[w] || personRoles[w] || w == "senior" || w == "former") && !isCapitalized(ws[0]):
		// "deputy assistant to the president", "senior adviser to …"
		return true
	case !isCapitalized(ws[0]) && len(ws) > 2 && (strings.EqualFold(ws[1], "of") || strings.EqualFold(ws[1], "for") || strings.EqualFold(ws[1], "at")):
		// "principal of Uttara Medical College", "one of the protesters who …"
		return true
	case (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && len(ws) <= 5:
		// "Amnesty's Kenya director": a possessor and a title.
		last := lowerASCII(ws[len(ws)-1])
		return titles[last] || personRoles[last]
	}
	return false
}

// placeNouns end a description that a place's name follows ("based in the
// capital, Jakarta").
var placeNouns = setOf("capital", "city", "town", "province", "country", "region", "state", "village",
	"district", "island", "port")

// endsWithPlaceNoun reports whether a phrase ends with one of placeNouns.
func endsWithPlaceNoun(p string) bool {
	return inSet(placeNouns, lastWord(strings.TrimSpace(p)))
}

// withClause returns where ", with NAME saying" starts between cs and the
// participle u that withSubject gave a speaker: the claim before ends there.
func withClause(s string, cs int, u trigger) (int, bool) {
	if u.quoted || u.quotedName.e <= u.quotedName.s || u.quotedName.s < cs {
		return 0, false
	}
	k := strings.LastIndex(s[cs:u.quotedName.s], ", with ")
	if k < 0 {
		return 0, false
	}
	return cs + k, true
}
