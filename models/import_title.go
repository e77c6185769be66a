package models

import (
	"regexp"
	"strings"
)

// captionLine matches what a page prints around pictures and videos: "Zoom
// Image", "Photo: …", "… / Handout", "Getty Images", "Watch: …".
var captionLine = regexp.MustCompile(`(?i)^(zoom( in)? image|enlarge( image)?|image|photo|picture|video|watch|listen|credit|copyright|caption)\b|` +
	`(?i)(/\s*(handout|reuters|ap|afp|getty images|epa)\s*$|\bgetty images\b|\bphoto(graph)?:|\bpicture:|©)`)

// importTitle suggests a story title for a pasted blog: the parser's title
// line unless it is a caption or too short to be one (one or two words),
// else the first line near the top that reads like a headline, else none.
func importTitle(parsed, text string) string {
	if titleLike(parsed) {
		return strings.TrimSpace(parsed)
	}
	n := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n > 8 {
			break
		}
		if _, _, isTime := ParseClock(line); isTime {
			break // the entries have begun
		}
		if titleLike(line) {
			return line
		}
	}
	return ""
}

// titleLike reports whether a line can be a story's title: at least three
// words, not a caption, not a sentence that runs on for a paragraph.
func titleLike(s string) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	return len(words) >= 3 && len(words) <= 25 && !captionLine.MatchString(s)
}
