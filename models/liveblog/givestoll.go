package liveblog

import "strings"

// "The defence ministry gave yet another toll -- five civilians and 25
// rebels dead"; "officials who earlier gave a combined death toll of 128":
// like "put the toll at", "gave" puts a figure forward when its object is
// a toll followed by its number.

// tollNouns name the figure a speaker gives.
var tollNouns = setOf("toll", "tolls", "figure", "figures", "count", "tally")

// givesToll reports whether the words after "gave" are a toll and its
// number: the toll within five words, the number within four after it
// ("of", "at", a dash or a qualifier between).
func givesToll(ws []word) bool {
	for k := 0; k < len(ws) && k < 5; k++ {
		if !tollNouns[ws[k].lower] {
			continue
		}
		for j := k + 1; j < len(ws) && j <= k+4; j++ {
			n := ws[j].lower
			if isDigit(n[0]) || numberWords[n] && n != "a" && n != "up" && n != "over" {
				return true
			}
			if n != "of" && n != "at" && n != "as" && !figureQualifiers[n] {
				break
			}
		}
		return false
	}
	return false
}

// tollOnly cuts a figure's object after its number where the sentence goes
// on with a verb of its own ("a combined toll of 128 effectively pushed the
// national toll higher"): at an adverb in -ly or a past form in -ed after
// the number.
func tollOnly(text string) string {
	ws := wordsN(text, 24)
	seen := false
	for _, w := range ws {
		switch {
		case isDigit(w.lower[0]):
			seen = true
		case seen && len(w.lower) > 4 && !countedNouns[w.lower] && (strings.HasSuffix(w.lower, "ly") || strings.HasSuffix(w.lower, "ed")):
			return strings.TrimRight(text[:w.s], " ,")
		}
	}
	return text
}

// withoutTrailingRelative drops a "who" that ends a speaker phrase
// ("officials in other provinces who" before "earlier gave"); "which" and
// "that" end descriptions of things that do not speak ("an earthquake
// that").
func withoutTrailingRelative(s string) string {
	if len(s) > len(" who") && strings.EqualFold(s[len(s)-len(" who"):], " who") {
		return strings.TrimSpace(s[:len(s)-len(" who")])
	}
	return s
}
