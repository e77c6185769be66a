package liveblog

import (
	"slices"
	"strings"
)

// endsWithCreditLabel reports whether the text before a closing "Source"
// colon ends with a picture credit's label ("… heavy rainfall Photo: IC",
// with no full stop before the label, which parseCaption wants): what
// follows the colon took the picture and claims nothing.
func endsWithCreditLabel(claim string) bool {
	t := strings.TrimRight(strings.TrimSpace(claim), ".,;")
	last := lowerASCII(t[strings.LastIndexAny(t, " \t\n")+1:])
	return slices.Contains(creditLabels, last+":")
}
