package liveblog

import "strings"

// asideOpeners open a comma-delimited aside after a speaker that is never
// the speaker itself: where it stood ("outside the headquarters"), another
// name ("or HWP") and a participle describing it ("led by Ana Diaz",
// "backed by the unions", "based in Ostra", "known as …").
var asideOpeners = setOf("outside", "inside", "near", "beside", "behind", "or", "led", "backed",
	"based", "headed", "founded", "supported", "funded", "known", "formed", "run", "allied", "linked",
	"both", "each") // "both in Owo", "each in the capital"

// isSpeakerAside reports whether seg opens with one of asideOpeners; "or"
// needs a name after it ("or HWP", not "or more").
func isSpeakerAside(seg string) bool {
	seg = strings.TrimSpace(seg)
	w := firstWord(seg)
	if !asideOpeners[w] {
		return false
	}
	if w == "or" {
		rest := strings.TrimSpace(seg[2:])
		return rest != "" && isCapitalized(rest) && wordCount(rest) <= 4
	}
	if w == "outside" || w == "inside" || w == "near" || w == "beside" || w == "behind" {
		return wordCount(seg) >= 2
	}
	// A participle aside goes on with its preposition: "led by", "based in".
	ws := strings.Fields(seg)
	return len(ws) >= 3 && (placePrepositions[lowerASCII(ws[1])] || ws[1] == "as")
}

// placeAppositive reports whether the aside last describes a place named
// at the end of the aside before it: "… in Ostra" then "the capital of
// Vell province" or "a town in the north".
func placeAppositive(last, before string) bool {
	ws := strings.Fields(strings.TrimSpace(last))
	if len(ws) < 2 || !isCapitalized(lastWord(strings.TrimSpace(before))) {
		return false
	}
	d := lowerASCII(ws[0])
	if d != "the" && d != "a" && d != "an" {
		return false
	}
	return inSet(placeNouns, ws[1]) && (len(ws) == 2 || ws[2] == "of" || ws[2] == "in" || ws[2] == "located" || ws[2] == "situated")
}

// isQuantity reports whether seg opens with "at least" or "at most": a
// count ("at least three civilians were killed"), not an aside.
func isQuantity(seg string) bool {
	seg = strings.TrimSpace(seg)
	return hasPrefixFold(seg, "at least ") || hasPrefixFold(seg, "at most ")
}

// placeOnlyPrepositions before a lone capitalised word make it a place
// ("envoy to Somalia"), never a person's surname.
var placeOnlyPrepositions = setOf("in", "to", "near", "at", "outside", "inside", "across", "into", "from")
