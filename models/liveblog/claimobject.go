package liveblog

// What a reporting verb's object holds once its claim is cut out: asides at
// its end, objects that say nothing of their own, and denials.

// cutTails removes asides at the end of a claim ("…, asking not to be
// named", "…, citing officials").
func cutTails(text string) string {
	for _, p := range []string{", a claim ", ", a charge ", ", an accusation ", ", asking not to be", ", who asked not to be", ", speaking on condition", ", on condition of anonymity", ", declining to be", ", requesting anonymity"} {
		if k := indexLower(text, p); k >= 0 {
			text = text[:k]
		}
	}
	return text
}

// indexWord returns the byte index of word w among the first n words of
// text, or -1.
func indexWord(text, w string, n int) int {
	for _, x := range wordsN(text, n) {
		if x.lower == w {
			return x.s
		}
	}
	return -1
}

// emptyClaimStarts open an object that says nothing ("said little about").
var emptyClaimStarts = setOf("little", "nothing", "much", "few", "anything", "something", "no", "more", "so", "this", "that", "it")

// referenceNouns as the whole object of a verb refer to something said
// elsewhere ("confirmed the figure").
var referenceNouns = setOf("figure", "figures", "toll", "number", "numbers", "details", "news", "report",
	"reports", "claim", "claims", "statement", "account", "information", "it", "this", "that", "them")

// isEmptyClaim reports whether a claim has no content of its own.
func isEmptyClaim(c string) bool {
	ws := wordsN(c, 6)
	if len(ws) == 0 {
		return true
	}
	if len(ws) <= 5 && emptyClaimStarts[ws[0].lower] && (len(ws) == 1 || ws[1].lower == "about" || ws[1].lower == "on" || ws[1].lower == "of" || ws[1].lower == "more" || ws[1].lower == "else") {
		return true
	}
	return len(ws) <= 3 && referenceNouns[ws[len(ws)-1].lower]
}

// isGenericDenial reports whether a denial's object is only a reference to
// something said before ("rejected the accusation").
func isGenericDenial(text string) bool {
	ws := wordsN(text, 6)
	if len(ws) == 0 {
		return true
	}
	if len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if genericDenied[w.lower] {
			return true
		}
	}
	return false
}

// negate puts "not" after the first auxiliary of a denied statement ("it was
// overwhelmed" → "it was not overwhelmed"). Without an auxiliary the
// statement is left as it is; the verb "denied" still says what happened.
func negate(c string) string {
	ws := wordsN(c, 10)
	for i, w := range ws {
		if i >= 8 {
			break
		}
		if auxiliaries[w.lower] {
			if i+1 < len(ws) && (ws[i+1].lower == "not" || ws[i+1].lower == "never") {
				return c[:w.e] + c[ws[i+1].e:]
			}
			return c[:w.e] + " not" + c[w.e:]
		}
	}
	return c
}
