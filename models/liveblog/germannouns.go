package liveblog

import "strings"

// germanNP returns the index after a German noun phrase starting at word
// i ("der Kiewer Generalstab", "Ministerpräsidentin Malu Dreyer",
// "offiziellen Zahlen aus Kiew", "Hochwasserinformationsdienst des
// Landesamtes"), or i when none starts there. The phrase stops at a comma,
// a quotation or a lower-case word that is not part of it ("am Abend").
func germanNP(s string, ws []word, i int) int {
	end := germanNPCore(s, ws, i)
	if end == i {
		return i
	}
	if end < len(ws) && strings.TrimSpace(s[ws[end-1].e:ws[end].s]) == "(" && strings.HasPrefix(s[ws[end].e:], ")") &&
		isCapitalized(ws[end].text) {
		end++ // "Der Deutsche Wetterdienst (DWD)"
	}
	if end < len(ws) && joined(s, ws, end) {
		switch l := ws[end].lower; {
		case l == "des" || l == "der" && germanArticles[ws[i].lower]:
			// a genitive: "des Landesamtes", "die Polizei der Stadt"
			if e := germanNPCore(s, ws, end); e > end+1 {
				end = e
			}
		case (l == "aus" || l == "von") && end+1 < len(ws) && isCapitalized(ws[end+1].text) && joined(s, ws, end+1):
			if e := germanNPCore(s, ws, end+1); e > end+1 {
				end = e
			}
		}
	}
	return end
}

// germanNPCore reads an article, adjectives and a run of capitalised
// words.
func germanNPCore(s string, ws []word, i int) int {
	k := i
	if k < len(ws) && germanArticles[ws[k].lower] {
		k++
		// "der für die Region zuständige Direktor": a phrase between the
		// article and the adjective of its noun.
		if k < len(ws) && !isCapitalized(ws[k].text) && !germanAdjective(ws[k].lower) {
			for m := k + 1; m < len(ws) && m < k+6 && joined(s, ws, m); m++ {
				if germanAdjective(ws[m].lower) && !isCapitalized(ws[m].text) && m+1 < len(ws) && isCapitalized(ws[m+1].text) {
					k = m
					break
				}
			}
		}
	}
	for k < len(ws) && !isCapitalized(ws[k].text) && germanAdjective(ws[k].lower) && (k == i || joined(s, ws, k)) {
		k++
	}
	n := 0
	for k < len(ws) && isCapitalized(ws[k].text) && (k == i || joined(s, ws, k)) && !germanVerbsCapital[ws[k].lower] {
		k++
		n++
	}
	if n == 0 {
		return i
	}
	return k
}

// germanVerbsCapital are capitalised words that end a noun phrase: a verb
// opening the next clause in a headline style ("Kiew: …").
var germanVerbsCapital = setOf("uhr")

// joined reports whether word k follows word k-1 with only spaces or a
// hyphen between them.
func joined(s string, ws []word, k int) bool {
	return k > 0 && strings.Trim(s[ws[k-1].e:ws[k].s], " -") == ""
}

// germanAdjective reports whether a lower-case word can be an inflected
// adjective inside a noun phrase ("ukrainischen", "offizielle").
func germanAdjective(w string) bool {
	if len(w) < 4 || germanFunctionWords[w] || germanSubordinators[w] {
		return false
	}
	if _, ok := germanVerbs[w]; ok {
		return false
	}
	for _, end := range []string{"en", "er", "es", "em", "e"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// withoutArticle drops a leading article from a speaker phrase.
func withoutArticle(p string) string {
	p = strings.TrimSpace(p)
	if k := strings.IndexByte(p, ' '); k > 0 && germanArticles[lowerASCII(p[:k])] {
		return p[k+1:]
	}
	return p
}

// partyAngaben returns the source of "den Angaben zufolge": the figures
// the text has named ("Angaben der Behörden … Mehr als 33 Millionen
// Menschen sind den Angaben zufolge betroffen"), whose noun stands at k-1
// before "zufolge" at k; "" for "neuen Angaben" or "russischen Angaben",
// which name no speaker by themselves.
func partyAngaben(s string, ws []word, first, k int) string {
	if k < first+2 || ws[k-1].lower != "angaben" || !joined(s, ws, k-1) {
		return ""
	}
	if adj := ws[k-2].lower; adj == "den" || adj == "diesen" {
		return ws[k-1].text
	}
	if germanSourceAdjective(ws[k-2].lower) {
		return s[ws[k-2].s:ws[k-1].e] // "russischen Angaben zufolge"
	}
	return ""
}

// germanSourceAdjective reports whether an adjective before "Angaben"
// names a source ("offiziellen", "russischen", "israelischen"), not a
// time ("neuen", "jüngsten").
func germanSourceAdjective(w string) bool {
	return strings.HasSuffix(w, "ischen") || w == "offiziellen" || w == "amtlichen" || w == "behördlichen" ||
		w == "staatlichen" || w == "offizielle"
}
