package liveblog

import "testing"

// TestQuotedAsSayingAfterTheQuote: `"Q," a porter was quoted as saying on
// Radio Pella` gives the quotation as the man's claim; the forward form
// still works.
func TestQuotedAsSayingAfterTheQuote(t *testing.T) {
	checkTable(t, []claimCase{
		{"\"The whole roof came down within seconds,\" a shopkeeper was quoted as saying on Radio Pella.", []want{{"whole roof came down", "shopkeeper"}}},
		{"\"Four boats are still missing,\" a harbour official was quoted as saying.", []want{{"Four boats are still missing", "harbour official"}}},
		{"A harbour official was quoted as saying that four boats were still missing.", []want{{"four boats were still missing", "harbour official"}}},
	})
}
