package liveblog

import "strings"

// German news puts a claim in the object of verbs that English would not
// call reporting verbs ("Die Ukraine gibt die Verluste niedriger an",
// "Selenskyj sprach von 3000 Toten", "Söder erwähnte sieben Vermisste"),
// and in clauses whose order the frames of germanframes.go do not read: a
// subordinate clause with its verb last ("Während Russland von 500 Toten
// berichtete, …"), the main clause after it ("…, behauptete die Ukraine,
// dass C"), a pronoun after a comma ("…, er erklärte aber, dass C") and a
// speaker given with an apposition ("Der Leiter des Zentrums, Raed Ahmed,
// sagte, C").

// germanObjectVerbs maps a verb whose object is the claim to what must
// follow it: "an" closing the sentence (separable "angeben"), "von" soon
// after it ("sprach von"), "als" soon after it ("beschreiben ihn als
// zurückgezogen"), "#" a figure and the subject after the verb ("Seit
// Februar zählt die Ukraine 5900 …"), "" nothing.
var germanObjectVerbs = map[string]string{
	"gibt": "an", "gab": "an", "geben": "an", "gaben": "an",
	"sprach": "von", "spricht": "von", "sprachen": "von", "sprechen": "von",
	"erwähnte": "", "erwähnt": "", "erwähnten": "",
	"zählt": "#", "zählte": "#", "zählen": "#", "zählten": "#",
	"beklagt": "", "beklagte": "", "beklagen": "", "beklagten": "",
	"erwartet": "", "erwartete": "", "erwarten": "", "erwarteten": "",
	"beschreibt": "als", "beschrieb": "als", "beschreiben": "als", "beschrieben": "als",
}

// germanSubjectAdverbs may stand between a subject and its verb ("Die
// Ukraine selbst gibt …", "Moskau wiederum gibt …").
var germanSubjectAdverbs = setOf("selbst", "wiederum", "hingegen", "dagegen", "indes", "jedoch", "ihrerseits",
	"seinerseits", "allerdings", "aber", "nun", "bislang", "bisher", "zuletzt", "inzwischen")

// germanNoSubjects are capitalised first words that are no speaker.
var germanNoSubjects = setOf("es", "das", "dies", "man", "hier", "dort", "da", "so", "damit", "dabei")

// germanSubjectEnd reads the subject at the start of a clause: a noun
// phrase, maybe a second one joined by "und" ("Das Weiße Haus und das
// Pentagon"), maybe an adverb after it. It returns where the phrase ends
// and where the verb should stand; end == first when there is none.
func germanSubjectEnd(s string, ws []word, first int) (end, next int) {
	end = germanNP(s, ws, first)
	if end == first || germanNoSubjects[ws[first].lower] && end == first+1 || germanOpeningAdverbs[ws[first].lower] {
		return first, first // "Zugleich beklagte der Präsident …": the subject follows the verb
	}
	if end+1 < len(ws) && ws[end].lower == "und" && joined(s, ws, end) && joined(s, ws, end+1) {
		if e := germanNP(s, ws, end+1); e > end+1 {
			end = e
		}
	}
	next = end
	if next < len(ws) && germanSubjectAdverbs[ws[next].lower] && joined(s, ws, next) {
		next++
	}
	return end, next
}

