package liveblog

import "strings"

// sayThenCopula are the statement verbs of "what X said was Y": the
// characterisation follows a copula.
var sayThenCopula = setOf("said", "says", "say", "claimed", "claims", "claim", "alleged", "alleges",
	"insisted", "insists", "maintained", "maintains", "believed", "believes")

// callVerbs name a thing directly: "what officials are calling Y".
var callVerbs = setOf("called", "calls", "call", "calling", "termed", "terms", "branded", "brands",
	"labelled", "labeled", "dubbed", "dubs")

// vagueQuantifiers stand for a speaker no one can be asked about: "some",
// "many", "others", alone or with a place ("some in the region").
var vagueQuantifiers = setOf("some", "many", "others", "few", "several", "most")

// characterisationVerbs open the characterisation after a statement verb.
var characterisationVerbs = setOf("was", "were", "is", "are", "would", "will", "had", "has", "have")

// characterisations returns the claims a party makes in a relative clause
// that characterises part of a sentence: "Troops shot two men in what the
// ministry claimed was a confrontation" (the ministry: troops shot two men
// in a confrontation), "millions are battling what officials are calling
// the worst floods in a decade", "a raid on Saturday that it said was an
// attempt to kill the commander" (a pronoun is the sentence's subject).
// The claim is the clause around it with the attribution taken out; inside
// another frame's claim it starts where that claim starts.
func characterisations(s, low string, from int, qs []span, ws []word, frames []rawFrame) []rawFrame {
	var out []rawFrame
	checked := false // the test of the text below, made once a word asks for it
	for i, w := range ws {
		if w.s <= from || (w.lower != "what" && w.lower != "that" && w.lower != "which") || inSpans(qs, w.s) {
			continue
		}
		if !checked {
			if !strings.Contains(low, "what ") && !strings.Contains(low, " that ") && !strings.Contains(low, " which ") {
				return nil
			}
			checked = true
		}
		f, ok := characterisation(s, from, qs, ws, i, frames)
		if ok {
			out = append(out, f)
		}
	}
	return out
}

// characterisation reads the clause opened by the relative word ws[i].
func characterisation(s string, from int, qs []span, ws []word, i int, frames []rawFrame) (rawFrame, bool) {
	// The speaker: up to six words with no verb among them.
	j := i + 1
	for j < len(ws) && j-i <= 6 && !sayThenCopula[ws[j].lower] && !callVerbs[ws[j].lower] {
		if strings.ContainsAny(s[ws[j-1].e:ws[j].s], ",;:()") || (auxiliaries[ws[j].lower] && j+1 < len(ws) && !callVerbs[ws[j+1].lower]) {
			return rawFrame{}, false
		}
		j++
	}
	if j >= len(ws) || j == i+1 || j-i > 6 {
		return rawFrame{}, false
	}
	speakerEnd := j
	for speakerEnd > i+1 && auxiliaries[ws[speakerEnd-1].lower] {
		speakerEnd--
	}
	speaker := s[ws[i+1].s:ws[speakerEnd-1].e]
	if first := ws[i+1].lower; !startsNounPhrase(speaker) && !pronouns[first] && !determiners[first] && !commonSubjects[first] {
		return rawFrame{}, false
	}
	verb := ws[j].lower
	if vagueQuantifiers[ws[i+1].lower] && (speakerEnd == i+2 || ws[i+2].lower == "in" || ws[i+2].lower == "of") {
		return rawFrame{}, false // "what some in the region say is …": no one to ask
	}
	if pronouns[ws[i+1].lower] && speakerEnd == i+2 && (verb == "say" || verb == "says") {
		// "struck in what they say is solidarity with …": a party's
		// standing account of its own motive, background to the report.
		return rawFrame{}, false
	}
	restAt := j + 1
	if sayThenCopula[verb] {
		if restAt >= len(ws) || !characterisationVerbs[ws[restAt].lower] {
			return rawFrame{}, false
		}
		restAt++
		if restAt < len(ws) && (ws[restAt].lower == "be" || ws[restAt].lower == "been") {
			restAt++
		}
	} else if verb == "calling" && speakerEnd == j {
		return rawFrame{}, false // "what calling …": no auxiliary, no statement
	}
	if restAt >= len(ws) || inSpans(qs, ws[j].s) {
		return rawFrame{}, false
	}
	rest := s[ws[restAt].s:]
	if e := strings.IndexAny(rest, ",;()"); e >= 0 {
		rest = rest[:e]
	}
	if e := strings.Index(rest, " – "); e >= 0 {
		rest = rest[:e]
	}
	if e := strings.Index(rest, " — "); e >= 0 {
		rest = rest[:e]
	}
	rest = strings.TrimRight(rest, " .!?")
	if wordCount(rest) < 2 || strings.HasPrefix(rest, "not ") {
		return rawFrame{}, false
	}
	rel := ws[i]
	start := from
	outer := "" // the speaker whose claim holds the characterisation
	for _, f := range frames {
		if k := strings.Index(s, f.claim); f.claim != "" && k >= 0 && k <= rel.s && rel.s < k+len(f.claim) {
			start, outer = k, f.subject
		}
	}
	prefix := strings.TrimSpace(s[start:rel.s])
	if k := strings.LastIndexAny(prefix, ",;:"); k >= 0 && start == from {
		prefix = strings.TrimSpace(prefix[k+1:])
	}
	prefix = strings.TrimRight(prefix, ",")
	claim := rest
	switch {
	case prefix == "" || (wordCount(prefix) == 1 && placePrepositions[lowerASCII(prefix)]):
	case rel.lower == "what":
		claim = prefix + " " + rest
	default:
		claim = prefix + ", " + rest
	}
	if pronouns[lowerASCII(speaker)] && outer != "" && !pronouns[lowerASCII(outer)] {
		// "The office said that most victims were children, in what it
		// called a massacre": "it" is the office, not the victims.
		speaker = outer
	} else if pronouns[lowerASCII(speaker)] {
		sc := &sentenceScan{s: s, low: lowerASCII(s), qs: qs}
		if subj := initialNounPhrase(sc, start, rel.s); subj != "" {
			speaker = subj
		}
	}
	return rawFrame{subject: speaker, claim: claim, verb: ws[j].text, rule: ruleCharacterised, pos: ws[j].s}, true
}
