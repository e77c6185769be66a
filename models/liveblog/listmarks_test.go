package liveblog

import "testing"

// TestListItemSpeaker: a bulleted key point speaks as the sentence would
// without its mark ("• Rangers say …"), for every mark lists use; a dash
// that is no list mark changes nothing.
func TestListItemSpeaker(t *testing.T) {
	checkTable(t, []claimCase{
		{"What we know so far:\n\n• Rangers say the blaze has jumped the river near Carrow.\n• The mayor said two schools will stay shut on Monday.",
			[]want{{"the blaze has jumped the river", "Rangers"}, {"two schools will stay shut", "mayor"}}},
		{"Key points:\n\n- The port authority said the cranes were moved inland overnight.",
			[]want{{"the cranes were moved inland", "port authority"}}},
		{"Latest:\n\n▪ Medics say 14 people were treated for smoke.",
			[]want{{"14 people were treated", "Medics"}}},
		{"The river rose by 2m, the agency said.\n\n-5C is expected overnight in the hills.",
			[]want{{"The river rose by 2m", "agency"}}},
	})
	for _, c := range []struct {
		para string
		n    int
	}{{"• Police say", 2 + len("•") - 1}, {"  - He said", 4}, {"-5C tonight", 0}, {"— “We are safe,” she said", 0}, {"•", 0}} {
		if got := listMarkLen(c.para); got != c.n {
			t.Errorf("listMarkLen(%q) = %d, want %d", c.para, got, c.n)
		}
	}
}
