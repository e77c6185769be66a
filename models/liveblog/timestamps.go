package liveblog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stampSeparators are the marks printed between a timestamp and the entry
// text: "4:52 p.m.:", "19:40 –", "9:58 p.m. ET —", "11:03 | …".
var stampSeparators = []string{"+++", ":", "–", "—", "-", "|", "·", "•"}

// meridiems are the printed forms of a.m./p.m., longest first.
var meridiems = []string{"a.m.", "p.m.", "A.M.", "P.M.", "a.m", "p.m", "am", "pm", "AM", "PM"}

// parseStamp recognises a line that starts a live-blog entry and returns the
// timestamp as printed and the text after the separator.
func parseStamp(line string) (stamp, rest string, ok bool) {
	s := strings.TrimLeft(line, " *#>+") // "+++ 10:35 +++" in German-style tickers
	lead := len(line) - len(s)
	if d := datePrefixLen(s); d > 0 {
		// "Tuesday 14.05 BST:", "Sat 26 Apr 2015 10.45", "April 26, 10:45 a.m.":
		// the date is part of the printed time.
		if st, r, ok := timeStamp(line, lead+d); ok {
			return strings.TrimSpace(s[:d]) + " " + st, r, true
		}
		return "", "", false
	}
	return timeStamp(line, lead)
}

// weekdaysAndMonths may stand before an entry's time, in full or short.
var weekdaysAndMonths = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// datePrefixLen returns the length of a date before a time at the start of
// s ("Tuesday ", "Sat 26 Apr 2015 ", "April 26, "), or 0: a weekday or
// month name, then only day numbers, years, names and commas, up to a
// word that starts with a digit and holds a time.
func datePrefixLen(s string) int {
	if !startsWithLetter(s) || !inSet(weekdaysAndMonths, strings.TrimSuffix(firstWord(s), ".")) {
		return 0
	}
	i := 0
	for n := 0; n < 6 && i < len(s); n++ {
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		tok := strings.TrimRight(s[i:j], ",.")
		switch {
		case tok == "":
		case isDigit(tok[0]) && strings.ContainsAny(tok, ":."):
			return i // the time
		case isDigit(tok[0]):
			d := strings.TrimRight(tok, "stndrh")
			if strings.Trim(d, "0123456789") != "" || len(d) == 3 || len(d) > 4 {
				return 0
			}
		case !inSet(weekdaysAndMonths, tok):
			return 0
		}
		i = skipSpaces(s, j)
	}
	return 0
}

// timeStamp is parseStamp for a line whose time starts lead bytes in.
func timeStamp(line string, lead int) (stamp, rest string, ok bool) {
	s := line[lead:]
	if end, ok := zonedFourDigits(s); ok {
		return stampEnd(line, s, lead, end, false, false)
	}
	i := 0
	for i < len(s) && i < 2 && isDigit(s[i]) {
		i++
	}
	if i == 0 || i >= len(s) || (s[i] != ':' && s[i] != '.') {
		return "", "", false
	}
	hour := atoi(s[:i])
	dot := s[i] == '.'
	i++
	if i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || (i+2 < len(s) && isDigit(s[i+2])) {
		return "", "", false
	}
	if hour > 24 || atoi(s[i:i+2]) > 59 {
		return "", "", false
	}
	i += 2
	end := i

	// a.m. / p.m.
	meridiem := false
	j := skipSpaces(s, i)
	for _, m := range meridiems {
		if strings.HasPrefix(s[j:], m) && !startsWithLetter(s[j+len(m):]) {
			j += len(m)
			end, meridiem = j, true
			break
		}
	}
	if meridiem && hour > 12 {
		return "", "", false
	}

	// Time zone: "ET", "GMT+2", "local time", "(IST)".
	j = skipSpaces(s, end)
	if z := zoneLen(s[j:]); z > 0 && j > end {
		end = j + z
	} else if j < len(s) && s[j] == '(' {
		if z := zoneLen(s[j+1:]); z > 0 && j+1+z < len(s) && s[j+1+z] == ')' {
			end = j + z + 2
		}
	}
	return stampEnd(line, s, lead, end, dot, meridiem)
}

// zonedFourDigits recognises a wire-style time of four digits and a zone
// ("0708 GMT", "1432 UTC") at the start of s and returns where it ends. The
// zone is required: "2011:" opens a sentence about a year.
func zonedFourDigits(s string) (int, bool) {
	if len(s) < 6 || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) || !isDigit(s[3]) || isDigit(s[4]) {
		return 0, false
	}
	if atoi(s[:2]) > 24 || atoi(s[2:4]) > 59 {
		return 0, false
	}
	j := skipSpaces(s, 4)
	z := zoneLen(s[j:])
	if j == 4 || z == 0 {
		return 0, false
	}
	return j + z, true
}

