package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// headNouns make a name an institution that takes "the": "Russian Defense
// Ministry", "Civil Rescue Corps", "Interior ministry".
var headNouns = wordSet(`ministry ministries department office agency council committee commission army forces
	force command militia service services government administration police guard corps institute authority
	authorities embassy parliament senate court bureau directorate brigade battalion regiment staff headquarters
	secretariat organization organisation coalition federation movement front mission observatory centre center
	hospital university navy fleet cabinet presidency kremlin pentagon prosecutor's prosecutors inspectorate
	administration secretariat delegation consulate municipality company group party union alliance board
	network association agency's legion battalions brigades`)

// titleWords are the words of a title ("Governor", "Prime Minister",
// "Deputy Foreign Minister"), lowered inside the line.
var titleWords = wordSet(`governor president vice mayor minister prime deputy foreign defence defense interior
	spokesman spokeswoman spokesperson commander head chief leader director secretary ambassador envoy
	chairman chairwoman chair speaker general lieutenant colonel major captain official officials adviser
	advisor aide representative member members senior regional acting former special state national
	health press military police fire rescue emergency emergencies justice finance economy energy
	chief's spokesperson's coordinator administrator prosecutor inspector mp lawmaker governor's`)

// kinds of source that are institutions.
var institutionKinds = wordSet(`government military intelligence armed_group ngo company media`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits s at spaces.
func words(s string) []string { return strings.Fields(s) }

// possessive reports whether w is a possessive ("London's", "its").
func possessive(w string) bool {
	lw := strings.ToLower(w)
	switch lw {
	case "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "s'") || strings.HasSuffix(lw, "s’")
}

// hasArticle reports whether s starts with an article or determiner.
func hasArticle(s string) bool {
	switch strings.ToLower(firstWord(s)) {
	case "the", "a", "an", "one", "some", "several", "two", "three", "this", "that", "these", "those":
		return true
	}
	return false
}

// institutional reports whether a claimant is an institution rather than a
// person: by its kind, or by a head noun in its name.
func institutional(name, kind string) bool {
	// A head noun wins over the kind: an import's guess of the kind may call
	// "Civil Rescue Corps" a person, but no person is named "Corps".
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(kind)), " ", "_")
	for _, w := range words(name) {
		if headNouns[strings.ToLower(strings.Trim(w, ".,;:()"))] {
			return k != "anonymous"
		}
	}
	return institutionKinds[k] && hasArticle(name)
}

// NameWithArticle is the claimant's name as the line writes it: with "the"
// for an institution or a title, a leading "The" lowered unless the name is
// a publication's ("The New York Times" keeps it).
func NameWithArticle(name, kind string) string {
	n := strings.TrimSpace(name)
	ws := words(n)
	if len(ws) == 0 {
		return n
	}
	first := ws[0]
	switch {
	case strings.EqualFold(first, "the") || strings.EqualFold(first, "a") || strings.EqualFold(first, "an"):
		if strings.EqualFold(kind, "media") && first == "The" {
			return n
		}
		return lowerFirst(n)
	case possessive(first), acronym(first) && len(ws) == 1:
		return n
	case !upperStart(first) && !acronym(first):
		// A description in lower case ("national rail operator").
		return "the " + n
	case isTitle(ws):
		return "the " + lowerTitle(n)
	case institutional(n, kind):
		return "the " + n
	}
	return n
}

// isTitle reports whether a name is a title rather than a person's name:
// title words up to "of" or "for" ("Governor of Smolensk").
func isTitle(ws []string) bool {
	for i, w := range ws {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "for" {
			return i > 0
		}
		if !titleWords[lw] {
			return false
		}
	}
	return false
}

// lowerTitle lowers the title words at the start of s ("Prime Minister of
// Israel" → "prime minister of Israel"), keeping proper nouns and acronyms.
func lowerTitle(s string) string {
	ws := words(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if !titleWords[lw] && lw != "of" && lw != "for" && lw != "the" {
			break
		}
		if !acronym(w) {
			ws[i] = lw
		}
	}
	return strings.Join(ws, " ")
}

// RoleWithArticle is a role as an appositive: "Governor of Belgorod region" →
// "the governor of Belgorod region", "China's special envoy" as it is,
// "Ukrainian military spokesman" → "the Ukrainian military spokesman".
func RoleWithArticle(role string) string {
	r := strings.TrimSpace(role)
	ws := words(r)
	if len(ws) == 0 {
		return r
	}
	switch {
	case possessive(ws[0]):
		return r
	case hasArticle(r) && (strings.EqualFold(ws[0], "the") || strings.EqualFold(ws[0], "a") || strings.EqualFold(ws[0], "an")):
		return lowerFirst(r)
	}
	return "the " + lowerTitle(r)
}

// acronym reports whether w is written in capitals ("UN", "NATO", "IAEA").
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// upperStart reports whether s starts with a capital letter.
func upperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
