package liveblog

import "testing"

// TestCallingIt reads "S condemned the attack, calling it X" as S's claim
// that it was X; "calling for calm" and "calling on residents to leave"
// are appeals and propose nothing.
func TestCallingIt(t *testing.T) {
	checkTable(t, []claimCase{
		{"President Ana Diaz condemned the attack, calling it an attempt to block the training of the police.",
			[]want{{"it was an attempt to block the training", "Ana Diaz"}}},
		{"The council condemned the raids, calling them a breach of the truce.",
			[]want{{"they were a breach of the truce", "council"}}},
		{"The mayor visited the site, calling for calm.", []want{{"calm", ""}}},
		{"The mayor visited the site, calling on residents to leave.", []want{{"residents", ""}}},
	})
}
