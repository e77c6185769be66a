package liveblog

import "strings"

// Where a source or a claim ends when punctuation does not say: a source
// after "According to" that runs into its claim without a comma, an
// inquiry's finding, and objects of a reporting verb that claim nothing.

// findingVerbs report what an inquiry or a study established; like
// "announced", they take a claim only with "that", a colon or a quotation
// ("a navy inquiry concluded that …"; "found two bodies" is an act).
var findingVerbs = map[string]verbInfo{
	"concluded": {kind: vSay, display: "concluded", needsTo: true},
	"concludes": {kind: vSay, display: "concludes", needsTo: true},
	"found":     {kind: vSay, display: "found", needsTo: true},
	"finds":     {kind: vSay, display: "finds", needsTo: true},
}

// accordingClaimStart returns where the claim starts inside the phrase
// after "According to" when no comma ends the source ("police at least
// 12 people were killed" → at "at least"), or -1. Only a figure ("at
// least", "more than", a number) or a subject pronoun opening a clause
// marks the start; a source keeps its prepositional phrases ("officials
// in the northern province").
func accordingClaimStart(p string) int {
	ws := wordsN(p, maxSubjectWords+2)
	for k := 1; k < len(ws) && k <= maxSubjectWords; k++ {
		w, prev := ws[k].lower, ws[k-1].lower
		if relatives[w] || w == "that" {
			return -1 // "a man who said he was …": the clause is the source's
		}
		if determiners[prev] || placePrepositions[prev] || nounPrepositions[prev] {
			// "the 2019 census", "police in more than 20 towns": the
			// figure belongs to the source.
			for k+1 < len(ws) && (quantityWords[ws[k].lower] || isDigit(ws[k].lower[0])) {
				k++
			}
			continue
		}
		next := ""
		if k+1 < len(ws) {
			next = ws[k+1].lower
		}
		switch {
		case isDigit(w[0]):
			return ws[k].s
		case (w == "at" && (next == "least" || next == "most")) || (w == "more" || w == "fewer") && next == "than" ||
			(w == "up" && next == "to") || ((w == "nearly" || w == "almost" || w == "some" || w == "about" || w == "around" || w == "over") && k+1 < len(ws) && (isDigit(next[0]) || numberWords[next])):
			return ws[k].s
		case (w == "there" && (next == "were" || next == "was" || next == "are" || next == "is")) ||
			(inSet(subjectPronouns, w) && k+1 < len(ws) && (auxiliaries[next] || passiveAuxiliaries[next])):
			return ws[k].s
		}
	}
	return -1
}

// isNoClaim reports whether what a verb introduces claims nothing: an
// embedded question ("tells the BBC what happened on board") or a clause
// cut off after "that" or an article by the end of a pasted text.
func isNoClaim(claim string) bool {
	c := strings.TrimSpace(claim)
	if inSet(cutOffEnds, lastWord(c)) {
		return true
	}
	if !inSet(questionWords, firstWord(c)) || wordCount(c) > 6 {
		return false
	}
	for _, w := range wordsN(c, 6)[1:] {
		if passiveAuxiliaries[w.lower] && w.lower != "was" && w.lower != "were" || w.lower == "that" {
			return false // "what happened is that …"
		}
	}
	return true
}

var cutOffEnds = setOf("that", "the", "a", "an")

var questionWords = setOf("what", "how", "why", "whether", "where", "when", "who")

// quantityWords make up a figure ("more than", "at least", "up to").
var quantityWords = setOf("more", "than", "at", "least", "most", "up", "to", "nearly", "almost", "some", "about",
	"around", "over", "fewer")

// isListItem reports whether a paragraph is an item of a bulleted list
// ("• More than 40,000 homes are without power, says …"): a key point of
// the story, not a heading over the paragraph after it, even without a
// full stop.
func isListItem(para string) bool {
	p := strings.TrimLeft(para, " \t")
	return strings.HasPrefix(p, "•") || strings.HasPrefix(p, "▪") || strings.HasPrefix(p, "· ")
}

// bulletLen is the length of the list mark and spaces that open a bulleted
// paragraph ("  • "), 0 for any other paragraph.
func bulletLen(para string) int {
	p := strings.TrimLeft(para, " \t")
	for _, m := range []string{"•", "▪", "· "} {
		if strings.HasPrefix(p, m) {
			return len(para) - len(strings.TrimLeft(p[len(m):], " \t"))
		}
	}
	return 0
}
