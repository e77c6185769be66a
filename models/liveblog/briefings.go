package liveblog

import "strings"

// speakerLabels are words that open a "Label: text" paragraph without being
// a speaker ("Update: …", "Photo: …").
var speakerLabels = setOf("update", "updated", "note", "editor", "editor's", "editors", "photo", "photograph",
	"picture", "image", "video", "source", "sources", "correction", "watch", "read", "related", "breaking",
	"live", "latest", "summary", "question", "answer", "q", "a", "key", "warning", "disclaimer", "reporting",
	"writing", "editing", "translation", "background", "context", "analysis", "explainer", "timeline", "also",
	"more", "see", "tags", "topics", "share", "follow", "contact", "email", "tel", "phone", "fax", "address",
	"date", "time", "location", "venue", "place", "keywords", "credit", "caption", "graphic", "map", "listen", "opinion",
	"exclusive", "factbox", "quote", "quotes", "headline", "headlines", "story", "what", "why", "how", "when", "where", "who")

// speakerPrefix recognises a transcript paragraph "Lin Wei: The talks are
// going smoothly." and returns the speaker and where the words start.
func speakerPrefix(para string) (string, int, bool) {
	k := strings.Index(para[:min(len(para), 64)], ": ") // a speaker is short: look no further
	if k <= 0 || k > 60 {
		return "", 0, false
	}
	name := strings.TrimSpace(para[:k])
	ws := strings.Fields(name)
	most := 6
	if strings.Contains(name, ", ") {
		most = 9 // "Mr. Fumio Kishida, Minister for Foreign Affairs"
	}
	if len(ws) == 0 || len(ws) > most || speakerLabels[lowerASCII(strings.Trim(ws[0], "*"))] || germanTopicLabel(ws) {
		return "", 0, false
	}
	for k, w := range ws {
		speakerN := k == 1 && len(ws) == 2 && ws[0] == "Speaker"                  // "Speaker 2:"
		office := k > 0 && strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") // "OSD (PR)"
		if !isCapitalized(strings.Trim(w, "()")) && !nameConnectors[w] && !(k > 0 && askerRoles[w]) && !speakerN {
			return "", 0, false
		}
		if office && len(w) < 3 {
			return "", 0, false
		}
		for i := 0; i < len(w); i++ {
			if isDigit(w[i]) && !speakerN {
				return "", 0, false
			}
		}
	}
	rest := k + 2
	if wordCount(para[rest:min(len(para), rest+40)]) < 3 || !hasLetter(para[rest:min(len(para), rest+40)]) ||
		germanCaptionLine(para) {
		return "", 0, false
	}
	return name, rest, true
}

// askerRoles may follow an outlet in a journalist's turn ("CCTV
// reporter: …"); alone ("Reporter: …") they label a journalist's turn,
// which claims nothing even when it states what it asks about.
var askerRoles = setOf("reporter", "correspondent", "journalist")

// isQuestion reports whether a paragraph ends with a question: in a
// briefing, a journalist's turn, which claims nothing of its own.
func isQuestion(para string) bool {
	return strings.HasSuffix(strings.TrimRight(para, " \"”’)"), "?")
}

// colonSources are lower-case sources a wire headline line may end with
// ("Nine killed in blast: police").
var colonSources = setOf("police", "officials", "official", "ministry", "minister", "sources", "source",
	"report", "reports", "media", "army", "military", "witnesses", "residents", "doctors", "medics",
	"rescuers", "agency", "spokesman", "spokeswoman", "spokesperson", "government", "state", "governor", "mayor")

