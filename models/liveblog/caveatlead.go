package liveblog

import "strings"

// conflictWords, before the reports or claims a caveat names, say that
// they come from parties that disagree: "the conflicting reports" are
// every side's accounts, not one party's or the last one's.
var conflictWords = setOf("conflicting", "contradictory", "competing", "contrasting", "differing", "rival", "opposing")

// conflictingAccounts reports whether a caveat names the disagreeing
// accounts of the parties ("could not confirm the conflicting reports",
// "the contradictory claims could not be verified").
func conflictingAccounts(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if conflictWords[ws[i].lower] && storyNouns[ws[i+1].lower] {
			return true
		}
	}
	return false
}

// leadConflict reports whether caveat c names the conflicting accounts
// right after the lead (every claim before it in the entry's first
// paragraph of claims): the story then goes on to tell those accounts,
// so the caveat covers what follows as well as the lead. Further down,
// it covers the accounts before it only.
func leadConflict(items []*item, end int, c caveatAt) bool {
	return c.ref.conflict && c.ref.party == "" && end > 0 && items[end-1].para == items[0].para && c.para > items[0].para
}

// leadParties marks the items after end whose claimant shares a name word
// with a claimant of covered ("Russia and Ukraine" → "Russia's defence
// ministry"), so a lead's caveat follows its parties through the entry.
// With byName, only a name counts, not a role or a kind of body that
// another party may share ("Defence Ministry", "Officials").
func leadParties(items []*item, end int, covered []*item, caveat string, byName bool) {
	names := map[string]bool{}
	for _, it := range covered {
		for _, w := range words(it.claimant) {
			if byName && (personRoles[strings.TrimSuffix(w.lower, "s")] || orgWords[w.lower] || bodyModifiers[w.lower]) {
				continue
			}
			if !byName && len(w.lower) > 2 && !descStop[w.lower] && !personRoles[strings.TrimSuffix(w.lower, "s")] {
				// In the lead a party may be named by a common noun:
				// "Rebels" are "a rebel commander" later.
				names[strings.TrimSuffix(w.lower, "s")] = true
			}
			if isCapitalized(w.text) && len(w.lower) > 2 && !descStop[w.lower] {
				names[strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s")] = true
			}
		}
	}
	if len(names) == 0 {
		return
	}
	countries := map[int]bool{} // "Ukraine" in the lead is "Kyiv" further down
	for n := range names {
		if g, ok := partyAliases[n]; ok && !byName {
			countries[g] = true
		}
	}
	for k := end; k < len(items) && k-end < maxCaveatReach; k++ {
		for _, w := range words(items[k].claimant) {
			n := strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s")
			if g, ok := partyAliases[n]; names[n] || !byName && names[strings.TrimSuffix(n, "s")] || ok && countries[g] {
				mark(items[k:k+1], caveat)
				break
			}
		}
	}
}