// germanObjectFrame reads a sentence whose claim is the object of one of
// germanObjectVerbs: the sentence itself is the claim.
func germanObjectFrame(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	vi := -1
	need := ""
	for k := first + 1; k < len(ws); k++ {
		if n, ok := germanObjectVerbs[ws[k].lower]; ok && !inSpans(qs, ws[k].s) {
			vi, need = k, n
			break
		}
	}
	if vi < 0 {
		return rawFrame{}, false
	}
	switch need {
	case "an":
		if ws[len(ws)-1].lower != "an" || strings.ContainsAny(s[ws[vi].e:ws[len(ws)-1].s], ",;:") {
			return rawFrame{}, false
		}
	case "von":
		ok := false
		for k := vi + 1; k < len(ws) && k < vi+10 && !strings.ContainsAny(s[ws[k-1].e:ws[k].s], ",;:"); k++ {
			if ws[k].lower == "mit" || ws[k].lower == "über" {
				break // "sprach mit X", "sprach über Y": a meeting, a subject
			}
			if ws[k].lower == "von" || ws[k].lower == "vom" {
				ok = k+1 < len(ws)
				break
			}
		}
		if !ok {
			return rawFrame{}, false
		}
	case "#":
		if !strings.ContainsAny(s[ws[vi].e:], "0123456789") {
			return rawFrame{}, false
		}
	case "als":
		ok := false // "Nachbarn beschreiben ihn als zurückgezogen"
		for k := vi + 1; k < len(ws) && k < vi+6; k++ {
			ok = ok || ws[k].lower == "als"
		}
		if !ok {
			return rawFrame{}, false
		}
	}
	f := rawFrame{verb: ws[vi].text, pos: ws[vi].s, rule: ruleSpeakerVerbClaim}
	if end, next := germanSubjectEnd(s, ws, first); next == vi && end > first && need != "#" {
		f.subject = withoutArticle(s[ws[first].s:ws[end-1].e])
	} else if vi-first >= 1 && vi+1 < len(ws) && joined(s, ws, vi+1) && (need != "#" || germanArticles[ws[vi+1].lower]) {
		// the subject after the verb: "Seit Februar zählt die Ukraine …"
		f.subject, _ = germanSpeakerAfter(s, qs, ws, vi+1)
		f.rule = ruleClaimVerbSpeaker
	}
	if f.subject == "" {
		return rawFrame{}, false
	}
	f.claim, f.direct = cleanClaim(s[ws[first].s:])
	return f, f.claim != ""
}

// germanClauseOpeners open a subordinate clause whose verb comes last
// ("Während Russland von 500 Toten berichtete, …").
var germanClauseOpeners = setOf("während", "nachdem", "obwohl", "weil")

// germanClauseFrames reads a sentence opened by a subordinate clause: the
// clause's own reporting verb ("Während X von C berichtete,") and the main
// clause after it, its verb first ("…, behauptete Y zuletzt, dass C").
func germanClauseFrames(s string, qs []span, ws []word, first int) []rawFrame {
	if first+3 >= len(ws) || !germanClauseOpeners[ws[first].lower] {
		return nil
	}
	c := -1 // the first word after the clause's comma
	for k := first + 2; k < len(ws); k++ {
		if g := s[ws[k-1].e:ws[k].s]; strings.Contains(g, ",") && !inSpans(qs, ws[k-1].e+strings.IndexByte(g, ',')) {
			c = k
			break
		}
	}
	if c < 0 {
		return nil
	}
	var out []rawFrame
	v := ws[c-1].lower
	_, say := germanVerbs[v]
	if _, obj := germanObjectVerbs[v]; say || obj {
		if e := germanNP(s, ws, first+1); e > first+1 && e < c-1 && !germanNoSubjects[ws[first+1].lower] {
			f := rawFrame{subject: withoutArticle(s[ws[first+1].s:ws[e-1].e]), verb: ws[c-1].text, pos: ws[c-1].s,
				rule: ruleSpeakerVerbClaim}
			f.claim, f.direct = cleanClaim(s[ws[e].s:ws[c-2].e])
			if f.claim != "" {
				out = append(out, f)
			}
		}
	}
	if f, ok := germanVerbFirstFrame(s, qs, ws, c); ok {
		out = append(out, f)
	}
	return out
}

