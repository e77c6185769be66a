package liveblog

import (
	"slices"
	"strings"
)

// These helpers search s as if it had been passed through lowerASCII, for a
// pattern already in lower case, without making the lower-case copy: the
// rules run them on every candidate claim, and the copies were a large
// share of the extractor's allocations. Only ASCII letters are folded, as
// lowerASCII does, so the answers are those of the copy's.

// lowerByte is c with an ASCII capital lowered.
func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalLower reports whether lowerASCII(s) == low, for len(s) == len(low).
func equalLower(s, low string) bool {
	for i := 0; i < len(low); i++ {
		if lowerByte(s[i]) != low[i] {
			return false
		}
	}
	return true
}

// hasPrefixLower is strings.HasPrefix(lowerASCII(s), low).
func hasPrefixLower(s, low string) bool {
	return len(s) >= len(low) && equalLower(s[:len(low)], low)
}

// indexLower is strings.Index(lowerASCII(s), low).
func indexLower(s, low string) int {
	if low == "" {
		return 0
	}
	if c := low[0]; c < 'a' || c > 'z' {
		// Only the byte itself matches a first byte that is no letter
		// (", a claim", " in a statement"): jump between its occurrences.
		for i := 0; i+len(low) <= len(s); i++ {
			k := strings.IndexByte(s[i:len(s)-len(low)+1], c)
			if k < 0 {
				return -1
			}
			i += k
			if equalLower(s[i:i+len(low)], low) {
				return i
			}
		}
		return -1
	}
	for i := 0; i+len(low) <= len(s); i++ {
		if lowerByte(s[i]) == low[0] && equalLower(s[i:i+len(low)], low) {
			return i
		}
	}
	return -1
}

// lastIndexLower is strings.LastIndex(lowerASCII(s), low).
func lastIndexLower(s, low string) int {
	if low == "" {
		return len(s)
	}
	if c := low[0]; c < 'a' || c > 'z' {
		for end := len(s) - len(low) + 1; end > 0; {
			i := strings.LastIndexByte(s[:end], c)
			if i < 0 {
				return -1
			}
			if equalLower(s[i:i+len(low)], low) {
				return i
			}
			end = i
		}
		return -1
	}
	for i := len(s) - len(low); i >= 0; i-- {
		if lowerByte(s[i]) == low[0] && equalLower(s[i:i+len(low)], low) {
			return i
		}
	}
	return -1
}

// lowerPhrases is a list of lower-case phrases looked for together at the
// end of a short text: lastIndexes answers lastIndexLower for each, reading
// the text once per group of phrases that open alike (" in a …", " on …")
// instead of once per phrase.
type lowerPhrases struct {
	phrases []string
	groups  []phraseGroup
}

// phraseGroup is the phrases (indexes in lowerPhrases.phrases) that open
// with prefix.
type phraseGroup struct {
	prefix  string
	members []int
}

// phrasePrefix is how many opening bytes the phrases of a group share.
const phrasePrefix = 4

// newLowerPhrases groups phrases, which must be in lower case, by their
// opening bytes.
func newLowerPhrases(phrases ...string) *lowerPhrases {
	lp := &lowerPhrases{phrases: phrases}
	for i, p := range phrases {
		prefix := p[:min(len(p), phrasePrefix)]
		g := slices.IndexFunc(lp.groups, func(g phraseGroup) bool { return g.prefix == prefix })
		if g < 0 {
			lp.groups = append(lp.groups, phraseGroup{prefix: prefix})
			g = len(lp.groups) - 1
		}
		lp.groups[g].members = append(lp.groups[g].members, i)
	}
	return lp
}

// lastIndexes appends to out, for each phrase in order,
// lastIndexLower(s, phrase).
func (lp *lowerPhrases) lastIndexes(s string, out []int) []int {
	from := len(out)
	for range lp.phrases {
		out = append(out, -1)
	}
	res := out[from:]
	for _, g := range lp.groups {
		if g.prefix == "" {
			for _, m := range g.members {
				res[m] = len(s) // as lastIndexLower answers for ""
			}
			continue
		}
		left := len(g.members)
		for e := len(s) - len(g.prefix); e >= 0 && left > 0; e-- {
			if lowerByte(s[e]) != g.prefix[0] || !equalLower(s[e:e+len(g.prefix)], g.prefix) {
				continue
			}
			for _, m := range g.members {
				if p := lp.phrases[m]; res[m] < 0 && e+len(p) <= len(s) && equalLower(s[e:e+len(p)], p) {
					res[m] = e
					left--
				}
			}
		}
	}
	return out
}

// hasPhraseLower is strings.Contains(" "+lowerASCII(s)+" ", " "+low+" "):
// low stands in s, in any case, between spaces or the ends of s. It makes
// neither the lower-case copy nor the padded strings.
func hasPhraseLower(s, low string) bool {
	for from := 0; from <= len(s); from++ {
		k := indexLower(s[from:], low)
		if k < 0 {
			return false
		}
		i, j := from+k, from+k+len(low)
		if (i == 0 || s[i-1] == ' ') && (j == len(s) || s[j] == ' ') {
			return true
		}
		from = i
	}
	return false
}
