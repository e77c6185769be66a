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
	if h := briefedBy(para); h != "" {
		return h
	}
	return unnamedSpokesperson(para)
}

// notedHost returns the spokesperson the note of a briefing's page names
// (see briefedBy), the note's paragraph and the first turn after it:
// the host speaks the summary between them. It returns "", -1, 0 when
// no note names a host.
func notedHost(paras []string) (string, int, int) {
	for k := 0; k < len(paras) && k < 8; k++ {
		if h := briefedBy(paras[k]); h != "" {
			end := k + 1
			for end < len(paras) && !speakerLike(paras[end]) {
				if _, ok := qaLabel(paras[end]); ok {
					break
				}
				end++
			}
			return h, k, end
		}
	}
	return "", -1, 0
}

// pageNotes open the note of a page that transcribes or sums up a
// briefing.
var pageNotes = []string{"the following is", "following is", "highlights of", "summary of", "transcript of",
	"daily press briefing", "noon briefing", "press briefing", "briefing by"}

// startsWithAny reports whether s starts with one of prefixes.
func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// briefedBy returns the spokesperson a page's note names as giving the
// briefing it transcribes or sums up in the third person, as a
// spokesperson's office publishes its noon briefing: "The following is a
// near-verbatim transcript of today's briefing by Ana Lund, Spokesperson
// for the Secretary-General" gives "Ana Lund"; "" for any other line,
// and for an office ("briefing by the Spokesperson"), which
// unnamedSpokesperson reads.
func briefedBy(para string) string {
	t := strings.TrimSpace(para)
	if len(t) > 240 || !strings.Contains(t, "riefing by") || strings.Contains(t, ". ") {
		return ""
	}
	low := lowerASCII(t)
	k := strings.Index(low, "briefing by ")
	if k < 0 || !startsWithAny(low, pageNotes) {
		return "" // "At a briefing by …, reporters heard …" is news about a briefing
	}
	rest := t[k+len("briefing by "):]
	c := strings.IndexByte(rest, ',')
	if c <= 0 || !strings.Contains(lowerASCII(rest[c:]), "spokes") {
		return ""
	}
	name := strings.TrimSpace(rest[:c])
	ws := words(name)
	if len(ws) < 2 || len(ws) > 4 {
		return "" // a full name
	}
	for _, w := range ws {
		if !isCapitalized(w.text) {
			return ""
		}
	}
	return name
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
