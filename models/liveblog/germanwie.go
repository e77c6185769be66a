package liveblog

import "strings"

// germanTrailingWie reads a German sentence whose speaker follows its
// claim in a clause opened by "wie", the verb last: "Die Opfer wurden in
// Lorca geborgen, wie Lokalbehörden mitteilten.", "…, wie ein Sprecher der
// Armee am Freitag auf der Plattform X mitteilte." The words between the
// speaker and the verb that say when or where are no part of the speaker.
func germanTrailingWie(s string, ws []word, first, vi int) (subject, claim string, ok bool) {
	if vi+1 < len(ws) && joined(s, ws, vi+1) {
		return "", "", false // the verb ends the clause
	}
	for j := vi - 2; j > first; j-- {
		if ws[j].lower != "wie" {
			continue
		}
		before := strings.TrimRight(s[ws[first].s:ws[j].s], " ")
		if !strings.HasSuffix(before, ",") {
			return "", "", false
		}
		subj := withoutArticle(withoutGermanAdjunct(strings.TrimSpace(s[ws[j+1].s:ws[vi-1].e])))
		if subj == "" || !isCapitalized(subj) && !isCapitalized(firstWord(subj)) {
			return "", "", false
		}
		c, _ := cleanClaim(strings.TrimRight(before, ","))
		return subj, c, c != ""
	}
	return "", "", false
}

// germanStatementSource reads who a "hieß es" names where the statement
// is found: "…, hieß es in einer Erklärung des UN-Nothilfebüros Ocha."
// gives the office, "…, hieß es in der Erklärung." the statement; "" when
// no statement is named ("…, hieß es.").
func germanStatementSource(s string, ws []word, vi int) string {
	k := vi + 1
	if k+2 >= len(ws) || ws[k].lower != "es" || ws[k+1].lower != "in" {
		return ""
	}
	k += 2
	if germanArticles[ws[k].lower] {
		k++
	}
	if k >= len(ws) || !isCapitalized(ws[k].text) || !joined(s, ws, k) {
		return ""
	}
	noun := ws[k].text
	if k+2 < len(ws) && (ws[k+1].lower == "des" || ws[k+1].lower == "der") && joined(s, ws, k+2) {
		if e := germanNP(s, ws, k+2); e > k+2 {
			return s[ws[k+2].s:ws[e-1].e]
		}
	}
	if k+1 < len(ws) && joined(s, ws, k+1) {
		return "" // more follows that is no speaker
	}
	return noun
}

// germanOpeningAdverbs open a German sentence before its verb, so the
// speaker follows the verb ("Zugleich erklärte Selenskyj, dass …").
var germanOpeningAdverbs = setOf("zugleich", "zudem", "außerdem", "gleichzeitig", "später", "dabei", "ferner",
	"unterdessen", "derweil", "inzwischen", "daraufhin", "anschließend", "weiter", "weiterhin", "ebenso", "danach", "zuvor")
