package liveblog

// asPerTrigger reads Indian English "as per X" ("…, as per the India
// Meteorological Department") as "according to X" when ws[i] is "as",
// "per" follows and X names a source: a capitalised name, or officials,
// reports, sources and the like. "As per the norms" names a rule, not a
// source, and gives no trigger.
func asPerTrigger(ws []word, i int) (trigger, bool) {
	if ws[i].lower != "as" || i+2 >= len(ws) || ws[i+1].lower != "per" {
		return trigger{}, false
	}
	for k := i + 2; k < len(ws) && k < i+10; k++ {
		w := ws[k]
		if isCapitalized(w.text) || commonSubjects[w.lower] || orgWords[w.lower] {
			return trigger{vs: ws[i].s, ve: ws[i+1].e, info: verbInfo{kind: vAccording, display: "as per"}}, true
		}
		if !determiners[w.lower] && k > i+3 {
			break
		}
	}
	return trigger{}, false
}
