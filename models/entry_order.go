package models

// entryMinutes is the time of day an entry was printed at, in minutes, from
// its instant or else its printed clock time; ok is false without either.
func entryMinutes(e Entry) (int, bool) {
	if e.Instant != nil {
		return int(e.Instant.Unix() / 60), true
	}
	h, m, ok := ParseClock(e.TimeText)
	return h*60 + m, ok
}

// Chronological returns a story's entries (in the order they were printed)
// oldest first. Live blogs print their newest entry on top, so when the timed
// entries mostly run backwards the whole list is reversed: that keeps
// entries without a time in their place and handles a blog that runs past
// midnight, which sorting by the clock time alone would not.
func Chronological(entries []Entry) []Entry {
	out := append([]Entry(nil), entries...)
	backwards, forwards := 0, 0
	prev, havePrev := 0, false
	for _, e := range out {
		m, ok := entryMinutes(e)
		if !ok {
			continue
		}
		if havePrev {
			switch {
			case m < prev:
				backwards++
			case m > prev:
				forwards++
			}
		}
		prev, havePrev = m, true
	}
	if backwards > forwards {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}
