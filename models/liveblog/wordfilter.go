package liveblog

// wordFilter answers "certainly not in the set" for most words without
// hashing them into a map: a bit per hash of the word's length and its
// first and last bytes, set for every word of the set. The reporting verbs
// and the function words are looked up for nearly every word of every
// sentence, and almost every word is in neither.
type wordFilter [wordFilterBits / 64]uint64

// wordFilterBits is the filter's size: with a few hundred words in a set,
// about one bit in ten is set, so about nine words in ten are turned away.
const wordFilterBits = 4096

// newWordFilter returns the filter of the keys of set.
func newWordFilter[V any](set map[string]V) *wordFilter {
	f := new(wordFilter)
	for w := range set {
		h := wordFilterHash(w)
		f[h/64] |= 1 << (h % 64)
	}
	return f
}

// wordFilterHash mixes the length and the first and last bytes of w.
func wordFilterHash(w string) uint {
	if w == "" {
		return 0
	}
	return (uint(w[0])*31 + uint(w[len(w)-1])*7 + uint(len(w))*131) % wordFilterBits
}

// mayHold reports whether w may be in the set; false means it is not.
func (f *wordFilter) mayHold(w string) bool {
	h := wordFilterHash(w)
	return f[h/64]&(1<<(h%64)) != 0
}

// reportingVerbFilter is the filter of reportingVerbs.
var reportingVerbFilter = newWordFilter(reportingVerbs)

// reportingVerb is reportingVerbs[w], with most words that are not
// reporting verbs turned away by reportingVerbFilter first.
func reportingVerb(w string) (verbInfo, bool) {
	if !reportingVerbFilter.mayHold(w) {
		return verbInfo{}, false
	}
	info, ok := reportingVerbs[w]
	return info, ok
}
