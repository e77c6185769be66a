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
