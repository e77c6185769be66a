package liveblog

import "testing"

// TestDocumentReads: "…," the statement read gives the statement's claim;
// a person reading gives none.
func TestDocumentReads(t *testing.T) {
	checkTable(t, []claimCase{
		{"\"Two guards were hurt in the blaze,\" the prison service statement read.", []want{{"Two guards were hurt", "statement"}}},
		{"The ferry company notice read: \"All crossings are cancelled until Friday.\"", []want{{"All crossings are cancelled", "notice"}}},
		{"The mayor read the names of the victims aloud: \"We will not forget them.\"", []want{{"names of the victims", ""}}},
	})
}
