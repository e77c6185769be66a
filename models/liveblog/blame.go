package liveblog

import "strings"

// blameVerbs assign responsibility: "S blamed X for Y", "S blamed X on Y",
// "S attributed X to Y". They arrange speaker and claim like an accusation.
var blameVerbs = map[string]verbInfo{
	"blamed": {kind: vAccuse, display: "blamed"}, "blames": {kind: vAccuse, display: "blames"},
	"blame":      {kind: vAccuse, display: "blame", base: true, noun: true},
	"blaming":    {kind: vAccuse, display: "blamed", part: true},
	"attributed": {kind: vAccuse, display: "attributed"}, "attributes": {kind: vAccuse, display: "attributes"},
	"attributing": {kind: vAccuse, display: "attributed", part: true},
}

// isBlameVerb reports whether a displayed verb assigns responsibility.
func isBlameVerb(display string) bool {
	switch display {
	case "blamed", "blames", "blame", "attributed", "attributes":
		return true
	}
	return false
}

// blameClaim rewrites the object of a blame verb as the claim it makes:
// "the Union for the blast" → "the Union responsible for the blast",
// "the attacks on separatists" → "separatists responsible for the
// attacks", and for "attributed", "X to Y" → "X attributable to Y". A
// passive participle ("bombings blamed on rebels", "remarks attributed to
// the minister") has no object before its preposition and gives "".
// The object ends at its first comma.
func blameClaim(display, text string) string {
	if k := strings.Index(text, ", "); k >= 0 {
		text = text[:k]
	}
	text = strings.TrimRight(strings.TrimSpace(text), " .")
	for _, q := range []string{".\"", ".”"} {
		if strings.HasSuffix(text, q) {
			text = text[:len(text)-len(q)] + q[1:]
		}
	}
	var buf [40]string
	ws := appendFields(buf[:0], text)
	if len(ws) < 3 {
		return ""
	}
	if display == "attributed" || display == "attributes" {
		k := splitWord(ws, "to", nil)
		if k <= 0 {
			return ""
		}
		return strings.Join(ws[:k], " ") + " attributable to " + strings.Join(ws[k+1:], " ")
	}
	if k := splitWord(ws, "on", timeWords); k > 0 {
		return strings.Join(ws[k+1:], " ") + " responsible for " + strings.Join(ws[:k], " ")
	}
	if k := splitWord(ws, "for", nil); k > 0 {
		return strings.Join(ws[:k], " ") + " responsible for " + strings.Join(ws[k+1:], " ")
	}
	return ""
}

// splitWord returns the index of the first word w in ws that has words on
// both sides and is not followed by one of skip ("on Tuesday"); 0 when the
// object starts with w (a passive participle) and -1 when there is none.
func splitWord(ws []string, w string, skip map[string]bool) int {
	for k, x := range ws {
		if !strings.EqualFold(x, w) || k+1 >= len(ws) {
			continue
		}
		if k == 0 {
			return 0
		}
		if skip != nil && skip[lowerASCII(strings.Trim(ws[k+1], ",.;"))] {
			continue
		}
		return k
	}
	return -1
}
