package liveblog

// sentenceScan is what the attribution rules share about one sentence: its
// lower-case copy, made once for the sentence rather than once per rule,
// and the speakers subjectSpan found in it. The trailing rule ("C, S said")
// and then the leading rule ("S said C") ask for the speaker before the
// same verb from the same start, and finding it splits and classifies the
// phrase each time.
type sentenceScan struct {
	s    string
	low  string // lowerASCII(s)
	qs   []span
	seen [subjectMemoSize]subjectSpanAt // a ring of the latest answers
	n    int                            // answers given so far
}

// subjectSpanAt is one answer of subjectSpan, with the range it was asked for.
type subjectSpanAt struct {
	lo, vs, ss, se, sep int
	ok                  bool
}

// subjectMemoSize bounds the answers kept, so a sentence with very many
// verbs costs no more per verb than a short one.
const subjectMemoSize = 8

// at is subjectSpan(s, qs, lo, vs), computed once per (lo, vs) among the
// latest ranges asked for.
func (m *sentenceScan) at(lo, vs int) (ss, se, sep int, ok bool) {
	for k := 0; k < min(m.n, subjectMemoSize); k++ {
		if r := m.seen[k]; r.lo == lo && r.vs == vs {
			return r.ss, r.se, r.sep, r.ok
		}
	}
	ss, se, sep, ok = subjectSpan(m.s, m.qs, lo, vs)
	m.seen[m.n%subjectMemoSize] = subjectSpanAt{lo, vs, ss, se, sep, ok}
	m.n++
	return ss, se, sep, ok
}

// wordsN is wordsN(s[from:to], n), with the words lowered from the
// sentence's copy. It is small enough to be inlined, so the words stay in
// the caller's stack frame, as wordsN's do.
func (m *sentenceScan) wordsN(from, to, n int) []word {
	return appendWords(make([]word, 0, 16), m.s[from:to], m.low[from:to], n)
}
