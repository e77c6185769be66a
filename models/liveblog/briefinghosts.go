package liveblog

import "strings"

// monologueHost returns who speaks the remarks under a header line of a
// briefing without turns: the person its possessive names ("Maria
// Zakharova's media briefing", see remarksHost), or the spokesperson a
// ministry's transcript names only by office ("Transcript of the Media
// Briefing by the Spokesperson").
func monologueHost(para string) string {
	if h := remarksHost(para); h != "" {
		return h
	}
	return unnamedSpokesperson(para)
}

// unnamedSpokesperson reads a header "… Briefing by the Spokesperson" (a
// short line, no sentence) and returns "Spokesperson", or "".
func unnamedSpokesperson(para string) string {
	if len(para) > 100 || strings.Contains(para, ". ") {
		return ""
	}
	t := strings.TrimRight(strings.TrimSpace(para), ".: ")
	for _, h := range []string{"briefing by the spokesperson", "briefing by the spokesman", "briefing by the spokeswoman"} {
		if len(t) >= len(h) && strings.EqualFold(t[len(t)-len(h):], h) { // no lowered copy: most headers are no such line
			return "Spokesperson"
		}
	}
	return ""
}
