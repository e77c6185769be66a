package liveblog

import "testing"

// TestWhereSourcesAndClaimsEnd reads frames whose boundaries the punctuation
// does not give: "According to police at least 12 …" without a comma, a
// claim with "routes leading to the …" (a place, not an appeal), "X
// concluded that", a second speaker after a bare "but", and objects that
// are no claims: an embedded question ("told the BBC what happened") and
// a clause cut off after "that".
func TestWhereSourcesAndClaimsEnd(t *testing.T) {
	checkTable(t, []claimCase{
		{"According to police at least 12 people were killed in the blast.", []want{{"at least 12 people were killed", "police"}}},
		{"According to local officials in the northern province more than 40 homes burned down.",
			[]want{{"more than 40 homes burned down", "local officials"}}},
		{"Local media reported all routes leading to the harbour were closed by police.",
			[]want{{"all routes leading to the harbour were closed", "Local media"}}},
		{"On Thursday, a navy inquiry concluded that at least 15 sailors were killed in the fire.",
			[]want{{"at least 15 sailors were killed", "navy inquiry"}}},
		{"Although local officials are saying that the gunmen came from abroad but the Northern Front has claimed responsibility for the raid.",
			[]want{{"the gunmen came from abroad", "local officials"}, {"responsible for the raid", "Northern Front"}}},
		{"Ivo Marsh, who was on the train, tells the Kalmar Press what happened on board.", []want{{"what happened", ""}}},
		{"The minister says he told the governor that", []want{{"told the governor", ""}}},
		// The source keeps its own figures and clauses.
		{"According to the 2019 census, 40 families live on the island.", []want{{"40 families live on the island", "2019 census"}}},
		{"According to police in more than 20 towns, the roads were closed.", []want{{"the roads were closed", "police in more than 20 towns"}}},
		// "add" as an act, and appeals, claim nothing.
		{"The unconfirmed toll adds up to more than 900 dead, no figure was given for civilians.", []want{{"more than 900 dead", ""}}},
		{"The coroner added one more death to the toll and released the names of three victims.", []want{{"one more death", ""}}},
		{"Police urged residents close to the river to leave their homes.", []want{{"residents close to the river", ""}}},
	})
}