// germanVerbFirstFrame reads a main clause that starts with its reporting
// verb at vi, the speaker after it and the claim after a comma or colon:
// "…, behauptete die Ukraine zuletzt, dass C", "…, teilte die Polizei mit,
// dass C". A clause whose speaker ends the sentence ("…, sagte X.") is no
// such clause.
func germanVerbFirstFrame(s string, qs []span, ws []word, vi int) (rawFrame, bool) {
	if vi+1 >= len(ws) || inSpans(qs, ws[vi].s) {
		return rawFrame{}, false
	}
	gv, ok := germanVerbs[ws[vi].lower]
	if !ok || gv.kind != vSay {
		return rawFrame{}, false
	}
	subj, e := germanSpeakerAfter(s, qs, ws, vi+1)
	if subj == "" {
		return rawFrame{}, false
	}
	rest := s[ws[e-1].e:]
	k := strings.IndexAny(rest, ",:")
	if k < 0 || k > 40 || inSpans(qs, ws[e-1].e+k) {
		return rawFrame{}, false
	}
	lead := strings.TrimSpace(rest[:k]) // adjuncts and the particle
	if gv.particle != "" {
		lead = strings.TrimSuffix(lead, gv.particle)
	}
	body := strings.TrimLeft(rest[k+1:], " ")
	if rest[k] == ',' {
		if !hasPrefixFold(body, "dass ") {
			return rawFrame{}, false // "…, sagte X, der …": a relative clause
		}
		body = body[len("dass "):]
	}
	if strings.Count(lead, " ") > 4 {
		return rawFrame{}, false
	}
	f := rawFrame{subject: subj, verb: gv.display, pos: ws[vi].s, rule: ruleSpeakerVerbClaim}
	f.claim, f.direct = cleanClaim(body)
	return f, f.claim != ""
}

// germanPronounClause reads "…, er erklärte aber, dass C": a clause after
// a comma whose pronoun speaks.
func germanPronounClause(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	for k := first + 2; k+1 < len(ws); k++ {
		if !isGermanPronounAt(ws, k-1) || !strings.Contains(s[ws[k-2].e:ws[k-1].s], ",") || inSpans(qs, ws[k].s) {
			continue
		}
		gv, ok := germanVerbs[ws[k].lower]
		if !ok || gv.kind != vSay {
			continue
		}
		rest := s[ws[k].e:]
		j := strings.IndexAny(rest, ",:")
		if j < 0 || j > 30 {
			return rawFrame{}, false
		}
		body := strings.TrimLeft(rest[j+1:], " ")
		if hasPrefixFold(body, "dass ") {
			body = body[len("dass "):]
		}
		f := rawFrame{subject: ws[k-1].lower, verb: gv.display, pos: ws[k].s, rule: ruleSpeakerVerbClaim}
		f.claim, f.direct = cleanClaim(body)
		return f, f.claim != ""
	}
	return rawFrame{}, false
}

// germanAppositionFrame reads a speaker given as a role and a name between
// commas before the verb: "Der Leiter des Zentrums, Raed Ahmed, sagte
// (laut Sana), C".
func germanAppositionFrame(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	e1 := germanNP(s, ws, first)
	if e1 == first || e1+2 >= len(ws) || germanNoSubjects[ws[first].lower] || strings.TrimSpace(s[ws[e1-1].e:ws[e1].s]) != "," {
		return rawFrame{}, false
	}
	e2 := germanNP(s, ws, e1)
	if e2 == e1 || e2 >= len(ws) || strings.TrimSpace(s[ws[e2-1].e:ws[e2].s]) != "," {
		return rawFrame{}, false
	}
	gv, ok := germanVerbs[ws[e2].lower]
	if !ok || gv.kind != vSay || inSpans(qs, ws[e2].s) {
		return rawFrame{}, false
	}
	rest := s[ws[e2].e:]
	k := strings.IndexAny(rest, ",:")
	if k < 0 || k > 40 || inSpans(qs, ws[e2].e+k) {
		return rawFrame{}, false
	}
	body := strings.TrimLeft(rest[k+1:], " ")
	if hasPrefixFold(body, "dass ") {
		body = body[len("dass "):]
	}
	f := rawFrame{subject: s[ws[e1].s:ws[e2-1].e] + ", " + withoutArticle(s[ws[first].s:ws[e1-1].e]), verb: gv.display,
		pos: ws[e2].s, rule: ruleSpeakerVerbClaim}
	f.claim, f.direct = cleanClaim(body)
	return f, f.claim != ""
}

