package liveblog

import "strings"

// A party's words often reach the page through someone else's document:
// "A Reuters report cited this statement from ISIS: "…"". The party
// speaks; the relay is only the channel.

// relayVerbs pass on a document ("cited this statement from X").
var relayVerbs = setOf("cited", "cites", "quoted", "quotes", "carried", "carries", "published", "publishes",
	"reproduced", "shared", "posted", "aired", "broadcast", "released", "issued")

// documentRelay reads "R cited (this|a) statement from X: C" and "R
// carried a message by X saying C" in a sentence without reporting verbs:
// X speaks, R relays. It returns nil for any other sentence.
func documentRelay(s, low string, qs []span, from int, ws []word) []rawFrame {
	if !strings.Contains(low, " from ") && !strings.Contains(low, " by ") {
		return nil // most sentences: no word looked up
	}
	for i := 1; i+4 < len(ws); i++ {
		if !relayVerbs[ws[i].lower] || ws[i].s < from || inSpans(qs, ws[i].s) {
			continue
		}
		k := i + 1
		if !determiners[ws[k].lower] {
			return nil
		}
		k++
		if !documentNouns[ws[k].lower] && !mediaNouns[ws[k].lower] && k+1 < len(ws) {
			k++ // "a new statement", "a video message"
		}
		if !documentNouns[ws[k].lower] && !mediaNouns[ws[k].lower] || k+2 >= len(ws) ||
			(ws[k+1].lower != "from" && ws[k+1].lower != "by") {
			return nil
		}
		// The party runs to a colon or to "saying".
		p := k + 2
		for p < len(ws) && p <= k+9 && ws[p].lower != "saying" && !strings.Contains(s[ws[p-1].e:ws[p].s], ":") &&
			!strings.Contains(s[ws[p-1].e:ws[p].s], ",") {
			p++
		}
		if p >= len(ws) || p == k+2 {
			return nil
		}
		var partyEnd, claimStart int
		switch {
		case ws[p].lower == "saying":
			partyEnd, claimStart = ws[p-1].e, ws[p].e
		case strings.Contains(s[ws[p-1].e:ws[p].s], ":"):
			partyEnd, claimStart = ws[p-1].e, ws[p-1].e+strings.IndexByte(s[ws[p-1].e:], ':')+1
		default:
			return nil
		}
		party := strings.TrimSpace(s[ws[k+2].s:partyEnd])
		claim, direct := cleanClaim(s[claimStart:])
		if claim == "" || wordCount(party) > maxSubjectWords {
			return nil
		}
		via := strings.TrimSpace(s[from:ws[i].e])
		if wordCount(via) > 8 {
			via = ws[i].text
		}
		return []rawFrame{{subject: party, claim: claim, direct: direct, verb: "said", via: via,
			channel: lowerASCII(ws[k].text), rule: ruleSpeakerVerbClaim, pos: ws[k+2].s}}
	}
	return nil
}

// documentBefore reports whether the participle at ws[i] follows a
// document ("a statement saying", "a video message claiming"), whose
// author then speaks.
func documentBefore(ws []word, i int) bool {
	return i > 0 && (documentNouns[ws[i-1].lower] || mediaNouns[ws[i-1].lower])
}

// claimsToHave reports whether "claimed to have downed" at ws[i] is an
// active claim about what the subject did, not a reduced passive ("two
// people claimed to have been killed").
func claimsToHave(ws []word, i int) bool {
	switch ws[i].lower {
	case "claim", "claims", "claimed":
	default:
		return false
	}
	return i+3 < len(ws) && ws[i+2].lower == "have" && ws[i+3].lower != "been" && (i == 0 || !passiveAuxiliaries[ws[i-1].lower])
}

// relayedSpeakers finishes a sentence's frames: a speaker "reports citing
// X" becomes X (withCitedSources), "the information provided by X" too
// (dataProvider), and "claimed to have downed …" reads "have downed …".
func relayedSpeakers(frames []rawFrame) []rawFrame {
	frames = withCitedSources(frames)
	for k := range frames {
		if p := dataProvider(frames[k].subject); p != "" {
			frames[k].subject = p // "Figures compiled by the monitor show …"
		}
		if c := frames[k].claim; hasPrefixFold(c, "to have ") && strings.HasPrefix(frames[k].verb, "claim") {
			frames[k].claim = c[len("to "):]
		}
	}
	return frames
}

// isDataVerb reports whether w says what figures or evidence show
// ("Figures released by the ministry show that …", "The information
// provided by officials indicates that …"); such a verb reports only after
// such a subject. A switch, not a map: it runs for every word.
func isDataVerb(w string) bool {
	switch w {
	case "show", "shows", "showed", "indicate", "indicates", "indicated":
		return true
	}
	return false
}

// dataProvider returns the party in a subject such as "The information
// provided by the local officials" (the officials), or "" when the subject
// names no provider of data.
func dataProvider(subj string) string {
	if !strings.Contains(subj, " by ") {
		return "" // most speakers: no words split
	}
	ws := wordsN(subj, 16)
	for k := 2; k+1 < len(ws); k++ {
		if ws[k].lower == "by" && (mediaParticiples[ws[k-1].lower] || ws[k-1].lower == "compiled" || ws[k-1].lower == "gathered" || ws[k-1].lower == "collected") &&
			(dataNouns[ws[k-2].lower] || mediaNouns[ws[k-2].lower]) {
			return strings.TrimSpace(subj[ws[k+1].s:])
		}
	}
	return ""
}

// describedAs reports whether the object of "described" characterises
// something without quotation marks: "the dead people as villagers", "the
// situation as calm" (a claim about it), not "the plan as well as the
// costs" or "the scene as he left".
func describedAs(t string) bool {
	ws := wordsN(t, 12)
	for k := 1; k+1 < len(ws) && k <= 8; k++ {
		if ws[k].lower != "as" {
			continue
		}
		next := ws[k+1].lower
		return !(next == "well" || next == "soon" || next == "far" || next == "long" || next == "much" ||
			subjectPronouns[next] || inSet(subordinators, next) || strings.ContainsAny(t[ws[0].s:ws[k].s], ",;:"))
	}
	return false
}
