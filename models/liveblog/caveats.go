package liveblog

import "strings"

// caveatScope says which claims a caveat sentence refers to.
type caveatScope int

const (
	scopePlural   caveatScope = iota // "these figures", "the information": the paragraph's claims
	scopeSingular                    // "the figure", "the claim": the last statement
	scopePair                        // "both", "neither": the last two accounts
)

// caveatPhrases say, without the word "independently", that something could
// not be checked. Matched after "independently", "immediately" and "yet" are
// dropped.
var caveatPhrases = []string{
	"not been able to verify", "not been able to confirm", "unable to verify", "unable to confirm",
	"could not verify", "could not confirm", "couldn't verify", "couldn't confirm", "cannot verify",
	"cannot confirm", "can't verify", "can't confirm", "can not verify", "can not confirm",
	"not able to verify", "not able to confirm", "no way to verify", "no way of verifying",
	"impossible to verify", "did not verify", "could not be verified", "could not be confirmed",
	"cannot be verified", "cannot be confirmed", "can't be verified", "can not be verified",
	"could not be corroborated", "could not be authenticated", "remains unverified", "remain unverified",
	"remains unconfirmed", "remain unconfirmed", "not verifiable", "unverifiable", "no independent verification",
	"no independent confirmation", "has not verified", "have not verified", "had not verified",
}

// referringNouns make "has not been verified" a caveat about claims (and not
// about, say, videos).
var referringNouns = setOf("claim", "claims", "figure", "figures", "number", "numbers", "toll", "information",
	"report", "reports", "statement", "statements", "account", "accounts", "allegation", "allegations",
	"assertion", "assertions", "this", "these", "it", "that", "those", "both", "neither", "details", "data",
	"estimate", "estimates", "death", "casualty", "casualties")

var singularNouns = setOf("claim", "figure", "number", "toll", "statement", "account", "report",
	"assertion", "allegation", "estimate", "this", "that", "it")

// isCaveat reports whether a sentence says that what came before could not
// be independently verified or confirmed.
func isCaveat(low string) bool {
	if !strings.Contains(low, "verif") && !strings.Contains(low, "confirm") &&
		!strings.Contains(low, "corroborat") && !strings.Contains(low, "authenticat") {
		return false
	}
	ws := words(low)
	var b strings.Builder
	neg, indep, check := false, false, false
	for _, w := range ws {
		switch w.lower {
		case "not", "cannot", "unable", "neither", "nor", "no", "without", "never", "impossible":
			neg = true
		case "independently", "independent":
			indep = true
		}
		if strings.HasSuffix(w.lower, "n't") {
			neg = true
		}
		if strings.HasPrefix(w.lower, "verif") || strings.HasPrefix(w.lower, "confirm") ||
			strings.HasPrefix(w.lower, "corroborat") || strings.HasPrefix(w.lower, "authenticat") {
			check = true
		}
		if w.lower == "independently" || w.lower == "immediately" || w.lower == "yet" {
			continue
		}
		b.WriteString(w.lower)
		b.WriteByte(' ')
	}
	if !check {
		return false
	}
	if indep && neg {
		return true
	}
	flat := b.String()
	for _, p := range caveatPhrases {
		if strings.Contains(flat, p) {
			return true
		}
	}
	// "The figures have not been verified": only about claims.
	if strings.Contains(flat, "not been verified") || strings.Contains(flat, "not been confirmed") {
		for i, w := range ws {
			if i > 4 {
				break
			}
			if referringNouns[w.lower] {
				return true
			}
		}
	}
	return false
}

// scopeOf reads which claims a caveat covers from its wording.
func scopeOf(low string) caveatScope {
	for i, w := range words(low) {
		switch {
		case w.lower == "both" || w.lower == "neither" || w.lower == "either":
			return scopePair
		case i < 6 && singularNouns[w.lower]:
			return scopeSingular
		case i < 6 && referringNouns[w.lower]:
			return scopePlural
		}
	}
	return scopePlural
}

// caveatAt is a caveat sentence and where it stands in its entry.
type caveatAt struct {
	text  string
	scope caveatScope
	para  int
	sent  int
}

// maxCaveatReach bounds how many earlier claims a caveat looks back over.
const maxCaveatReach = 50

// applyCaveats marks the claims each caveat covers: the claims before it in
// its paragraph (plural), the last statement (singular) or the last two
// accounts (both/neither); when the caveat stands in a paragraph of its own,
// the paragraph before.
func applyCaveats(items []*item, caveats []caveatAt) {
	// Caveats and items are both in text order, so the end of the claims
	// before each caveat only moves forward: one pass over the items for
	// all caveats, not one per caveat.
	end := 0
	for _, c := range caveats {
		// Claims before the caveat in the entry, nearest first.
		for end < len(items) && (items[end].para < c.para || (items[end].para == c.para && items[end].sent <= c.sent)) {
			end++
		}
		if end == 0 {
			continue
		}
		var covered []*item
		para := items[end-1].para
		if para != c.para && c.para-para > 1 {
			continue // no claim in this or the previous paragraph
		}
		scope := c.scope
		if last := items[end-1]; last.para == c.para && last.sent == c.sent && scope != scopePair {
			scope = scopeSingular // "…, which could not be verified": its own sentence
		}
		switch scope {
		case scopeSingular:
			last := items[end-1]
			for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
				if items[k].para != last.para || items[k].sent != last.sent {
					break
				}
				covered = append(covered, items[k])
			}
		case scopePair:
			for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
				if items[k].para != para && len(covered) >= 2 {
					break
				}
				if items[k].para != para {
					para = items[k].para
				}
				covered = append(covered, items[k])
			}
		default:
			for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
				if items[k].para != para {
					break
				}
				covered = append(covered, items[k])
			}
		}
		for _, it := range covered {
			it.unverifiable = true
			it.caveat = c.text
		}
	}
}
