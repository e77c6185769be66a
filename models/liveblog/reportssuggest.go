package liveblog

// "Most reports suggest that the blasts occurred around 7.10 pm"; "reports
// suggest that panic is not widespread": unnamed reports are the source a
// live page cites, and "suggest" after them reports what they say.

// suggestVerbs say what reports suggest.
var suggestVerbs = setOf("suggest", "suggests", "suggested")

// reportsSuggest reports whether ws[i] is one of suggestVerbs right after
// "reports" or "report" and followed by "that", or after "reports" by the
// subject of a clause.
func reportsSuggest(ws []word, i int) bool {
	if w := ws[i].lower; len(w) < 7 || w[0] != 's' || !suggestVerbs[w] || i == 0 || i+1 >= len(ws) {
		return false
	}
	if p := ws[i-1].lower; p != "reports" && p != "report" {
		return false
	}
	n := ws[i+1].lower
	if n == "that" {
		return true
	}
	// Without "that", only after "reports" and before a clause's subject:
	// "the report suggested a new tax" is a proposal.
	return ws[i-1].lower == "reports" && n != "a" && n != "an" &&
		(subjectPronouns[n] || determiners[n] || isCapitalized(ws[i+1].text))
}
