package liveblog

import "strings"

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
