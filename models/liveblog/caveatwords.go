package liveblog

import "strings"

// refusalPhrases, early in a claim, make it a refusal to give information
// rather than an account of events.
var refusalPhrases = []string{"would not respond", "would not comment", "would not provide", "will not comment",
	"will not provide", "declined to", "refused to", "did not comment", "unable to provide", "no update",
	"not able to provide"}

// refusal reports whether a claim only says that its claimant would not
// or could not say anything ("it would not respond to any claims", "was
// unable to provide any update on a report").
func refusal(claim string) bool {
	ws := wordsN(claim, 10)
	if len(ws) == 0 {
		return false
	}
	head := claim[:ws[len(ws)-1].e]
	for _, p := range refusalPhrases {
		if hasPhraseLower(head, p) { // " "+p+" " in " "+head+" ", in any case
			return true
		}
	}
	return false
}

var deathNouns = setOf("death", "deaths", "killing", "killings", "fatalities", "dead")

// reportsDeaths reports whether a claim says that people died.
func reportsDeaths(claim string) bool { return hasStem(claim, deathStems) }

var deathStems = []string{"kill", "died", "dead", "death", "fatalit"}

// confirmingSources are who "No … has confirmed" names when the text says
// nobody has confirmed what it reports.
var confirmingSources = setOf("source", "sources", "official", "officials", "one", "authority", "authorities")

// noSourceConfirmed reads "No official source has yet confirmed the
// deaths": the sentence opens with "No", names a source, and says it has
// confirmed or verified.
func noSourceConfirmed(ws []word) bool {
	if len(ws) < 4 || ws[0].lower != "no" {
		return false
	}
	for i := 1; i+1 < len(ws) && i < 5; i++ {
		if !confirmingSources[ws[i].lower] {
			continue
		}
		k := i + 1
		if confirmingSources[ws[k].lower] {
			continue // "official source"
		}
		if ws[k].lower != "has" && ws[k].lower != "have" {
			return false
		}
		k++
		if k < len(ws) && ws[k].lower == "yet" {
			k++
		}
		return k < len(ws) && (strings.HasPrefix(ws[k].lower, "confirm") || strings.HasPrefix(ws[k].lower, "verif"))
	}
	return false
}

// bodyModifiers name the kind of a body that several parties have ("the
// Defence Ministry" of either side).
var bodyModifiers = setOf("defence", "defense", "foreign", "interior", "health", "military", "armed", "air",
	"national", "security", "emergency", "emergencies", "general", "staff")
