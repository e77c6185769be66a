package liveblog

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

// hasSuffixLower is strings.HasSuffix(lowerASCII(s), low).
func hasSuffixLower(s, low string) bool {
	return len(s) >= len(low) && equalLower(s[len(s)-len(low):], low)
}

// indexLower is strings.Index(lowerASCII(s), low).
func indexLower(s, low string) int {
	if low == "" {
		return 0
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
	for i := len(s) - len(low); i >= 0; i-- {
		if lowerByte(s[i]) == low[0] && equalLower(s[i:i+len(low)], low) {
			return i
		}
	}
	return -1
}
