package liveblog

import "testing"

// TestSpeakerBeforeAsides keeps the speaker named before asides that
// describe a place in its description ("…, in Ostra, the capital of Vell
// province,"), say where it stood ("…, outside the police headquarters,")
// or give another name and its leader ("…, or HWP, led by Ana Diaz,").
func TestSpeakerBeforeAsides(t *testing.T) {
	checkTable(t, []claimCase{
		{"Colonel Jan Borg, a spokesman for the 201st Corps in Ostra, the capital of Vell province, later said the commander was alive.",
			[]want{{"the commander was alive", "Jan Borg"}}},
		{"A police officer at the scene, outside the police chief's headquarters, said he had seen the bomber board the bus.",
			[]want{{"seen the bomber board the bus", "police officer"}}},
		{"The Harbour Workers Party, or HWP, led by Ana Diaz, later announced she had resigned.",
			[]want{{"she had resigned", "Harbour Workers Party"}}},
		{"The Harbour Workers Party, backed by the unions, said the strike would go on.",
			[]want{{"the strike would go on", "Harbour Workers Party"}}},
	})
}
