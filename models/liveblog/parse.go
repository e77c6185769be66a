package liveblog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parsed is a Blog together with the paragraphs each entry is made of, which
// is what the extractor works on.
type parsed struct {
	blog       Blog
	intro      []string
	paragraphs [][]string // per entry
	captionSrc []string   // the line each caption was printed on
	// bodies: fill Entry.Body and Blog.Intro. Extract reads the paragraphs
	// and needs neither, and joining them is a copy of the whole text made
	// before any entry can be scanned.
	bodies bool
}

// Parse splits a live blog or wire report into title, entries and photo
// captions. Text without timestamps is a single entry; only input that is
// empty, too large or not UTF-8 text is an error.
func Parse(text string) (Blog, error) {
	norm, err := normalize(text)
	if err != nil {
		return Blog{}, err
	}
	return parseNormalized(norm, true).blog, nil
}

// line kinds
const (
	kindText = iota
	kindStamp
	kindCaption
	kindUpdated
)

type line struct {
	text    string
	kind    int
	stamp   string
	rest    string
	caption Caption
}

// paragraphLines splits normalised text into non-empty lines, joining a line
// that was hard-wrapped in the middle of a sentence to the one before it.
func paragraphLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")/2+1)
	prevBlank := true
	// A wrapped paragraph is joined in buf and written back once it ends:
	// appending to the line's string each time would copy the paragraph
	// again for every line, quadratic in a long hard-wrapped text. last is
	// the last line joined, whose end is all continuesLine looks at.
	var buf []byte
	last := ""
	flush := func() {
		if buf != nil {
			out[len(out)-1].text = string(buf)
			buf = nil
		}
	}
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(raw)
		if t == "" {
			prevBlank = true
			continue
		}
		l := classifyLine(t)
		if !prevBlank && l.kind == kindText && len(out) > 0 && out[len(out)-1].kind == kindText && continuesLine(last, t) {
			if buf == nil {
				buf = append([]byte(nil), out[len(out)-1].text...)
			}
			buf = append(append(buf, ' '), t...)
			last = t
			prevBlank = false
			continue
		}
		flush()
		out = append(out, l)
		last = t
		prevBlank = false
	}
	flush()
	return out
}

// continuesLine reports whether next looks like the rest of a sentence that
// was wrapped after prev.
func continuesLine(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	return !strings.ContainsRune(".!?:”\"", last)
}

func classifyLine(t string) line {
	if isUpdatedLine(t) {
		return line{text: t, kind: kindUpdated}
	}
	if stamp, rest, ok := parseStamp(t); ok {
		return line{text: t, kind: kindStamp, stamp: stamp, rest: rest}
	}
	if c, ok := parseCaption(t); ok {
		return line{text: t, kind: kindCaption, caption: c}
	}
	return line{text: t, kind: kindText}
}

// headlineLike reports whether a line reads as a headline: short and not
// ending like a sentence.
func headlineLike(s string) bool {
	if endsSentence(s) { // cheap, and true of most paragraphs
		return false
	}
	n := wordCount(s)
	return n > 0 && n <= 20
}

// pastTense reports whether a line has a past-tense auxiliary ("were",
// "had") or a perfect one ("have been"), which headlines, written in the
// present without auxiliaries, do not: such a line is a sentence that lost
// its full stop ("407 people have been rescued, according to …").
func pastTense(s string) bool {
	ws := wordsN(s, 25)
	for k, w := range ws {
		switch w.lower {
		case "was", "were", "had", "did":
			return true
		case "been":
			if k > 0 && (ws[k-1].lower == "have" || ws[k-1].lower == "has") {
				return true
			}
		}
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// inside a closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', '…':
			return true
		case '"', '”', '’', '\'', ')', ']', '»':
			s = s[:len(s)-size]
			continue
		}
		return false
	}
	return false
}

// wordCount counts the words of s separated by white space.
func wordCount(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r')
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// parseNormalized parses normalised text; bodies says whether to fill
// Entry.Body and Blog.Intro.
func parseNormalized(text string, bodies bool) parsed {
	lines := paragraphLines(text)
	markBareTimes(lines)
	p := parsed{bodies: bodies}
	i := 0
	hasStamp := false
	for _, l := range lines {
		if l.kind == kindStamp {
			hasStamp = true
			break
		}
	}
	// Title: a first line that reads like a headline.
	if len(lines) > 1 && lines[0].kind == kindText && wordCount(lines[0].text) <= 25 && datelineLen(lines[0].text) == 0 &&
		!strings.HasSuffix(lines[0].text, ".") {
		p.blog.Title = lines[0].text
		i = 1
	}

	if !hasStamp {
		var paras []string
		for ; i < len(lines); i++ {
			switch lines[i].kind {
			case kindCaption:
				p.addCaption(lines[i], 0)
			case kindUpdated:
			default:
				paras = append(paras, lines[i].text)
			}
		}
		p.addEntry(Entry{}, paras)
		return p
	}

	cur := -1 // index of the current entry, -1 before the first
	var curEntry Entry
	var curParas []string
	pending := "" // a headline printed before its timestamp
	flush := func() {
		if cur >= 0 {
			p.addEntry(curEntry, curParas)
		}
	}
	for ; i < len(lines); i++ {
		l := lines[i]
		switch l.kind {
		case kindUpdated:
			continue
		case kindCaption:
			p.addCaption(l, cur)
			continue
		case kindStamp:
			flush()
			cur++
			curEntry = Entry{Time: l.stamp}
			curParas = nil
			switch {
			case l.rest == "" && pending == "" && i+1 < len(lines) && lines[i+1].kind == kindText && headlineLike(lines[i+1].text):
				curEntry.Headline = lines[i+1].text
				i++
			case l.rest == "":
				curEntry.Headline = pending
			case pending == "" && headlineLike(l.rest):
				curEntry.Headline = l.rest
			default:
				curEntry.Headline = pending
				curParas = append(curParas, l.rest)
			}
			pending = ""
			continue
		}
		// Plain text: a headline for the next entry, or a paragraph.
		if headlineLike(l.text) && i+1 < len(lines) && lines[i+1].kind == kindStamp &&
			(lines[i+1].rest == "" || !headlineLike(lines[i+1].rest)) {
			if pending != "" {
				p.appendText(cur, &curParas, pending)
			}
			pending = l.text
			continue
		}
		p.appendText(cur, &curParas, l.text)
	}
	if pending != "" {
		p.appendText(cur, &curParas, pending)
	}
	flush()
	if p.bodies {
		p.blog.Intro = strings.Join(p.intro, "\n\n")
	}
	return p
}

func (p *parsed) appendText(cur int, paras *[]string, text string) {
	if cur < 0 {
		p.intro = append(p.intro, text)
		return
	}
	*paras = append(*paras, text)
}

func (p *parsed) addEntry(e Entry, paras []string) {
	e.Index = len(p.blog.Entries)
	if p.bodies {
		e.Body = strings.Join(paras, "\n\n")
	}
	p.blog.Entries = append(p.blog.Entries, e)
	p.paragraphs = append(p.paragraphs, paras)
}

func (p *parsed) addCaption(l line, entry int) {
	c := l.caption
	c.EntryIndex = entry
	p.blog.Captions = append(p.blog.Captions, c)
	p.captionSrc = append(p.captionSrc, l.text)
}