// stampEnd finishes parseStamp once the time (and zone) end at end in s,
// which starts lead bytes into line: a separator or the end of the line
// must follow, or, for an unambiguous time, the start of a sentence.
func stampEnd(line, s string, lead, end int, dot, meridiem bool) (stamp, rest string, ok bool) {
	// Separator, or the end of the line.
	j := skipSpaces(s, end)
	if j == len(s) {
		return strings.TrimSpace(s[:end]), "", true
	}
	for _, sep := range stampSeparators {
		if strings.HasPrefix(s[j:], sep) {
			rest = strings.TrimSpace(s[j+len(sep):])
			rest = strings.TrimLeft(rest, "*")
			return strings.TrimSpace(line[lead : lead+end]), strings.TrimSpace(rest), true
		}
	}
	// No separator: only when the time is unambiguous and the text after it
	// starts like a sentence.
	if j == end || (dot && !meridiem) {
		return "", "", false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsUpper(r) && !isOpenQuote(r) {
		return "", "", false
	}
	return strings.TrimSpace(s[:end]), strings.TrimSpace(s[j:]), true
}

// zoneLen returns the length of a time-zone mark at the start of s: two to
// five capitals (ET, BST, CEST), optionally with an offset (GMT+2), or
// "local time" / "local".
func zoneLen(s string) int {
	for _, w := range []string{"local time", "local", "uhr"} {
		if hasPrefixLower(s, w) && !startsWithLetter(s[len(w):]) {
			return len(w)
		}
	}
	n := 0
	for n < len(s) && n < 6 && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	if n < 2 || n > 5 || startsWithLetter(s[n:]) {
		return 0
	}
	if n < len(s) && (s[n] == '+' || s[n] == '-') && n+1 < len(s) && isDigit(s[n+1]) {
		n += 2
		if n < len(s) && isDigit(s[n]) {
			n++
		}
	}
	return n
}

// isUpdatedLine reports whether a line is page furniture such as
// "Updated 9:58 p.m." or "Last updated: 19:40 GMT" rather than an entry.
func isUpdatedLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || !strings.ContainsRune("uUpPlLfFeE", rune(line[0])) {
		return false
	}
	for _, p := range []string{"updated", "last updated", "posted", "published", "first published", "edited"} {
		if hasPrefixLower(line, p) && len(strings.Fields(line)) <= 10 && containsClock(line) {
			return true
		}
	}
	return false
}

// containsClock reports whether s contains something like "9:58" or "10.35".
func containsClock(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if (s[i] == ':' || s[i] == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsLetter(r)
}

func isOpenQuote(r rune) bool { return r == '"' || r == '“' || r == '„' || r == '‘' || r == '«' }

// minBareTimes is how many lines must open with a bare four-digit time
// ("2042 Eurocontrol says …", "1432: …") before such lines are read as
// entries: one alone is more likely a year ("2011 was a year of …").
const minBareTimes = 3

// markBareTimes turns lines that open with a bare four-digit time into
// entry stamps when the text has at least minBareTimes of them.
func markBareTimes(lines []line) {
	n := 0
	for _, l := range lines {
		if l.kind == kindText {
			if _, _, ok := bareFourDigits(l.text); ok {
				n++
			}
		}
	}
	if n < minBareTimes {
		return
	}
	for i, l := range lines {
		if l.kind != kindText {
			continue
		}
		if stamp, rest, ok := bareFourDigits(l.text); ok {
			lines[i] = line{text: l.text, kind: kindStamp, stamp: stamp, rest: rest}
		}
	}
}

// bareFourDigits recognises "2042 Eurocontrol says …" or "1432: …": four
// digits that make a time of day, then a separator or a capital.
func bareFourDigits(t string) (stamp, rest string, ok bool) {
	if len(t) < 6 || !isDigit(t[0]) || !isDigit(t[1]) || !isDigit(t[2]) || !isDigit(t[3]) || isDigit(t[4]) {
		return "", "", false
	}
	if atoi(t[:2]) > 23 || atoi(t[2:4]) > 59 {
		return "", "", false
	}
	j := skipSpaces(t, 4)
	for _, sep := range stampSeparators {
		if strings.HasPrefix(t[j:], sep) {
			return t[:4], strings.TrimSpace(t[j+len(sep):]), true
		}
	}
	r, _ := utf8.DecodeRuneInString(t[j:])
	if j == 4 || !(unicode.IsUpper(r) || isOpenQuote(r)) {
		return "", "", false
	}
	return t[:4], strings.TrimSpace(t[j:]), true
}
