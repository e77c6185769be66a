package liveblog

import "strings"

// German news tickers are read with the English frames and a few words of
// German: the verbs in germanReportingVerbs, the adjuncts after a speaker
// that follows its verb, the particle of a separable verb, and the caveat.

// germanAdjuncts start the words after a speaker that say when or where,
// not who ("…, sagte Spahn am Abend").
var germanAdjuncts = setOf("am", "im", "beim", "gegenüber", "vom", "zum", "zur", "heute", "gestern", "bei",
	"auf", "nach", "laut", "vor", "während")

// withoutGermanAdjunct cuts a German adjunct from a speaker phrase.
func withoutGermanAdjunct(subj string) string {
	ws := wordsN(subj, 12)
	for k := 1; k < len(ws); k++ {
		if germanAdjuncts[ws[k].text] {
			return strings.TrimSpace(subj[:ws[k].s])
		}
	}
	return subj
}

// withoutGermanParticle drops what stands between a separable verb and its
// claim ("teilte mit, dass C", "räumte ein, dass C").
func withoutGermanParticle(c string) string {
	for _, p := range []string{"mit, dass ", "an, dass ", "ein, dass ", "mit: ", "an: ", "mit, ", "an, ", "ein, ", "dass "} {
		if strings.HasPrefix(c, p) {
			return strings.TrimSpace(c[len(p):])
		}
	}
	return c
}

// germanCaveat reports whether a German sentence says something could not
// be independently checked ("Das ließ sich nicht unabhängig überprüfen").
func germanCaveat(low string) bool {
	if strings.IndexByte(low, 0xC3) < 0 {
		return false // no umlaut: not German, and "überprüfen", "unabhängig" have one
	}
	if !strings.Contains(low, "nicht") && !strings.Contains(low, "keine") {
		return false
	}
	check := strings.Contains(low, "prüf") || strings.Contains(low, "bestätig") || strings.Contains(low, "verifizier")
	return check && (strings.Contains(low, "unabhängig") || strings.Contains(low, "zunächst nicht") || strings.Contains(low, "lassen sich nicht") ||
		strings.Contains(low, "ließ sich nicht") || strings.Contains(low, "ließen sich nicht") ||
		strings.Contains(low, "nicht sofort") || strings.Contains(low, "nicht überprüfbar") || strings.Contains(low, "nicht zu überprüfen") ||
		germanPassiveCheck(low))
}

// germanMonths follow a day's number and its full stop ("am 24. Februar"),
// which end no sentence.
var germanMonths = setOf("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
	"oktober", "november", "dezember")

// germanDate reports whether the full stop between before and after is
// that of a German date ("am 24. Februar").
func germanDate(before, after string) bool {
	n := len(before)
	d := 0
	for d < n && d < 3 && isDigit(before[n-1-d]) {
		d++
	}
	if d == 0 || d > 3 || (n > d && before[n-1-d] != ' ') {
		return false
	}
	if germanOrdinalBefore[lowerASCII(lastWord(strings.TrimRight(before[:n-d], " ")))] && isCapitalized(firstWord(after)) {
		return true // "zum 144. Kriegstag": an ordinal
	}
	return d <= 2 && germanMonths[strings.ToLower(firstWord(after))]
}

// germanOrdinalBefore stand before an ordinal number ("zum 144.
// Kriegstag", "am 3. Tag"), whose full stop ends no sentence.
var germanOrdinalBefore = setOf("am", "zum", "im", "vom", "beim", "zur", "der", "die", "das", "dem", "den", "des")
