package liveblog

import "strings"

// embeddedPost recognises a social-media post embedded in a live blog as
// its text and signature ("Relief work on a war footing in Odisha
// pic.twitter.com/j7Pv69 - Doordarshan News (@DDNewsLive) 3 May 2019") and
// returns what it says and the account that said it.
func embeddedPost(para string) (claim, source string, ok bool) {
	if !strings.Contains(para[max(0, len(para)-40):], "(@") {
		return signedPost(para) // the signature closes the post
	}
	at := strings.LastIndex(para, "(@")
	if len(para)-at > 40 {
		return "", "", false // the signature closes the post
	}
	body := para[:at]
	dash, sep := -1, 0
	for _, d := range []string{" - ", " — ", " – "} {
		if k := strings.LastIndex(body, d); k > dash {
			dash, sep = k, len(d)
		}
	}
	if dash < 0 {
		return "", "", false
	}
	source = strings.TrimSpace(body[dash+sep:])
	if source == "" || len(source) > 60 || !isCapitalized(source) {
		return "", "", false
	}
	text := body[:dash]
	if k := strings.Index(text, "pic.twitter.com/"); k >= 0 {
		text = text[:k]
	}
	if k := strings.Index(text, "https://"); k >= 0 {
		text = text[:k]
	}
	// Hashtags and "#WATCH" frame the post; they say nothing.
	ws := strings.Fields(text)
	for len(ws) > 0 && strings.HasPrefix(ws[0], "#") {
		ws = ws[1:]
	}
	for len(ws) > 0 && strings.HasPrefix(ws[len(ws)-1], "#") {
		ws = ws[:len(ws)-1]
	}
	claim, _ = cleanClaim(strings.Join(ws, " "))
	return claim, source, claim != ""
}
