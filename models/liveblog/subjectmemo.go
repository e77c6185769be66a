package liveblog

// subjectSpans remembers the speakers subjectSpan found in one sentence.
// The trailing rule ("C, S said") and then the leading rule ("S said C")
// ask for the speaker before the same verb from the same start, and
// finding it splits and classifies the phrase each time.
type subjectSpans struct {
	s    string
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
func (m *subjectSpans) at(lo, vs int) (ss, se, sep int, ok bool) {
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
