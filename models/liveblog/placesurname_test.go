package liveblog

import "testing"

// TestPlaceIsNoSurname: "… known as Villa Somalia. Ivo Lind is the envoy
// to Somalia. He says …" — "to Somalia" names a place, not the person
// "Villa Somalia" by a surname, so "he" is Ivo Lind.
func TestPlaceIsNoSurname(t *testing.T) {
	checkTable(t, []claimCase{
		{"Rebels claimed responsibility for the attack on the palace, known as Villa Somalia.\n\nIvo Lind is the U.N. envoy to Somalia. He says he heard from President Ana Diaz soon after the attack.",
			[]want{{"he heard from President Ana Diaz", "Ivo Lind"}}},
	})
}
