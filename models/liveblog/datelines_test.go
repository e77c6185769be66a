package liveblog

import "testing"

// TestDatelineForms reads the datelines of wire services and of the papers
// that reprint them, so the place never becomes part of a claimant.
func TestDatelineForms(t *testing.T) {
	for s, want := range map[string]string{
		"Halverston, (NPA - Northwire / Coast Post - 4th Nov, 2023) The port authority said": "The port authority said",
		"Halverston, April 26 (NPA) The port authority said":                                 "The port authority said",
		"HALVERSTON, May 3 (Northwire) -- The port authority said":                           "The port authority said",
		"NEW HALVERSTON: The port authority said":                                            "The port authority said",
		"HALVERSTON, Vellamar — The port authority said":                                     "The port authority said",
		"HALVERSTON, March 14. /TASS/. The port authority said":                              "The port authority said",
	} {
		if n := datelineLen(s); s[n:] != want {
			t.Errorf("datelineLen(%q) leaves %q, want %q", s, s[n:], want)
		}
	}
	for _, s := range []string{"IAEA: Stockpile is growing", "Lin Wei: The talks went well.", "Marta Kellner (SPD) said the talks failed.", "The ministry (MoD) - said"} {
		if n := datelineLen(s); n != 0 {
			t.Errorf("datelineLen(%q) = %d, want no dateline", s, n)
		}
	}
	checkClaims(t, "NEW HALVERSTON: The port authority said 300 containers were lost.", want{"300 containers were lost", "port authority"})
	checkClaims(t, "HALVERSTON, Vellamar — The port authority said 300 containers were lost.", want{"300 containers were lost", "port authority"})
	checkClaims(t, "Halverston, (NPA - Northwire / Coast Post - 4th Nov, 2023) The port authority in the north said 300 containers were lost.",
		want{"300 containers were lost", "port authority"})
}