// germanQuoteThenVerb reads "X kündigte an: „Q“, teilte Y mit": a
// quotation after a colon, followed by its own verb and speaker, belongs
// to that speaker, not to the subject of the sentence's first verb.
func germanQuoteThenVerb(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	for _, q := range qs {
		if q.s <= ws[first].s || !strings.HasSuffix(strings.TrimRight(s[:q.s], " "), ":") {
			continue
		}
		tail := strings.TrimLeft(s[q.e:], " ")
		if !strings.HasPrefix(tail, ",") {
			continue
		}
		vi := -1
		for k := first; k < len(ws); k++ {
			if ws[k].s >= q.e {
				vi = k
				break
			}
		}
		if vi < 0 || vi+1 >= len(ws) {
			return rawFrame{}, false
		}
		gv, ok := germanVerbs[ws[vi].lower]
		if !ok {
			return rawFrame{}, false
		}
		subj, _ := germanSpeakerAfter(s, qs, ws, vi+1)
		if subj == "" {
			return rawFrame{}, false
		}
		f := rawFrame{subject: subj, verb: gv.display, pos: ws[vi].s, rule: ruleClaimVerbSpeaker}
		f.claim, f.direct = cleanClaim(s[q.s:q.e])
		return f, f.claim != ""
	}
	return rawFrame{}, false
}

// germanSubjectAt returns where the subject that opens a clause at first
// ends when the verb at vi follows it (see germanSubjectEnd), or first.
func germanSubjectAt(s string, ws []word, first, vi int) int {
	if germanOpeningAdverbs[ws[first].lower] {
		return first // "Weiter heißt es …": an adverb, not a subject
	}
	if germanNP(s, ws, first) == vi {
		return vi // the plain case: a noun phrase, then the verb
	}
	if end, next := germanSubjectEnd(s, ws, first); next == vi {
		return end
	}
	return first
}

// germanThatParticiples are reporting verbs in the perfect tense whose
// claim follows in a clause of its own ("hatten bestätigt, dass C", "hat
// Israel vorgeworfen, die Hilfe zu blockieren").
var germanThatParticiples = setOf("bestätigt", "mitgeteilt", "erklärt", "berichtet", "gemeldet", "behauptet",
	"eingeräumt", "vorgeworfen", "gewarnt", "betont", "versichert", "bekräftigt", "angegeben", "gesagt")

// germanPerfectThat reads "X hat/hatte … bestätigt, dass C": the subject
// (two parties joined by "und" are one subject), the auxiliary, and a
// participle followed by a comma and the claim.
func germanPerfectThat(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	end, a := germanSubjectEnd(s, ws, first)
	if end == first || a >= len(ws) {
		return rawFrame{}, false
	}
	switch ws[a].lower {
	case "hat", "haben", "hatte", "hatten":
	default:
		return rawFrame{}, false
	}
	for p := a + 1; p < len(ws) && p < a+12; p++ {
		if strings.ContainsAny(s[ws[p-1].e:ws[p].s], ",;:") || inSpans(qs, ws[p].s) {
			return rawFrame{}, false
		}
		if !germanThatParticiples[ws[p].lower] {
			continue
		}
		rest := strings.TrimLeft(s[ws[p].e:], " ")
		if !strings.HasPrefix(rest, ",") {
			return rawFrame{}, false
		}
		body := strings.TrimLeft(rest[1:], " ")
		if hasPrefixFold(body, "dass ") {
			body = body[len("dass "):]
		}
		f := rawFrame{subject: withoutArticle(s[ws[first].s:ws[end-1].e]), verb: ws[a].text + " " + ws[p].text,
			pos: ws[a].s, rule: ruleSpeakerVerbClaim}
		if ws[p].lower == "vorgeworfen" {
			f.rule = ruleAccusation
		}
		f.claim, f.direct = cleanClaim(body)
		return f, f.claim != ""
	}
	return rawFrame{}, false
}

// germanNotVerbs end in -e like a verb in the subjunctive but are none.
var germanNotVerbs = setOf("ohne", "heute", "alle", "beide", "jede", "jene", "manche", "welche", "solche", "diese",
	"gerade", "bitte", "lange", "gerne", "nahe", "seine", "ihre", "meine", "unsere", "keine", "eine", "mehrere",
	"einige", "viele", "wenige", "andere", "weitere", "ebenfalls", "etliche", "sowie", "hierzulande", "zunächst")

