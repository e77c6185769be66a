package liveblog

import "strings"

// germanSubjunctives are verbs of reported speech (Konjunktiv I and II)
// and the adverbs that mark a sentence as still the source's account
// ("demnach").
var germanSubjunctives = setOf("sei", "seien", "habe", "hätten", "hätte", "wäre", "wären", "gebe", "gehe", "werde",
	"könne", "könnten", "müsse", "solle", "wolle", "dürfe", "richte", "gehöre", "liege", "stehe", "bleibe", "komme",
	"handele", "handle", "gelte", "fehle", "laufe", "demnach", "demzufolge", "stünden", "stünde", "gäbe", "gäben",
	"läge", "lägen", "käme", "kämen",
	"arbeite", "halte", "leiste", "erwarte", "beobachte", "fürchte", "bereite", "vertrete", "berichte",
	"müssten", "müsste", "würden", "würde", "drohe", "drohten")

// germanReportedSpeech reports whether a German sentence speaks in the
// subjunctive of reported speech outside quotations: it continues the
// account of the speaker before it.
func germanReportedSpeech(ws []word, qs []span) bool {
	if !isGermanSentence(ws) {
		return false
	}
	for k, w := range ws {
		if inSpans(qs, w.s) {
			continue
		}
		if germanSubjunctives[w.lower] || subjunctiveBesidePronoun(ws, k) {
			return true
		}
	}
	return subjunctiveAfterSubject(ws)
}

// subjunctiveBesidePronoun reports whether word k is a verb in the
// subjunctive next to its pronoun ("Zudem spreche er …", "man stehe …"):
// a lower-case word ending in -e that is no past tense (-te) or article.
func subjunctiveBesidePronoun(ws []word, k int) bool {
	w := ws[k].lower
	if len(w) < 4 || !strings.HasSuffix(w, "e") || strings.HasSuffix(w, "te") || germanFunctionWords[w] || isCapitalized(ws[k].text) {
		return false
	}
	near := func(j int) bool {
		return j >= 0 && j < len(ws) && (ws[j].lower == "er" || ws[j].lower == "es" || ws[j].lower == "man")
	}
	return near(k-1) || near(k+1)
}

// withSentenceBefore gives a frame that points back ("Das teilte das
// Parlament mit.") the sentence prev of para as its claim, and drops it
// when there is none. A German pronoun as a speaker ("…“, schrieb er";
// "Er betonte, …") is the speaker of the sentence before, or else the
// subject of that sentence ("Der Präsident Ilja Brandt dankte …"), or else
// the paragraph's last speaker, or else resolved like its English form.
func withSentenceBefore(frames []rawFrame, para string, prev span, spoke speakerBefore) []rawFrame {
	for k := 0; k < len(frames); k++ {
		if en, ok := germanPronoun(frames[k].subject); ok {
			frames[k].subject = en
			if spoke.name != "" {
				frames[k].subject = spoke.name
			}
			if prev.s >= 0 && !spoke.lastSentence {
				if subj := germanOpeningSubject(para[prev.s:prev.e]); subj != "" {
					frames[k].subject = subj
				}
			}
		}
		if !frames[k].back {
			continue
		}
		c := ""
		if prev.s >= 0 {
			c, frames[k].direct = cleanClaim(para[prev.s:prev.e])
		}
		if c == "" {
			frames = append(frames[:k], frames[k+1:]...)
			k--
			continue
		}
		frames[k].claim = c
	}
	return frames
}

// germanPronouns speak after their verb ("schrieb er"); they are resolved
// like their English forms.
var germanPronouns = map[string]string{"er": "he", "sie": "she"}

// germanPronoun returns the English form of a German pronoun speaker.
func germanPronoun(subject string) (string, bool) {
	if len(subject) > 3 {
		return "", false // most speakers: no lookup
	}
	en, ok := germanPronouns[subject]
	return en, ok
}

// speakerBefore is the last speaker of a paragraph so far: its name, and
// whether it spoke in the sentence just before.
type speakerBefore struct {
	name         string
	lastSentence bool
}

// paragraphSpeaker returns the speaker of the last claim found in
// paragraph pi before its sentence si.
func paragraphSpeaker(items []*item, pi, si int) speakerBefore {
	if len(items) == 0 {
		return speakerBefore{}
	}
	last := items[len(items)-1]
	if last.para != pi || last.si == nil {
		return speakerBefore{}
	}
	name := last.si.name
	if name == "" {
		name = last.si.role
	}
	return speakerBefore{name: name, lastSentence: name != "" && last.sent == si-1}
}

// isGermanPronounAt reports whether word k is "er" or "sie".
func isGermanPronounAt(ws []word, k int) bool {
	return k < len(ws) && (ws[k].lower == "er" || ws[k].lower == "sie")
}
