package liveblog

import "strings"

// "The health ministry announced 11 new confirmed cases and two deaths":
// a verb that otherwise names an act ("announced a ceasefire") puts a
// figure forward when its object is a count of people, cases or deaths,
// and the count is the claim.

// countedNouns are what a count in a verb's object counts.
var countedNouns = setOf("cases", "case", "deaths", "death", "dead", "fatalities", "casualties", "people", "persons",
	"victims", "infections", "injured", "wounded", "missing", "killed", "bodies", "soldiers", "civilians",
	"troops", "fighters", "militants", "rebels", "patients", "homes", "houses", "buildings")

// announcingVerbs are the verbs that name an act unless their object is a
// count; "found four bodies" is rescuers' work, not a figure put forward.
var announcingVerbs = setOf("announced", "announces", "posted", "tweeted", "declared")

// announcesCount reports whether verb is one of announcingVerbs and its
// object opens with a count (see opensWithCount).
func announcesCount(verb, text string) bool {
	return announcingVerbs[verb] && opensWithCount(text)
}

// opensWithCount reports whether an object opens with a number ("11",
// "two", "more than 40") and counts one of countedNouns within the next few
// words.
func opensWithCount(text string) bool {
	ws := wordsN(strings.TrimSpace(text), 9)
	k := 0
	for k < len(ws) && k < 3 && quantityWords[ws[k].lower] {
		k++ // "more than", "at least", "nearly"
	}
	if k >= len(ws) || !(isDigit(ws[k].lower[0]) || numberWords[ws[k].lower] && ws[k].lower != "a") {
		return false
	}
	for m := k + 1; m < len(ws) && m <= k+5; m++ {
		if countedNouns[ws[m].lower] {
			return true
		}
	}
	return false
}
