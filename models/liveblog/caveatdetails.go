package liveblog

// detailNouns name the particulars of the events a story reports.
var detailNouns = setOf("details", "circumstances", "particulars")

// namesDetails reports whether a caveat names the details of what the
// story reports ("Independent confirmation of the fighting details is not
// possible", "the details of the clashes could not be verified"): like
// "the reports", they are the story's accounts, not one party's. "There
// were no details on …" is no caveat on claims.
func namesDetails(ws []word) bool {
	for i, w := range ws {
		if !detailNouns[w.lower] || i == 0 {
			continue
		}
		p := ws[i-1].lower
		if p == "no" || p == "more" || p == "further" || p == "any" || p == "few" {
			return false
		}
		if p == "the" || p == "these" || p == "those" || i+1 < len(ws) && ws[i+1].lower == "of" || i > 1 && ws[i-2].lower == "the" {
			return true
		}
	}
	return false
}
