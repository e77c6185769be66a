package liveblog

import "strings"

// Wire copy often names its source second hand: "…, say reports citing
// military officials", "Reports citing hospital staff say …". The
// officials speak; the reports relay them.

// invertedOrCitedBase reports whether a bare verb form at ws[i] ("say",
// "report") is finite although no plural noun stands right before it: in
// an inversion after a comma with a plural speaker after it ("…, say
// local residents"), or after a cited source ("Reports citing hospital
// staff say").
func invertedOrCitedBase(s string, ws []word, i int) bool {
	if i == 0 {
		return false
	}
	if ws[i-1].lower == "who" && i > 1 && strings.Contains(s[ws[i-2].e:ws[i-1].s], ",") {
		return true // "…from Ukrainian authorities, who say …"
	}
	if strings.Contains(s[ws[i-1].e:ws[i].s], ",") {
		for k := i + 1; k < len(ws) && k <= i+4; k++ {
			w := ws[k].lower
			if strings.ContainsAny(s[ws[k-1].e:ws[k].s], ",;:") {
				return false
			}
			if pluralSubjects[w] || commonSubjects[w] {
				return true
			}
			if _, rep := reportingVerbs[w]; rep && !(w == "reports" || w == "report") || auxiliaries[w] {
				return false
			}
		}
		return false
	}
	for k := i - 1; k > 0 && k >= i-6; k-- {
		if strings.ContainsAny(s[ws[k].e:ws[k+1].s], ",;:") {
			return false
		}
		if ws[k].lower == "citing" || ws[k].lower == "quoting" {
			return true
		}
	}
	return false
}

// withCitedSources makes the source a report cites the speaker of each
// frame whose speaker is "reports citing X" (or "a report quoting X"),
// with the reports as the relay.
func withCitedSources(frames []rawFrame) []rawFrame {
	for k := range frames {
		f := &frames[k]
		if !strings.Contains(f.subject, "ting ") {
			continue // neither "citing" nor "quoting": most speakers
		}
		for _, c := range []string{" citing ", " quoting "} {
			at := indexLower(f.subject, c)
			if at <= 0 {
				continue
			}
			head, src := strings.TrimSpace(f.subject[:at]), strings.TrimSpace(f.subject[at+len(c):])
			if wordCount(src) == 0 || !(isOutlet(head) || isReportNoun(lastWord(head))) {
				continue
			}
			if f.via == "" {
				f.via = strings.TrimSpace(head + " " + f.verb)
			}
			f.subject = src
			break
		}
	}
	return frames
}

// isReportNoun reports whether w names a report rather than a reporter.
func isReportNoun(w string) bool {
	return inSet(reportNouns, w)
}

var reportNouns = setOf("report", "reports", "media", "dispatch", "dispatches", "bulletin")

// startsPlural reports whether a phrase opens with a plural speaker
// ("officials", "reports citing …"), which a bare verb form after a comma
// inverts ("…, say officials").
func startsPlural(p string) bool {
	w := lowerASCII(firstWord(p))
	return pluralSubjects[w] || commonSubjects[w]
}

// antecedentAfterPreposition returns the noun phrase that a ", who" clause
// follows when the words before the comma are a clause or an "according
// to" ("There was no comment from Ukrainian authorities, who say …" →
// "Ukrainian authorities"), or "".
func antecedentAfterPreposition(prev string) string {
	p := strings.TrimSpace(prev)
	if k := indexLower(p, "according to "); k >= 0 {
		return strings.TrimSpace(p[k+len("according to "):])
	}
	if !hasAuxiliary(p) && !strings.HasPrefix(p, "There ") {
		return ""
	}
	best := -1
	for _, prep := range []string{" from ", " by ", " with ", " to ", " among "} {
		if k := lastIndexLower(p, prep); k > best {
			best = k + len(prep)
		}
	}
	if best < 0 {
		return ""
	}
	np := strings.TrimSpace(p[best:])
	if n := wordCount(np); n == 0 || n > 6 || hasAuxiliary(np) {
		return ""
	}
	return np
}