// colonSource recognises a wire line whose source follows a colon at its
// end ("Radiation at the plant gate has doubled: TEPCO") and returns the
// claim and the source.
func colonSource(line string) (claim, source string, ok bool) {
	if claim, source, ok := updatesColon(line); ok {
		return claim, source, ok // "Chief Secretary updates on rescue work: 7 NDRF teams …"
	}
	t := strings.TrimRight(strings.TrimSpace(line), ".")
	k := strings.LastIndex(t, ": ")
	if k <= 0 {
		return "", "", false
	}
	src := withoutPlaceTail(strings.TrimSpace(t[k+2:])) // "Railway minister Ashwini Vaishnaw at the accident site"
	ws := strings.Fields(src)
	if len(ws) == 0 || len(ws) > 5 || wordCount(t[:k]) < 3 || strings.ContainsAny(src, "\"“”,;") || germanTopicLabel(strings.Fields(t[:k])) {
		return "", "", false
	}
	capital := true
	for i, w := range ws {
		if !isCapitalized(w) && !nameConnectors[w] && !(i > 0 && i < len(ws)-1 && (titles[w] || personRoles[w])) {
			capital = false
		}
	}
	if !capital && !(len(ws) <= 2 && colonSources[lowerASCII(ws[len(ws)-1])]) {
		return "", "", false
	}
	c, _ := cleanClaim(t[:k])
	return c, src, c != ""
}

// speakerLike reports whether a paragraph opens with a transcript turn.
func speakerLike(para string) bool {
	_, _, ok := speakerPrefix(para)
	return ok
}

// labelled reports whether a paragraph opens with a label such as
// "Update:" or "Photo:", which ends a transcript turn.
func labelled(para string) bool {
	k := strings.Index(para[:min(len(para), 32)], ": ")
	if k <= 0 || k > 30 {
		return false
	}
	ws := strings.Fields(para[:k])
	return len(ws) > 0 && len(ws) <= 2 && speakerLabels[lowerASCII(strings.Trim(ws[0], "*"))]
}

// withoutGreetings drops the pleasantries, the running of the briefing and
// the sympathy that open a transcript turn ("Good afternoon, everyone.
// Happy Tuesday. I have one announcement at the top.", "We are deeply
// saddened by this tragedy.") and returns the rest, "" when nothing else
// is said.
func withoutGreetings(turn string) string {
	for _, sp := range splitSentences(turn) {
		sent := turn[sp.s:sp.e]
		if !isGreeting(sent) && !briefingAside(sent) && !expressesSympathy(sent) && !floorAside(sent) {
			return turn[sp.s:]
		}
	}
	return ""
}

// isGreeting reports whether a sentence is a pleasantry.
func isGreeting(sent string) bool {
	low := lowerASCII(strings.TrimSpace(sent))
	for _, g := range []string{"good afternoon", "good morning", "good evening", "hello", "hi ", "hi,", "hi.", "thank you", "thanks", "happy "} {
		if strings.HasPrefix(low, g) {
			return wordCount(sent) <= 8
		}
	}
	return false
}

// titledName reports whether a speaker's name opens with a title or a
// role ("Spokesman Karim Haddad", "Foreign Minister Ana Borg").
func titledName(name string) bool {
	ws := appendFields(make([]string, 0, 8), name)
	if len(ws) < 2 {
		return false
	}
	w := strings.TrimSuffix(ws[0], ".")
	if len(ws) > 2 && !inSet(titles, w) && !inSet(personRoles, w) {
		w = strings.TrimSuffix(ws[1], ".") // "Foreign Minister …"
	}
	return inSet(titles, w) || inSet(personRoles, w)
}

// transcriptPlan is what the shape of an entry says about its paragraphs
// when it is a briefing transcript: who hosts it and which paragraphs are
// a journalist's turn.
type transcriptPlan struct {
	transcript bool
	// host is the spokesperson a header names ("Foreign Ministry
	// Spokesperson Wang Wenbin hosted a regular press conference …"),
	// who speaks the paragraphs after it until the first turn, and the
	// "A:" turns; header is that paragraph's index, -1 without one.
	host   string
	header int
	// asks marks the paragraphs of a journalist's turn: a "Q:" turn, a
	// turn that ends with a question, or one with a question by someone
	// other than the briefing's main speaker.
	asks []bool
	// bareQA: the entry labels its turns "Q …" and "A …", without a
	// colon, as older transcripts do.
	bareQA bool
	// monologue: a header names the host and no turn follows ("Remarks
	// from Maria Zakharova's media briefing:"); the host speaks every
	// paragraph after it, under any subheading.
	monologue bool
	// short holds, for a paragraph that is a turn of fewer than three
	// words ("MS. PSAKI: Hi, Nicole.", "Reporter: Anything else?"),
	// where its words start; nil when there is none (see shortTurns).
	short map[int]int
}

