package liveblog

import "strings"

// speakerLabels are words that open a "Label: text" paragraph without being
// a speaker ("Update: …", "Photo: …").
var speakerLabels = setOf("update", "updated", "note", "editor", "editor's", "editors", "photo", "photograph",
	"picture", "image", "video", "source", "sources", "correction", "watch", "read", "related", "breaking",
	"live", "latest", "summary", "question", "answer", "q", "a", "key", "warning", "disclaimer", "reporting",
	"writing", "editing", "translation", "background", "context", "analysis", "explainer", "timeline", "also",
	"more", "see", "tags", "topics", "share", "follow", "contact", "email", "tel", "phone", "fax", "address",
	"date", "time", "location", "venue", "keywords", "credit", "caption", "graphic", "map", "listen", "opinion",
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
	if len(ws) == 0 || len(ws) > 6 || speakerLabels[lowerASCII(strings.Trim(ws[0], "*"))] {
		return "", 0, false
	}
	for _, w := range ws {
		if !isCapitalized(w) && !nameConnectors[w] {
			return "", 0, false
		}
		for i := 0; i < len(w); i++ {
			if isDigit(w[i]) {
				return "", 0, false
			}
		}
	}
	rest := k + 2
	if wordCount(para[rest:min(len(para), rest+40)]) < 3 {
		return "", 0, false
	}
	return name, rest, true
}

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
	t := strings.TrimRight(strings.TrimSpace(line), ".")
	k := strings.LastIndex(t, ": ")
	if k <= 0 {
		return "", "", false
	}
	src := strings.TrimSpace(t[k+2:])
	ws := strings.Fields(src)
	if len(ws) == 0 || len(ws) > 4 || wordCount(t[:k]) < 3 || strings.ContainsAny(src, "\"“”,;") {
		return "", "", false
	}
	capital := true
	for _, w := range ws {
		if !isCapitalized(w) && !nameConnectors[w] {
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

// withoutGreetings drops the pleasantries that open a transcript turn
// ("Good afternoon, everyone. Happy Tuesday.") and returns the rest, ""
// when nothing else is said.
func withoutGreetings(turn string) string {
	for _, sp := range splitSentences(turn) {
		sent := turn[sp.s:sp.e]
		if !isGreeting(sent) {
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
