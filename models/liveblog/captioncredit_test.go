package liveblog

import "testing"

// TestAgencyPictureClaimsNothing proposes no claim for a caption credited
// to an agency, a photographer or a platform; a handout's caption stays
// the claim of the party that supplied it.
func TestAgencyPictureClaimsNothing(t *testing.T) {
	for _, text := range []string{
		"Quake live\n\nPhoto: A wounded man is carried to an ambulance after the blast. Photo: Northwire / Social media\n\n19:40 – Rescue goes on\n\nTeams are still searching.",
		"Quake live\n\nPhoto: A child waves at a relief site in Vell county on January 3. Photo: Lena Orr / Northwire\n\n19:40 – Rescue goes on\n\nTeams are still searching.",
	} {
		checkClaims(t, text, want{"carried to an ambulance", ""}, want{"waves at a relief site", ""})
	}
	checkClaims(t, "Quake live\n\nPhoto: Rescuers search a collapsed house. Photo: Civil Rescue Corps / Supplied\n\n19:40 – Rescue goes on\n\nTeams are still searching.",
		want{"Rescuers search a collapsed house", "Civil Rescue Corps"})
}
