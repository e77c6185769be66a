package liveblog

import "strings"

// What follows "according to" may run past its source: "according to
// accounts from Afghan officials Wednesday" ends with a day, and "according
// to the UN. * AFP" with the credit line of the wire that carried it.

// accordingSourceOnly cuts from a source after "according to" a credit
// line after a full stop and the days and times that close it.
func accordingSourceOnly(subj string) string {
	for i := 0; i+2 < len(subj); i++ {
		if subj[i] == '.' && subj[i+1] == ' ' {
			r := subj[skipSpaces(subj, i+1)]
			if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				subj = subj[:i] // "the UN. * AFP"
				break
			}
		}
	}
	ws := strings.Fields(subj)
	n := len(ws)
	for n > 1 && weekdaysAndMonths[lowerASCII(strings.TrimRight(ws[n-1], ".,"))] {
		n-- // "Afghan officials Wednesday"
		if n > 1 {
			switch lowerASCII(ws[n-1]) {
			case "on", "late", "early", "last":
				n--
			}
		}
	}
	if n == len(ws) {
		return subj
	}
	return strings.Join(ws[:n], " ")
}
