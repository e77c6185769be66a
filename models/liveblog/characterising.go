package liveblog

import "strings"

// perceptionWords after "described" report what the speaker saw ("described
// seeing bodies in the river").
var perceptionWords = setOf("seeing", "hearing", "watching", "finding", "witnessing")

// characterises reports whether the object of "described" or "called"
// carries the speaker's own judgement or account: "described seeing
// bodies …", "described the damage as "catastrophic"", "called the
// flooding "a disaster"". "described the plan" or "called a meeting" do
// not.
func characterises(verb, text string) bool {
	switch verb {
	case "described", "describes", "called", "calls":
	default:
		return false
	}
	t := strings.TrimSpace(text)
	if (verb == "described" || verb == "describes") && inSet(perceptionWords, firstWord(t)) {
		return true
	}
	if (verb == "described" || verb == "describes") && describedAs(t) {
		return true // "described the dead as villagers"
	}
	qs := quoteSpans(t)
	if len(qs) == 0 || qs[0].s == 0 || wordCount(t[:qs[0].s]) > 8 {
		return false
	}
	if verb == "described" || verb == "describes" {
		return strings.Contains(" "+t[:qs[0].s], " as ")
	}
	return true
}
