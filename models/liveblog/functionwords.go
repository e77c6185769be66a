package liveblog

// functionWordLanguage tells, with one look-up, whether a word is one of
// germanFunctionWords (languageGerman) or englishFunctionWords
// (languageEnglish): isGermanSentence asks for the first dozen words of
// every sentence, and most of them are in neither set, which took two
// look-ups each.
var functionWordLanguage = languageOfFunctionWords()

// The values of functionWordLanguage; 0 is a word in neither set.
const (
	languageGerman  = 1
	languageEnglish = 2
)

// languageOfFunctionWords merges the two sets; a word in both counts as
// German, as isGermanSentence tests that set first.
func languageOfFunctionWords() map[string]uint8 {
	m := make(map[string]uint8, len(germanFunctionWords)+len(englishFunctionWords))
	for w := range englishFunctionWords {
		m[w] = languageEnglish
	}
	for w := range germanFunctionWords {
		m[w] = languageGerman
	}
	return m
}

// functionWordFilter turns away most words that are no function word
// before functionWordLanguage is looked up.
var functionWordFilter = newWordFilter(functionWordLanguage)

// functionWordLang is functionWordLanguage[w], 0 for a word in neither set.
func functionWordLang(w string) uint8 {
	if !functionWordFilter.mayHold(w) {
		return 0
	}
	return functionWordLanguage[w]
}
