package liveblog

import "strings"

// callingTrigger reads "…, calling it X" / "…, calling them X" after a
// main clause as a participle that characterises what the clause named:
// the sentence's subject claims it was X. "Calling for calm" and "calling
// on residents to leave" are appeals, not claims, and give no trigger.
func callingTrigger(ws []word, i int) (trigger, bool) {
	if ws[i].lower != "calling" || i == 0 || i+2 >= len(ws) || (ws[i+1].lower != "it" && ws[i+1].lower != "them") {
		return trigger{}, false
	}
	return trigger{vs: ws[i].s, ve: ws[i].e, info: verbInfo{kind: vSay, display: "called", part: true}}, true
}

// callingClaim writes the object of "calling it X" as a claim: "it was
// X" / "they were X".
func callingClaim(text string) string {
	t := strings.TrimSpace(text)
	switch {
	case hasPrefixFold(t, "it "):
		return "it was " + strings.TrimSpace(t[3:])
	case hasPrefixFold(t, "them "):
		return "they were " + strings.TrimSpace(t[5:])
	}
	return text
}
