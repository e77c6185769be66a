package liveblog

import (
	"slices"
	"strings"
)

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
	"not possible to verify", "not possible to confirm", "no way to confirm", "no way of confirming",
	"we have not confirmed", "we haven't confirmed", "we have not verified", "we haven't verified",
	"difficult to verify", "hard to verify",
	"difficult to confirm", "hard to confirm", "difficult to corroborate",
}

// unnegatedCaveats are the caveat phrases without a negation word.
var unnegatedCaveats = []string{"unverifiable", "difficult to", "hard to"}

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
	if !mentionsChecking(low) {
		return germanCaveat(low)
	}
	ws := words(low)
	neg, indep, check, adjective := false, false, false, false
	for _, w := range ws {
		switch w.lower {
		case "not", "cannot", "unable", "incapable", "neither", "nor", "no", "none", "without", "never", "impossible":
			neg = true
		case "independently", "independent":
			indep = true
		}
		if strings.HasSuffix(w.lower, "n't") {
			neg = true
		}
		if unchecked[w.lower] {
			adjective = true
		}
		if strings.HasPrefix(w.lower, "verif") || strings.HasPrefix(w.lower, "confirm") ||
			strings.HasPrefix(w.lower, "corroborat") || strings.HasPrefix(w.lower, "authenticat") || adjective {
			check = true
		}
	}
	if !check {
		return false
	}
	if indep && neg {
		return true
	}
	if !neg && !adjective && !containsOneOf(low, unnegatedCaveats) {
		return false // "Police confirmed that …": every other form needs a negation
	}
	var b strings.Builder
	for _, w := range ws {
		if w.lower == "independently" || w.lower == "immediately" || w.lower == "immediate" || w.lower == "yet" {
			continue
		}
		b.WriteString(w.lower)
		b.WriteByte(' ')
	}
	flat := b.String()
	for _, p := range caveatPhrases {
		if strings.Contains(flat, p) {
			return true
		}
	}
	if noSourceConfirmed(ws) || neg && negatedCheck(flat) || uncheckedPredicate(ws) || impossibleCheck(flat) {
		return true
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
	ws := words(low)
	reach := 6 // how far into the sentence a scope word counts
	if expletiveIt(ws) {
		reach = 10 // "It was not immediately possible to confirm this"
	}
	for i, w := range ws {
		switch {
		case i == 0 && reach > 6:
			continue // "It was not possible to verify either claim"
		case w.lower == "both" || w.lower == "neither" || w.lower == "either":
			return scopePair
		case i < reach && singularNouns[w.lower]:
			return scopeSingular
		case i < reach && referringNouns[w.lower]:
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
	ref   caveatRef
	// media is the picture, video or statement the caveat names, as the
	// entry brought it in (see mediaCovers).
	media mediaIntro
}

// newCaveat reads the caveat sentence sent (low in lower case) at
// sentence si of paragraph pi of the entry's paras.
func newCaveat(sent, low string, paras []string, pi, si int) caveatAt {
	c := caveatAt{text: collapseSpaces(sent), scope: scopeOf(low), para: pi, sent: si, ref: referentOf(sent, low)}
	if c.ref.media || c.ref.statement {
		c.media = broughtIn(paras, pi, si, c.ref.statement)
	}
	return c
}

// caveatRef is what a caveat says it could not verify, beyond its scope
// word.
type caveatRef struct {
	// party is the one speaker whose claims it names ("the ministry's
	// figures", "claims by the rebels"), in lower case.
	party string
	// media: it is about pictures or video, not about claims ("Images,
	// which AFP could not verify, showed …").
	media bool
	// story: it names the reports or claims in general ("could not
	// verify the reports"), which in a paragraph of its own covers the
	// whole story.
	story bool
	// single: it names "the report", which covers the whole story only
	// when it closes it (no claim after it in the entry).
	single bool
	// figures: it names a toll or figures ("could not confirm the
	// toll"), which in a paragraph of its own covers the claims of the
	// story that give figures.
	figures bool
	// byAdjective: party comes from an adjective ("the Russian
	// accounts"), and the caveat also names the reports in general: if
	// no claimant of the entry is that party, it is a caveat on the
	// reports.
	byAdjective bool
	// happened: it names what happened ("could not verify what happened
	// in the district"): the event itself, so every report of it in the
	// entry, after the caveat as before it.
	happened bool
	// deaths: it names deaths or killings ("No official source has
	// confirmed the deaths"), which in a paragraph of its own covers the
	// claims of the story before it that report deaths.
	deaths bool
	// sides: it names the statements of every party ("statements from
	// either side", "claims by both sides"), which covers every claim of
	// the entry, before it or after it.
	sides bool
	// opening: it is a passive clause opening its sentence before another
	// statement ("The claim could not be confirmed, and X said …"): it
	// covers the claims before its sentence, not the one after it.
	opening bool
	// conflict: it names the disagreeing accounts ("the conflicting
	// reports"); right after the lead it covers the whole entry.
	conflict bool
	// casualties: the figures it names are of people killed or hurt
	// ("the toll", "the casualty figures"), not every number.
	casualties bool
	// statement: it names one statement ("this statement"), which
	// stands for the words of whoever issued it.
	statement bool
	// common: party is a common noun ("the group's claim"), which may
	// describe a claimant named otherwise ("Al-Shabab").
	common bool
	// ownSource: it qualifies the source its sentence cites ("…,
	// according to accounts that could not be verified"): that
	// sentence's claims only.
	ownSource bool
}

// sideNouns, after "either", "both", "all" or "neither", name the parties
// to a conflict.
var sideNouns = setOf("side", "sides", "party", "parties", "camp", "camps")

var figureNouns = setOf("toll", "tolls", "figure", "figures", "number", "numbers", "casualties", "count")

// givesFigure reports whether a claim states a number.
func givesFigure(claim string) bool {
	for i := 0; i < len(claim); i++ {
		if isDigit(claim[i]) && (i == 0 || claim[i-1] == ' ') {
			return true // a number as a word of its own: no need to split
		}
	}
	for _, w := range words(claim) {
		if isDigit(w.lower[0]) || (numberWords[w.lower] && w.lower != "a" && w.lower != "over" && w.lower != "up" && w.lower != "less" && w.lower != "fewer") {
			return true
		}
	}
	return false
}

var mediaNouns = setOf("image", "images", "video", "videos", "footage", "photo", "photos", "photograph",
	"photographs", "picture", "pictures", "clip", "clips", "recording", "recordings")

var storyNouns = setOf("reports", "claims", "accounts", "allegations", "statements", "assertions", "report", "events")

// partyNouns are what a party's claims are called after its name.
var partyNouns = setOf("figure", "figures", "claim", "claims", "account", "accounts", "toll", "report",
	"reports", "statement", "statements", "estimate", "estimates", "allegations", "assertion", "assertions", "numbers")

// referentOf reads what a caveat sentence refers to; low is sent in lower
// case.
func referentOf(sent, low string) caveatRef {
	var r caveatRef
	if head := openingCaveat(low); head != "" {
		r = referentOf(sent[:len(head)], head)
		r.opening = true
		return r
	}
	ws := wordsOf(sent, low, -1)
	claimNoun, media, checked := false, false, false
	for i, w := range ws {
		if !checked && (strings.HasPrefix(w.lower, "verif") || strings.HasPrefix(w.lower, "confirm") ||
			strings.HasPrefix(w.lower, "corroborat") || strings.HasPrefix(w.lower, "authenticat")) {
			checked = true
			r.media = media && !claimNoun
		}
		if mediaNouns[w.lower] || mediaNouns[possessor(w.lower)] {
			media = true // before the check: its subject; after it: its object
		}
		if figureNouns[w.lower] {
			r.figures = true
		}
		if tollWords[w.lower] {
			r.casualties = true // "the toll", "the casualty figures"
		}
		if deathNouns[w.lower] {
			r.deaths = true
		}
		if referringNouns[w.lower] && !mediaNouns[w.lower] && w.lower != "it" && w.lower != "this" && w.lower != "that" {
			claimNoun = true
		}
		if storyNouns[w.lower] && (i == 0 || !strings.HasSuffix(ws[i-1].lower, "'s") && !strings.HasSuffix(ws[i-1].lower, "’s")) &&
			!(i+1 < len(ws) && (ws[i+1].lower == "by" || ws[i+1].lower == "from" || ws[i+1].lower == "of")) {
			r.story = true
			r.single = w.lower == "report"
		}
		// "the ministry's figures"
		if partyNouns[w.lower] && i > 0 {
			p := ws[i-1].lower
			if q := possessor(p); q != "" && q != "it" {
				r.party, r.common = q, !isCapitalized(ws[i-1].text)
			}
		}
		// "the Russian accounts": a party named by its adjective, not
		// at the start of the sentence.
		if partyNouns[w.lower] && i > 1 && r.party == "" && isCapitalized(ws[i-1].text) && !descStop[ws[i-1].lower] &&
			!weekdaysAndMonths[ws[i-1].lower] {
			r.party, r.byAdjective = ws[i-1].lower, true
			if r.party == "s" && ws[i-2].lower == "u" {
				r.party = "u.s." // "The U.S. claims"
			}
		}
		// "claims by the rebels", "figures from the ministry"
		if partyNouns[w.lower] && i+2 < len(ws) && (ws[i+1].lower == "by" || ws[i+1].lower == "from" || ws[i+1].lower == "of") {
			k := i + 2
			if ws[k].lower == "the" && k+1 < len(ws) {
				k++
			}
			if !strings.HasPrefix(ws[k].lower, "verif") && !strings.HasPrefix(ws[k].lower, "confirm") {
				r.party = ws[k].lower
			}
		}
	}
	if !checked || media && !claimNoun && !r.story && r.party == "" {
		// "Northwire could not verify the footage"
		r.media = media && !claimNoun
	}
	for i := 0; i+1 < len(ws); i++ {
		// "could not verify what happened": the story's reports.
		if ws[i].lower == "what" && (ws[i+1].lower == "happened" || ws[i+1].lower == "took" ||
			ws[i+1].lower == "had" && i+2 < len(ws) && ws[i+2].lower == "happened") {
			r.story, r.single, r.happened = true, false, true
		}
	}
	for i := 1; i+1 < len(ws); i++ {
		// "statements from either side", "claims by both sides": the
		// sides are whose words could not be checked (not "as the two
		// sides met").
		switch ws[i].lower {
		case "either", "both", "all", "neither", "two", "warring":
			p := ws[i-1].lower
			if p == "the" && i > 1 {
				p = ws[i-2].lower
			}
			n := ws[i+1].lower
			q := possessor(n) // "either side's", "all sides’"
			if sideNouns[q] || q == "" && sideNouns[n] && (p == "from" || p == "by" || p == "of") {
				r.sides = true
			}
		}
	}
	if p := officialParty(ws); p != "" {
		r.party, r.common = p, true // "the official account of the incident": officials'
	}
	if r.party == "" {
		r.party = germanParty(ws) // "Die Angaben der ukrainischen Armee"
	}
	if r.sides {
		r.party, r.story = "", false
	}
	r.statement = r.party == "" && !r.story && namesOneStatement(ws)
	if r.party != "" {
		r.byAdjective, r.story = r.byAdjective && r.story, false
	}
	if r.party == "" && !r.sides && namesDetails(ws) {
		r.story, r.single = true, false
	}
	r.ownSource = citedSourceCaveat(low)
	if conflictingAccounts(ws) {
		// Accounts that conflict are more than one party's, wherever
		// they came from ("the conflicting reports from the port").
		r.story, r.single, r.conflict, r.party, r.byAdjective = true, false, true, "", false
	}
	return r
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
		for end < len(items) && (items[end].para < c.para || (items[end].para == c.para && (items[end].sent < c.sent || items[end].sent == c.sent && !c.ref.opening))) {
			end++
		}
		if partysOwnCheck(c.text, items) {
			continue
		}
		if c.ref.ownSource {
			mark(ownSentence(items, end, c), c.text)
			continue
		}
		if c.ref.common {
			if p := partyByDescription(items, end, c.ref.party); p != "" {
				c.ref.party = p
			}
		}
		if c.ref.byAdjective && !slices.ContainsFunc(items[max(0, end-maxCaveatReach):min(len(items), end+maxCaveatReach)],
			func(it *item) bool { return namesParty(it.claimant, c.ref.party) }) {
			c.ref.party, c.ref.story = "", true
		}
		if c.ref.sides {
			// "Statements from either side could not be verified":
			// every claim of the entry, wherever it stands.
			mark(slices.DeleteFunc(slices.Clone(items[max(0, end-maxCaveatReach):min(len(items), end+maxCaveatReach)]),
				func(it *item) bool { return neutralParty(it.claimant) }), c.text)
			continue
		}
		if end == 0 {
			if c.ref.party != "" {
				// "Northwire could not verify the ministry's figures"
				// opening the entry: the party's claims after it.
				mark(slices.DeleteFunc(slices.Clone(items[:min(len(items), maxCaveatReach)]),
					func(it *item) bool { return !namesParty(it.claimant, c.ref.party) }), c.text)
			}
			continue
		}
		var covered []*item
		para := items[end-1].para
		// What the caveat names decides first; when it names nothing
		// the claims fit, its scope word does.
		var named func(*item) bool
		switch {
		case c.ref.statement && c.media.poster != "":
			// "… cannot verify the authenticity of this statement"
			// after "a statement from the rebels": the rebels' words.
			named = mediaCovers(items, end, c)
		case c.ref.media:
			// About a picture: a claim in its own sentence or in the
			// picture, or its poster's (see mediaCovers).
			named = mediaCovers(items, end, c)
		case c.ref.party != "":
			// One party's claims, wherever they stand in the entry.
			named = func(it *item) bool { return namesParty(it.claimant, c.ref.party) }
		case c.ref.figures && para != c.para:
			// "AFP could not confirm the toll" on its own: every figure
			// given in the story before it.
			named = func(it *item) bool {
				return givesFigure(it.f.claim) && (!c.ref.casualties || reportsCasualties(it.f.claim))
			}
		case c.ref.deaths && para != c.para:
			// "No official source has confirmed the deaths" on its
			// own: every claim of the story before it that reports
			// deaths.
			named = func(it *item) bool { return reportsDeaths(it.f.claim) }
		case c.ref.story && para != c.para && (!c.ref.single || end == len(items)),
			c.ref.story && !c.ref.single && end == len(items) && items[end-1].sent != c.sent,
			c.ref.happened && c.ref.party == "" && items[end-1].sent != c.sent:
			// "Northwire could not verify the reports" in a paragraph
			// of its own, or closing the story, or "what happened"
			// after the last report: every report of the story before
			// it.
			named = func(*item) bool { return true }
		case c.ref.story && para != c.para:
			// "Reuters could not verify the report" on its own with
			// more claims after it: the report of the source that
			// spoke last.
			named = sameSource(items[end-1].claimant)
		}
		if named != nil {
			for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
				if named(items[k]) {
					covered = append(covered, items[k])
				}
			}
			if c.ref.party != "" && para != c.para {
				// "Reuters could not verify the Russian accounts" on
				// its own also covers the unnamed reports just before
				// it ("A second report said …"), back to another
				// party's claim.
				for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
					if named(items[k]) {
						continue
					}
					if namesAParty(items[k].claimant) {
						break
					}
					covered = append(covered, items[k])
				}
			}
			if c.ref.party != "" {
				// The party's claims after the caveat are as unchecked
				// as those before it.
				for k := end; k < len(items) && k-end < maxCaveatReach; k++ {
					if named(items[k]) {
						covered = append(covered, items[k])
					}
				}
			}
			if len(covered) > 0 || c.ref.media {
				mark(covered, c.text)
				if c.ref.story && c.ref.party == "" && !c.ref.figures {
					// "The reports cannot be verified" mid-story: what
					// the same sources report after it is no better
					// checked.
					leadParties(items, end, covered, c.text, true)
				}
				if c.ref.happened && c.ref.party == "" || leadConflict(items, end, c) {
					mark(items[end:min(len(items), end+maxCaveatReach)], c.text)
				}
				continue
			}
		}
		if para != c.para && c.para-para > 1 {
			continue // no claim in this or the previous paragraph
		}
		scope := c.scope
		last := items[end-1]
		if last.para == c.para && last.sent == c.sent && scope != scopePair {
			if c.ref.story && !c.ref.single {
				// "…," the spokesman added, although the reports could
				// not be confirmed": his reports, those just before too.
				mark(speakersRun(items, end), c.text)
				continue
			}
			scope = scopeSingular // "…, which could not be verified": its own sentence
		}
		switch scope {
		case scopeSingular:
			// "This could not be verified": the last claim, with the
			// rest of its sentence by the same speaker.
			for k := end - 1; k >= 0 && end-k <= maxCaveatReach; k-- {
				if items[k].para != last.para || items[k].sent != last.sent || items[k].claimant != last.claimant {
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
				if c.ref.figures && (!givesFigure(items[k].f.claim) || c.ref.casualties) && !reportsCasualties(items[k].f.claim) {
					continue // "Casualty tolls are impossible to confirm": not the dismissal beside them
				}
				covered = append(covered, items[k])
			}
		}
		mark(covered, c.text)
		inLead := c.para == 0 || c.para == items[0].para
		switch {
		case c.para == 0 && c.scope == scopePair || inLead && c.ref.story && !c.ref.single && c.ref.party == "":
			// A caveat in the lead ("Neither claim could be verified")
			// also covers what the entry goes on to say of the same
			// parties.
			leadParties(items, end, covered, c.text, false)
		}
	}
}

// mark flags items as unverifiable because of caveat. A refusal to say
// anything ("the navy would not comment on losses") reports no event, so
// no caveat about what happened covers it.
func mark(items []*item, caveat string) {
	for _, it := range items {
		if refusal(it.f.claim) {
			continue
		}
		it.unverifiable = true
		it.caveat = caveat
	}
}
