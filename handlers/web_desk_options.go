package handlers

import (
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"claimdesk/models"
)

// The desk's filter form lists up to two hundred stories. Written by the
// template, each option cost four reflective calls (the escapers html/template
// adds, the comparison, the truncation), as much as the page's fifty claims
// together; storyOptions writes the same bytes directly.

// storyOptions is the story filter's options, the selected story marked,
// each title cut to width characters: byte for byte what
//
//	{{range .}}<option value="{{.ID}}" {{if eq $selected .ID}}selected{{end}}>{{truncate .Title width}}</option>{{end}}
//
// gives through html/template (see TestStoryOptionsAsTemplate).
func storyOptions(stories []models.Story, selected int64, width int) template.HTML {
	var b strings.Builder
	b.Grow(len(stories) * 64)
	for i := range stories {
		b.WriteString(`<option value="`)
		b.WriteString(strconv.FormatInt(stories[i].ID, 10))
		b.WriteString(`" `)
		if stories[i].ID == selected {
			b.WriteString("selected")
		}
		b.WriteByte('>')
		writeHTMLText(&b, truncate(stories[i].Title, width))
		b.WriteString("</option>")
	}
	return template.HTML(b.String())
}

// writeHTMLText writes s as html/template writes a string into text: the
// characters of its escaper's table replaced, everything else (invalid UTF-8
// included) as it is.
func writeHTMLText(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(repl)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// truncate cuts s to n characters, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
