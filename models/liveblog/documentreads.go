package liveblog

// documentReads reports whether "read" at ws[i] has a document for its
// subject ("…," the statement read; "the notice read: …"), where it
// reports what the document says; a person reading, or "read" as a
// present tense, reports nothing.
func documentReads(ws []word, i int) bool {
	return i > 0 && (documentNouns[ws[i-1].lower] || ws[i-1].lower == "tweet" || ws[i-1].lower == "note")
}