// readTranscript reads the turns of an entry's paragraphs.
func readTranscript(paras []string) transcriptPlan {
	tp := transcriptPlan{header: -1, bareQA: bareQALabels(paras)}
	n, qa := 0, 0
	for k := 0; k < len(paras) && k < 64; k++ {
		if tp.host == "" {
			if h := briefingHost(paras[k]); h != "" {
				tp.host, tp.header = h, k
			}
		}
		if name, _, ok := speakerPrefix(paras[k]); ok {
			n++
			// A speaker with a title ("Spokesman Karim Haddad: …")
			// is no dateline, even alone.
			tp.transcript = tp.transcript || n >= 2 || titledName(name)
		} else if _, _, ok := tp.label(paras[k]); ok {
			qa++
			tp.transcript = tp.transcript || qa >= 2
		}
	}
	if tp.host == "" && n == 0 && qa == 0 {
		for k := 0; k < len(paras) && k < 8; k++ {
			if h := monologueHost(paras[k]); h != "" {
				tp.host, tp.header, tp.monologue, tp.transcript = h, k, true, true
				tp.asks = make([]bool, len(paras)) // no journalist asks
				break
			}
		}
	}
	if !tp.transcript || tp.monologue {
		return tp
	}
	tp.short = shortTurns(paras)
	// The turns, each with its speaker and the paragraphs it runs over.
	type turn struct {
		who        string
		from, to   int
		question   bool // a "Q:" label
		askedAny   bool // a sentence of it ends with "?"
		endsAsking bool
		relays     bool // it passes on a journalist's question ("X is asking, …")
	}
	var turns []turn
	count := map[string]int{}
	for k, p := range paras {
		who, _, ok := speakerPrefix(p)
		if !ok {
			who, _, ok = tp.shortTurn(paras, k)
		}
		q, _, isQA := tp.label(p)
		switch {
		case ok:
			turns = append(turns, turn{who: who, from: k})
			count[who]++
		case isQA:
			turns = append(turns, turn{who: "", from: k, question: q})
		case labelled(p) || len(turns) == 0:
			if len(turns) > 0 {
				turns[len(turns)-1].to = k
			}
			continue
		}
		t := &turns[len(turns)-1]
		t.to = k + 1
		t.askedAny = t.askedAny || strings.Contains(p, "? ")
		t.endsAsking = isQuestion(p) && !callsOnSomeone(p)
		t.askedAny = t.askedAny || t.endsAsking
		t.relays = t.relays || relaysQuestion(p) || asksInWords(p)
	}
	main := "" // the most frequent speaker; of equals, the first with a title, else the first
	for _, t := range turns {
		if c := count[t.who]; t.who != "" && (c > count[main] || c == count[main] && titledName(t.who) && !titledName(main)) {
			main = t.who
		}
	}
	tp.asks = make([]bool, len(paras))
	for _, t := range turns {
		numbered := t.who != "" && isDigit(t.who[len(t.who)-1]) // "Speaker 2", never the host
		if t.question || t.endsAsking || askerRoles[lowerASCII(t.who)] || procedureRoles[lowerASCII(t.who)] || t.askedAny && t.who != "" && t.who != main && (numbered || !titledName(t.who)) ||
			t.relays && t.who != main {
			for k := t.from; k < t.to && k < len(paras); k++ {
				tp.asks[k] = true
			}
		}
	}
	return tp
}

