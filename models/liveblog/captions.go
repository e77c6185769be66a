package liveblog

import "strings"

// captionLabels start a caption line ("Photo: …") or introduce its credit
// ("… Photo: Civil Rescue Corps / Handout").
var captionLabels = []string{"photo:", "photograph:", "picture:", "image:", "video:", "caption:", "credit:", "photo credit:"}

// creditLabels introduce a credit inside or at the end of a caption.
var creditLabels = []string{"photo:", "photograph:", "picture:", "image:", "credit:", "photo credit:", "video:"}

// parseCaption recognises a photo caption line and splits it into its text
// and its credit. A line qualifies when it starts with a caption label, or
// ends with a credit after a finished sentence ("… drone. (Photo: X)").
func parseCaption(line string) (Caption, bool) {
	if strings.IndexByte(line, ':') < 0 {
		return Caption{}, false
	}
	s := strings.TrimSpace(line)
	low := lowerASCII(s)
	text := s
	labelled := false
	for _, l := range captionLabels {
		if strings.HasPrefix(low, l) {
			text = strings.TrimSpace(s[len(l):])
			labelled = true
			break
		}
	}
	// The credit is the last credit label that follows a finished sentence
	// or an opening bracket, or a "|".
	lowText := lowerASCII(text)
	best := -1
	bestLen := 0
	for _, l := range creditLabels {
		for from := 0; ; {
			k := strings.Index(lowText[from:], l)
			if k < 0 {
				break
			}
			k += from
			before := strings.TrimRight(text[:k], " ")
			if k > 0 && before != "" && strings.ContainsAny(before[len(before)-1:], ".!?(|–—-") && k > best {
				best, bestLen = k, len(l)
			}
			from = k + len(l)
		}
	}
	if best < 0 {
		if !labelled {
			return Caption{}, false
		}
		return Caption{Text: text}, true
	}
	credit := strings.TrimSpace(text[best+bestLen:])
	credit = strings.TrimSpace(strings.TrimRight(credit, ")]. "))
	body := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text[:best]), "(|–—-"))
	if credit == "" || len(strings.Fields(credit)) > 12 {
		if !labelled {
			return Caption{}, false
		}
		return Caption{Text: text}, true
	}
	return Caption{Text: body, Credit: credit}, true
}

// creditSource turns a credit into the name of who handed the picture out:
// "Civil Rescue Corps / Handout" → "Civil Rescue Corps".
func creditSource(credit string) string {
	var keep []string
	for _, p := range strings.FieldsFunc(credit, func(r rune) bool { return r == '/' || r == '|' }) {
		p = strings.TrimSpace(p)
		low := lowerASCII(p)
		low = strings.TrimPrefix(low, "via ")
		if low == "" || low == "handout" || low == "handout photo" || low == "handout picture" || low == "supplied" || low == "file" || low == "file photo" {
			continue
		}
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(p, " handout"), " Handout"))
		p = strings.TrimPrefix(strings.TrimPrefix(p, "Handout via "), "handout via ")
		keep = append(keep, p)
	}
	return strings.Join(keep, " / ")
}

// attributedIn returns the reporting frames of a caption's text, so a
// caption that attributes what it says is read as those claims.
func attributedIn(text string) []rawFrame {
	var out []rawFrame
	for _, sp := range splitSentences(text) {
		sent := text[sp.s:sp.e]
		out = append(out, sentenceFrames(sent, lowerASCII(sent), 0, quoteSpans(sent), words(sent))...)
	}
	return out
}
