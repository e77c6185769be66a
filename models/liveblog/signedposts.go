package liveblog

import "strings"

// signedPost recognises a statement a live blog copies with its author's
// name after a dash and no account ("… are providing all possible
// assistance. - Narendra Modi"): a finished sentence, a dash, and two or
// three capitalised words of a name.
func signedPost(para string) (claim, source string, ok bool) {
	t := strings.TrimSpace(para)
	tail := max(0, len(t)-44) // the signature closes the paragraph
	dash, sep := -1, 0
	for _, d := range []string{" - ", " — ", " – "} {
		if k := strings.LastIndex(t[tail:], d); k >= 0 && tail+k > dash {
			dash, sep = tail+k, len(d)
		}
	}
	if dash < 0 || len(t)-dash > 40 || !endsSentence(t[:dash]) {
		return "", "", false
	}
	source = strings.TrimSpace(t[dash+sep:])
	ws := strings.Fields(source)
	if len(ws) < 2 || len(ws) > 3 {
		return "", "", false
	}
	for _, w := range ws {
		if !isCapitalized(w) || strings.ContainsAny(w, "0123456789@#:/()") {
			return "", "", false
		}
	}
	// A leader's post mixes sympathy with facts: the sympathy says
	// nothing to check, the facts stay.
	body := t[:dash]
	var kept []string
	for _, sp := range splitSentences(body) {
		if s := body[sp.s:sp.e]; !expressesSympathy(s) {
			kept = append(kept, strings.TrimSpace(s))
		}
	}
	claim, _ = cleanClaim(strings.Join(kept, " "))
	return claim, source, claim != "" && wordCount(claim) >= 4
}
