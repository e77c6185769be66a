package liveblog

import "strings"

// officialKinds, before "account" or "version" in a caveat, name the kind
// of party whose words it could not check: "it was not possible to
// independently verify the official account of the incident" is about what
// officials said, whoever among them said it.
var officialKinds = setOf("official", "government", "military", "police", "army")

// accountNouns are what a kind of party's words are called after its
// adjective; a toll or figures are weighed by what they count instead.
var accountNouns = setOf("account", "accounts", "version", "versions")

// officialParty returns the kind of party whose account a caveat names
// ("the official account"), or "". It outweighs what the account is of
// ("… of the incident").
func officialParty(ws []word) string {
	for i := 1; i < len(ws); i++ {
		if accountNouns[ws[i].lower] && officialKinds[ws[i-1].lower] {
			return ws[i-1].lower
		}
	}
	return ""
}

// citedSourceCaveat reports whether a caveat is a relative clause on the
// source its own sentence cites: "…, according to differing accounts that
// could not be independently verified", "according to figures which could
// not be confirmed". It says nothing of the claims of other sentences.
func citedSourceCaveat(low string) bool {
	k := strings.Index(low, "according to ")
	if k < 0 {
		return false
	}
	rest := low[k:]
	c := strings.Index(rest, "verif")
	if j := strings.Index(rest, "confirm"); j >= 0 && (c < 0 || j < c) {
		c = j
	}
	if c < 0 {
		return false
	}
	between := rest[:c]
	return (strings.Contains(between, " that ") || strings.Contains(between, " which ")) && !strings.ContainsAny(between, ";:")
}

// ownSentence returns the claims of the caveat's own sentence, the last of
// them at end-1.
func ownSentence(items []*item, end int, c caveatAt) []*item {
	var out []*item
	for k := end - 1; k >= 0 && items[k].para == c.para && items[k].sent == c.sent; k-- {
		out = append(out, items[k])
	}
	return out
}
