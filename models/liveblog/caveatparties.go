package liveblog

import "strings"

// namesParty reports whether a claimant names party, also by another form
// of the name ("Russian" in a caveat, "Russia's defence ministry" as the
// claimant).
func namesParty(claimant, party string) bool {
	if containsLower(claimant, party) {
		return true
	}
	if g, ok := partyAliases[party]; ok && sameCountry(lowerASCII(claimant), g) {
		return true
	}
	if len(party) < 4 {
		return false
	}
	for _, w := range wordsN(claimant, 24) {
		n := strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s")
		k := 0
		for k < len(n) && k < len(party) && n[k] == party[k] {
			k++
		}
		if k >= 4 && k >= min(len(n), len(party))-2 {
			return true
		}
	}
	return false
}

// sourceKinds, as the last word of a claimant, name a kind of source and
// no one who made it ("A second report", "A later navy bulletin").
var sourceKinds = setOf("report", "reports", "bulletin", "bulletins", "update", "updates", "message", "messages",
	"post", "posts", "dispatch", "communique", "statement", "statements", "channel", "account", "accounts")

// namesAParty reports whether a claimant names someone ("Kyiv's air force",
// "Officials", "the army") rather than only a kind of source ("A second
// report", "a report on Telegram": a channel names no one).
func namesAParty(claimant string) bool {
	ws := words(claimant)
	head := len(ws) - 1 // the last word before "on" or "via"
	for i, w := range ws {
		if w.lower == "on" || w.lower == "via" {
			head = i - 1
			break
		}
	}
	if head < 0 || sourceKinds[ws[head].lower] {
		return false
	}
	for i, w := range ws {
		if w.lower == "on" || w.lower == "via" {
			return false
		}
		if isCapitalized(w.text) && (i > 0 || !descStop[w.lower]) {
			return true
		}
		// A party named by what it is: "the army", "police", "rebels".
		if orgWords[w.lower] || commonSubjects[w.lower] || personRoles[strings.TrimSuffix(w.lower, "s")] {
			return true
		}
	}
	return false
}

// possessor returns the name before a possessive ending ("ministry" of
// "ministry's", "militants" of "militants'"), or "" when w is no
// possessive.
func possessor(w string) string {
	for _, end := range []string{"'s", "’s", "'", "’"} {
		if q := strings.TrimSuffix(w, end); q != w {
			return q
		}
	}
	return ""
}

// partyByDescription finds whom a caveat names by a common noun ("the
// group's claim", "the militants' claims") when no claimant has that noun
// in its name: the nearest speaker before end whose sentence describes it
// with the noun ("The militant group Al-Shabab said …"). It returns that
// claimant in lower case without its article, or "".
func partyByDescription(items []*item, end int, noun string) string {
	stem := strings.TrimSuffix(noun, "s")
	if len(stem) < 4 {
		return ""
	}
	for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
		if namesParty(items[k].claimant, noun) {
			return "" // the noun names a claimant already
		}
	}
	for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
		it := items[k]
		for _, w := range words(it.quote) {
			if strings.TrimSuffix(w.lower, "s") == stem && it.claimant != "" {
				c := lowerASCII(it.claimant)
				for _, a := range []string{"the ", "a ", "an "} {
					c = strings.TrimPrefix(c, a)
				}
				return c
			}
		}
	}
	return ""
}

// sameSource returns a test for the claims of the source that claimant
// names, by the head of its name ("the regional council" and "The
// council", "Denis Pushilin" and "Pushilin").
func sameSource(claimant string) func(*item) bool {
	ws := words(claimant)
	if len(ws) == 0 {
		return func(*item) bool { return false }
	}
	head := ws[len(ws)-1].lower
	return func(it *item) bool { return namesParty(it.claimant, head) }
}

// speakersRun returns the claims just before end by the speaker of the
// last one, back over at most the paragraph before its own.
func speakersRun(items []*item, end int) []*item {
	last := items[end-1]
	var run []*item
	for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
		if items[k].claimant != last.claimant || items[k].para < last.para-1 {
			break
		}
		run = append(run, items[k])
	}
	return run
}

// countryNames are the names a state's claims go by in wire copy: the
// country, its adjective, its capital, the seat of its government.
var countryNames = [][]string{
	{"russia", "russian", "russians", "moscow", "kremlin"},
	{"ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"},
	{"u.s.", "us", "usa", "american", "americans", "washington", "pentagon"},
	{"britain", "british", "uk", "london"},
	{"china", "chinese", "beijing"},
	{"israel", "israeli", "israelis", "jerusalem", "idf"},
	{"iran", "iranian", "iranians", "tehran"},
	{"syria", "syrian", "damascus"},
	{"turkey", "turkish", "ankara"},
	{"iraq", "iraqi", "baghdad"},
	{"afghanistan", "afghan", "kabul"},
	{"pakistan", "pakistani", "islamabad"},
	{"india", "indian", "delhi"},
	{"ethiopia", "ethiopian", "addis"},
	{"sudan", "sudanese", "khartoum"},
	{"egypt", "egyptian", "cairo"},
	{"saudi", "riyadh"},
	{"france", "french", "paris"},
	{"germany", "german", "berlin"},
	{"japan", "japanese", "tokyo"},
	{"armenia", "armenian", "yerevan"},
	{"azerbaijan", "azerbaijani", "baku"},
}

// partyAliases gives each name of countryNames its group's index.
var partyAliases = func() map[string]int {
	m := map[string]int{}
	for g, names := range countryNames {
		for _, n := range names {
			m[n] = g
		}
	}
	return m
}()

// sameCountry reports whether low (a claimant in lower case) names the
// country of group g by any of its names ("Moscow" for "Russia's").
func sameCountry(low string, g int) bool {
	low = strings.ReplaceAll(low, "u.s.", "us ")
	for _, w := range words(low) {
		if a, ok := partyAliases[strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s")]; ok && a == g {
			return true
		}
	}
	return false
}

// neutralWords name a body that is no side of a conflict: an aid agency,
// the United Nations, a weather or earthquake service.
var neutralWords = setOf("un", "u.n", "unicef", "unhcr", "who", "icrc", "aid", "charity", "relief", "humanitarian",
	"refugee", "refugees", "red", "msf", "weather", "meteorological", "seismological", "met")

// neutralParty reports whether a claimant is a body that takes no side
// ("The UN refugee agency", "the aid group"), which a caveat on the
// claims of "either side" does not cover.
func neutralParty(claimant string) bool {
	ws := words(claimant)
	for i, w := range ws {
		switch {
		case neutralWords[w.lower] && (w.lower != "red" || i+1 < len(ws) && (ws[i+1].lower == "cross" || ws[i+1].lower == "crescent")):
			return true
		case w.lower == "united" && i+1 < len(ws) && ws[i+1].lower == "nations":
			return true
		}
	}
	return false
}

// containsLower reports whether s, lowered, contains low (in lower case),
// without making a lowered copy of s: it runs for every claim a caveat
// looks at.
func containsLower(s, low string) bool {
	for i := 0; i+len(low) <= len(s); i++ {
		k := 0
		for k < len(low) {
			c := s[i+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != low[k] {
				break
			}
			k++
		}
		if k == len(low) {
			return true
		}
	}
	return false
}
