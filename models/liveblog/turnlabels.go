package liveblog

import "strings"

// headingTurn reports whether the "Name:" that opens a paragraph is a live
// page's heading ("Kolkata Blast LIVE UPDATES:") or a channel readers
// write in through ("Emails:"), not a person taking a turn: such a label
// repeats over paragraphs as a transcript's turns do, but speaks for no
// one.
func headingTurn(speaker string) bool {
	for _, w := range strings.Fields(speaker) {
		w = strings.Trim(w, "*")
		if inSet(headingWords, w[strings.LastIndexByte(w, '-')+1:]) { // "Wetter-Ticker"
			return true
		}
	}
	return false
}

// headingWords appear in a live page's running heading or name a channel
// of readers' messages; no speaker's name holds them.
var headingWords = setOf("live", "updates", "update", "latest", "breaking", "emails", "texts", "tweets",
	"messages", "comments", "ticker", "liveticker", "newsticker", "liveblog") // German: "Wetter-Ticker"

// hasLetter reports whether s holds an ASCII letter: a turn of a
// transcript says something, a line of phone numbers ("Germanwings: 0800
// 1133 5577") does not.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLetterASCII(s[i]) {
			return true
		}
	}
	return false
}
