package liveblog

import "strings"

// listMarks are the marks a bulleted line starts with, each followed by a
// space: "• Police say …", "- He said the lorry was rented …". The mark is
// no part of the sentence, so the item speaks as the sentence without it.
var listMarks = []string{"•", "▪", "·", "*", "-", "–", "—", "◦", "○", "►", "▶"}

// listMarkLen returns the length of a list mark, its spaces included, at
// the start of para, or 0. The mark must be followed by a space and a
// letter or digit, so a dash that opens a quotation or a number ("-5C")
// is no list mark.
func listMarkLen(para string) int {
	p := strings.TrimLeft(para, " \t")
	lead := len(para) - len(p)
	for _, m := range listMarks {
		if !strings.HasPrefix(p, m) {
			continue
		}
		rest := p[len(m):]
		text := strings.TrimLeft(rest, " \t")
		if len(text) == len(rest) || text == "" || !startsWithLetterOrDigit(text) {
			return 0
		}
		return lead + len(m) + len(rest) - len(text)
	}
	return 0
}

// startsWithLetterOrDigit reports whether s opens with a letter or digit.
func startsWithLetterOrDigit(s string) bool {
	return startsWithLetter(s) || s != "" && isDigit(s[0])
}
