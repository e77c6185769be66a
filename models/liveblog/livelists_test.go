package liveblog

import "testing"

// TestUpdateList reads each line of a list of one-line updates on its own:
// a line followed by other such lines heads no body.
func TestUpdateList(t *testing.T) {
	text := "Rail minister promises detailed inquiry into Bhadrak train accident\n" +
		"State health minister says 'situation under control, rescue ops being carried out'\n" +
		"Chief minister declares one-day mourning over Bhadrak derailment"
	checkClaims(t, text, want{"situation under control", "health minister"})
	// A source after a colon, with where it spoke.
	checkClaims(t, "Our focus now is rescue and relief operations: Railway minister Anil Verma at the accident site in Bhadrak",
		want{"Our focus now is rescue and relief operations", "Anil Verma"})
	// A headline and its standfirst over a body stay a headline.
	checkClaims(t, "Schools to stay shut, minister says\n\nParents told to keep children home\n\nThe education minister said schools would stay shut until Monday.",
		want{"Schools to stay shut", ""}, want{"schools would stay shut until Monday", "education minister"})
}

// TestUpdatesColon reads "X updates on Y: C" as X's claim C.
func TestUpdatesColon(t *testing.T) {
	checkClaims(t, "Odisha Chief Secretary updates on rescue work: 9 NDRF teams and 20 fire service units are working at the site",
		want{"9 NDRF teams", "Chief Secretary"})
}