// subjunctiveAfterSubject reports whether the verb after the sentence's
// subject is in the subjunctive of reported speech: a lower-case word in
// -e (not the past tense -te) right after the opening noun phrase and
// before a lower-case word ("Die genannte Zahl schließe auch …").
func subjunctiveAfterSubject(ws []word) bool {
	k := 0
	if len(ws) > 0 && germanArticles[ws[0].lower] {
		k++
	}
	for k+1 < len(ws) && k < 6 && !isCapitalized(ws[k].text) && (germanAdjective(ws[k].lower) || ws[k].lower == "von" ||
		ws[k].lower == "ihm" || ws[k].lower == "ihr") {
		k++ // "die von ihm genannte"
	}
	n := 0
	for k < len(ws) && isCapitalized(ws[k].text) {
		k++
		n++
	}
	if n == 0 || k+1 >= len(ws) {
		return false
	}
	w, next := ws[k].lower, ws[k+1].text
	return len(w) >= 4 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "te") && !germanFunctionWords[w] &&
		!germanNotVerbs[w] && next[0] >= 'a' && next[0] <= 'z'
}

// germanOpeningPrepositions open a sentence with an adjunct, not its
// subject ("In Bayern sieht der Minister …").
var germanOpeningPrepositions = setOf("in", "an", "aus", "mit", "für", "seit", "zu", "von", "über", "unter", "trotz",
	"wegen", "nach", "bei", "auf", "vor", "am", "im", "beim", "zum", "zur", "vom", "laut", "gegen", "ab", "bis")

// germanOpeningSubject returns the noun phrase that opens sentence ps
// as its subject, without its article ("Umweltministerin Thekla Walker
// fordert …"), or "" when the sentence opens otherwise.
func germanOpeningSubject(ps string) string {
	ws := wordsN(ps, 12)
	if len(ws) < 2 || germanOpeningPrepositions[ws[0].lower] {
		return ""
	}
	e := germanNP(ps, ws, 0)
	if e == 0 || e == 1 && germanNoSubjects[ws[0].lower] {
		return ""
	}
	return withoutArticle(ps[:ws[e-1].e])
}

// germanDeterminers stand before an attributive participle: "die drei
// bestätigten Todesfälle", "seine erklärten Ziele".
var germanDeterminers = setOf("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf",
	"beiden", "alle", "allen", "ersten", "diese", "dieser", "diesen", "seine", "seiner", "seinen", "ihre", "ihrer",
	"ihren", "unsere", "mehrere", "viele", "vielen", "weitere", "weiteren", "bisher", "bislang", "offiziell", "offiziellen")

// germanAttributive reports whether the verb form at word k is a
// participle used as an adjective ("die bestätigten Todesfälle"): after an
// article, a figure or a determiner and before its noun.
func germanAttributive(s string, ws []word, k int) bool {
	if k == 0 || k+1 >= len(ws) || !joined(s, ws, k) || !joined(s, ws, k+1) || !isCapitalized(ws[k+1].text) {
		return false
	}
	p := ws[k-1].lower
	if k == 1 && (p == "das" || p == "dies") {
		return false // "Das teilte Oberstaatsanwalt X mit.": a demonstrative
	}
	return germanArticles[p] || germanDeterminers[p] || isDigit(p[0])
}

// germanAfterColon returns where the clause of the verb at vi starts when
// a colon stands between the sentence's start and the verb ("Der Regen
// dürfte die Lage verschärfen: Der Wetterdienst kündigt … an"), or first.
func germanAfterColon(s string, qs []span, ws []word, first, vi int) int {
	for k := vi - 1; k > first; k-- {
		g := s[ws[k-1].e:ws[k].s]
		if strings.Contains(g, ":") && !inSpans(qs, ws[k-1].e) && isCapitalized(ws[k].text) &&
			strings.Count(s[:ws[k].s], "(") == strings.Count(s[:ws[k].s], ")") { // "(früher: Lemberg)" ends no clause
			return k
		}
	}
	return first
}