// relaysQuestion reports whether a paragraph passes on a journalist's
// question, as a briefing's moderator does ("Mala from News 18 is asking,
// …", "We have a similar question from ETV").
func relaysQuestion(para string) bool {
	low := lowerASCII(para)
	for _, c := range []string{" is asking", " are asking", "question from", "questions from", "question is from", "set of question"} {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// label recognises a "Q: …"/"A: …" turn, or "Q …"/"A …" in an entry
// that labels its turns so, and says whether it asks and where its words
// start.
func (tp transcriptPlan) label(para string) (question bool, off int, ok bool) {
	if q, ok := qaLabel(para); ok {
		return q, strings.Index(para, ": ") + 2, true
	}
	if tp.bareQA && len(para) > 2 && (para[0] == 'Q' || para[0] == 'A') && para[1] == ' ' && isCapitalized(para[2:]) {
		return para[0] == 'Q', 2, true
	}
	return false, 0, false
}

// bareQALabels reports whether an entry labels its turns "Q …" and "A …"
// without a colon: a "Q " paragraph, which no news sentence opens with,
// and an "A " one.
func bareQALabels(paras []string) bool {
	q, a := false, false
	for k := 0; k < len(paras) && k < 64; k++ {
		p := paras[k]
		if len(p) > 2 && p[1] == ' ' && isCapitalized(p[2:]) {
			q = q || p[0] == 'Q'
			a = a || p[0] == 'A'
		}
	}
	return q && a
}

// qaLabel recognises a "Q: …" or "A: …" turn and says whether it asks.
func qaLabel(para string) (question, ok bool) {
	k := strings.Index(para[:min(len(para), 12)], ": ")
	if k <= 0 {
		return false, false
	}
	switch lowerASCII(strings.Trim(para[:k], "* ")) {
	case "q", "question", "questioner":
		return true, true
	case "a", "answer":
		return false, true
	}
	return false, false
}

// hostWords mark a paragraph that introduces a briefing rather than
// reporting on it.
var hostWords = []string{"press conference", "press briefing", "media briefing", "regular briefing", "briefing by"}

// briefingHost returns the spokesperson a transcript's header names:
// "Foreign Ministry Spokesperson Wang Wenbin hosted a regular press
// conference on May 18", "Spokesperson Mao Ning's Regular Press Conference
// on …", "Briefing by Foreign Ministry Spokesperson Maria Zakharova, …",
// "Ned Price, Department Spokesperson"; "" for any other paragraph.
func briefingHost(para string) string {
	if len(para) > 200 || !strings.Contains(para, "pokes") && !strings.Contains(para, "POKES") || strings.Contains(para, ". ") {
		return ""
	}
	low := lowerASCII(para)
	ws := words(para)
	for i, w := range ws {
		if w.lower != "spokesperson" && w.lower != "spokesman" && w.lower != "spokeswoman" {
			continue
		}
		if i == len(ws)-1 && i >= 2 && len(ws) <= 6 && strings.Contains(para[:w.s], ",") {
			// "Ned Price, Department Spokesperson"
			return strings.TrimSpace(para[:strings.IndexByte(para, ',')])
		}
		hosting := false
		for _, h := range hostWords {
			hosting = hosting || strings.Contains(low, h)
		}
		if !hosting {
			return ""
		}
		e := i + 1
		for e < len(ws) && e < i+5 && isCapitalized(ws[e].text) && joined(para, ws, e) &&
			!strings.HasSuffix(ws[e-1].text, "'s") && !strings.HasSuffix(ws[e-1].text, "’s") {
			e++
		}
		if e-i < 3 {
			return "" // a full name: two words or more
		}
		name := strings.TrimSuffix(strings.TrimSuffix(para[ws[i+1].s:ws[e-1].e], "'s"), "’s")
		return strings.TrimSpace(name)
	}
	return ""
}

// remarksHost returns the speaker a header line of a briefing's remarks
// names by the possessive: "Remarks from Maria Zakharova's media
// briefing:", "Minister Ana Borg's press conference"; "" for any other
// line, and for an office's briefing ("the Foreign Ministry's press
// briefing"), which names no one.
func remarksHost(para string) string {
	if len(para) > 120 || strings.Contains(para, ". ") {
		return ""
	}
	low := lowerASCII(para)
	hosting := false
	for _, h := range hostWords {
		hosting = hosting || strings.Contains(low, h)
	}
	if !hosting {
		return ""
	}
	ws := words(para)
	for i, w := range ws {
		name, ok := strings.CutSuffix(w.text, "'s")
		if !ok {
			name, ok = strings.CutSuffix(w.text, "’s")
		}
		if !ok || !isCapitalized(name) || officeWords[name] {
			continue
		}
		b := i
		for b > 0 && i-b < 3 && isCapitalized(ws[b-1].text) && !officeWords[ws[b-1].text] && joined(para, ws, b) {
			b--
		}
		if b == i || !strings.Contains(lowerASCII(para[w.e:]), "briefing") && !strings.Contains(lowerASCII(para[w.e:]), "press conference") {
			return "" // a full name: two words or more, then the briefing
		}
		return para[ws[b].s : w.e-len(w.text)+len(name)]
	}
	return ""
}

// officeWords name an office, not a person, before a briefing.
var officeWords = setOf("Ministry", "Department", "Office", "Government", "Council", "House", "Kremlin", "Pentagon",
	"Remarks", "Russian", "Foreign", "Transcript", "Briefing", "Spokesperson")

// firstPersonSubjects, said in a briefing turn, are the turn's speaker
// ("I noted that …", "As we've said, …").
var firstPersonSubjects = setOf("i", "we", "i've", "we've", "i’ve", "we’ve", "i'd", "we'd")

// briefingAside reports whether a sentence of a briefing only runs the
// briefing: pleasantries, who asks next, announcements to come, laughter.
func briefingAside(sent string) bool {
	low := strings.TrimSpace(lowerASCII(sent))
	if strings.HasPrefix(low, "(") && strings.HasSuffix(strings.TrimRight(low, "."), ")") {
		return true // "(Laughter.)"
	}
	for _, p := range []string{"with that", "a very good", "very good afternoon", "very good evening", "good to see", "sorry",
		"very sorry", "quite a crowd", "let me start", "let me begin", "okay, i'll start", "i'll start", "welcome to",
		"i wish you", "we wish you"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// The room and the running of the briefing, however long or dated
	// the sentence: "Good evening and a very warm welcome to the first
	// weekly media briefing of 2022", "don't have anything at the top",
	// "we are now doing this on a virtual format", "give the floor to".
	for _, c := range []string{"at the top", "the floor", "welcome to the", "doing this on a", "an update on", "this briefing", "media briefing"} {
		if strings.Contains(low, c) && wordCount(sent) <= 40 {
			return true
		}
	}
	if strings.ContainsAny(low, "0123456789") || wordCount(sent) > 24 {
		return false
	}
	if strings.HasSuffix(low, "go ahead.") || strings.HasSuffix(low, "go ahead") {
		return true // "Sidhant first, and then we'll see how to go ahead."
	}
	for _, c := range []string{"questions", "announcement", "at the top", "the transcript", "birthday", "welcome back",
		"good to see", "this briefing", "media interaction", "media briefing"} {
		if strings.Contains(low, c) {
			return true
		}
	}
	if wordCount(sent) <= 12 && (strings.Contains(low, "feels like") || strings.HasPrefix(low, "happy") || strings.HasPrefix(low, "it may be")) {
		// "It may be Tuesday, but it feels like a Monday."
		for _, w := range words(low) {
			if weekdays[w.lower] {
				return true
			}
		}
	}
	return false
}

// weekdays name the day a pleasantry is about.
var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// withBriefingHeader gives the first text to scan the title, when the
// title is a transcript's header naming its host ("Foreign Ministry
// Spokesperson Wang Wenbin hosted a regular press conference …"), so the
// announcements before the first turn are the host's.
func withBriefingHeader(tasks [][]string, title string) {
	if briefingHost(title) == "" {
		return
	}
	for k, paras := range tasks {
		if paras != nil {
			tasks[k] = append([]string{title}, paras...)
			return
		}
	}
}

// withoutPlaceTail cuts where and when from a source after a colon
// ("Railway minister Ashwini Vaishnaw at train accident site in Odisha").
func withoutPlaceTail(src string) string {
	ws := words(src)
	for k := 2; k < len(ws); k++ {
		switch ws[k].text {
		case "at", "in", "on", "after", "during", "from":
			return strings.TrimSpace(src[:ws[k].s])
		}
	}
	return src
}
