package liveblog

import "testing"

// TestRarerReportingVerbs finds claims behind the rarer verbs of
// attribution, and not behind the same verbs with a plain object.
func TestRarerReportingVerbs(t *testing.T) {
	checkTable(t, []claimCase{
		{"At least 40 people were killed in five days of fighting, Northwire tallied from hospital sources.", []want{{"At least 40 people were killed", "Northwire"}}},
		{"The minister emphasised that the dam was safe.", []want{{"the dam was safe", "minister"}}},
		{"The company conceded that two tanks had leaked.", []want{{"two tanks had leaked", "company"}}},
		{"Asked about the convoy, the spokesman replied that it had turned back.", []want{{"it had turned back", "spokesman"}}},
		{"The union vowed that no ship would be unloaded.", []want{{"no ship would be unloaded", "union"}}},
		{"Residents complained that the water had been cut for three days.", []want{{"the water had been cut", "Residents"}}},
		{"The mayor replied to the letter on Monday.", []want{{"to the letter", ""}}},
		{"The government promised to rebuild the bridge.", []want{{"rebuild the bridge", ""}}},
		{"Officials counted the ballots twice.", []want{{"the ballots twice", ""}}},
	})
}

// TestCharacterisingVerbs finds the speaker's own account or judgement
// behind "described seeing", "described X as "…"" and "called X "…"", and
// nothing behind "called a strike" or "described the plan".
func TestCharacterisingVerbs(t *testing.T) {
	checkTable(t, []claimCase{
		{"The mayor described seeing cars floating down the main street.", []want{{"cars floating", "mayor"}}},
		{`The Red Crescent described the damage as "catastrophic".`, []want{{"catastrophic", "Red Crescent"}}},
		{`Ana Borg called the flooding "a disaster of historic size".`, []want{{"a disaster of historic size", "Ana Borg"}}},
		{"The union called a strike for Monday.", []want{{"a strike", ""}}},
		{"The minister called on residents to leave.", []want{{"residents to leave", ""}}},
		{"Police described the plan in detail.", []want{{"the plan", ""}}},
	})
}

// TestVerbFormsThatAreNouns: "notes" and "stresses" after "of" or an
// article are nouns.
func TestVerbFormsThatAreNouns(t *testing.T) {
	checkClaims(t, "Just a line of notes with no attribution.", want{"with no attribution", ""})
	checkClaims(t, "The stresses of the job were visible.", want{"of the job", ""})
	checkClaims(t, "The minister notes that the dam is safe.", want{"the dam is safe", "minister"})
}
