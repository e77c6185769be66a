package liveblog

import "testing"

// TestDatedStamps reads a weekday or date printed before an entry's time
// as part of the time, and keeps it out of the first speaker's name.
func TestDatedStamps(t *testing.T) {
	for _, tc := range []struct{ line, stamp, rest string }{
		{"Tuesday 14.05 BST: The UN said convoys were stuck.", "Tuesday 14.05 BST", "The UN said convoys were stuck."},
		{"Sat 25 Apr 2015 10.45 BST", "Sat 25 Apr 2015 10.45 BST", ""},
		{"April 26, 10:45 a.m.: Police said the suspect was arrested.", "April 26, 10:45 a.m.", "Police said the suspect was arrested."},
		{"Thu 3 Dec 09:30 – Schools stay shut", "Thu 3 Dec 09:30", "Schools stay shut"},
	} {
		stamp, rest, ok := parseStamp(tc.line)
		if !ok || stamp != tc.stamp || rest != tc.rest {
			t.Errorf("parseStamp(%q) = %q, %q, %v; want %q, %q", tc.line, stamp, rest, ok, tc.stamp, tc.rest)
		}
	}
	for _, line := range []string{"Monday 10 people died in the flood, officials said.", "May 2020 was the wettest month.", "March 15.5 percent higher"} {
		if stamp, _, ok := parseStamp(line); ok {
			t.Errorf("parseStamp(%q) = %q: not a time", line, stamp)
		}
	}
	checkClaims(t, "Tuesday 14.05 BST: The UN said aid convoys were stuck at the border.\n\nTuesday 14.20 BST: The army said the road was open.",
		want{"aid convoys were stuck", "UN"}, want{"the road was open", "army"})
}
