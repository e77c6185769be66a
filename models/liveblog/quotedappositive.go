package liveblog

// `Ivo Marek, a spokesman for the army's "security operation", said …`:
// a few quoted words inside the speaker's office are a name the office
// goes by, not a quotation that ends a claim before the speaker.

// maxQuotedName bounds the words of such a quoted name.
const maxQuotedName = 4

// quotedInAppositive reports whether the quotation q stands inside the
// appositive after the speaker's first segment (which ends at nameEnd),
// within a phrase (no comma right before it), and is short.
func quotedInAppositive(s string, q span, nameEnd int) bool {
	if q.s <= nameEnd || q.e-q.s < 2 || wordCount(s[q.s:q.e]) > maxQuotedName {
		return false
	}
	k := q.s
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	return k > 0 && s[k-1] != ','
}
