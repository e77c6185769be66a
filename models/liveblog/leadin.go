package liveblog

import "strings"

// endsAsLeadIn reports whether text ends the way a speaker's lead-in to
// the paragraph after it does: "PA Media says:", or "Pickles said..." with
// an ellipsis where a colon would stand.
func endsAsLeadIn(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}

// continuesLeadInList reports whether the lead-in's block goes on past
// paragraph pi: a list under "The prosecutor gave other details:" is the
// speaker's, item after item, while the items follow one another.
func continuesLeadInList(paras []string, pi, colonPara int) bool {
	return pi == colonPara && pi+1 < len(paras) && isListLine(paras[pi]) && isListLine(paras[pi+1])
}

// isListLine reports whether a paragraph is an item of a list, with any
// of the marks lists use.
func isListLine(para string) bool {
	return isListItem(para) || listMarkLen(para) > 0
}
