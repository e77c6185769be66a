package liveblog

import "strings"

// germanStatementNouns name a statement whose author follows ("lautet die
// Einschätzung von Innenminister X"): the author is the speaker.
var germanStatementNouns = setOf("aussage", "einschätzung", "mitteilung", "erklärung", "darstellung", "auskunft",
	"angaben", "worte")

// germanMediaNouns are the heads of an addressee in the dative after a
// speaker ("teilte der Minister der Nachrichtenagentur DHA mit"), which
// the noun phrase would take for a genitive.
var germanMediaNouns = []string{"nachrichtenagentur", "agentur", "zeitung", "sender", "fernsehsender", "rundfunk",
	"presse", "journalisten", "reportern"}

// germanSpeakerAfter reads the speaker that follows a verb at word k: a
// pronoun, or a noun phrase without its article, the statement it is
// named by ("die Aussage von X") or an addressee in the dative ("der
// Nachrichtenagentur DHA"), and with the name in quotation marks after a
// medium ("das Internetportal „Ukrajinska Prawda“"). It returns "" when
// no speaker stands there, and the index of the word after the speaker.
func germanSpeakerAfter(s string, qs []span, ws []word, k int) (string, int) {
	if k >= len(ws) || !joined(s, ws, k) {
		return "", k
	}
	if isGermanPronounAt(ws, k) {
		return ws[k].lower, k + 1
	}
	if pron := germanAgeEpithet(ws, k); pron != "" {
		return pron, k + 2 // "der 44-Jährige": the person named before
	}
	e := germanNP(s, ws, k)
	if e == k {
		return "", k
	}
	start := k
	if germanArticles[ws[start].lower] {
		start++
	}
	if start+2 < e && germanStatementNouns[ws[start].lower] && (ws[start+1].lower == "von" || ws[start+1].lower == "des" ||
		ws[start+1].lower == "der") {
		k = start + 2 // "die Aussage von X": X
	}
	for g := k + 1; g+1 < e; g++ {
		if ws[g].lower != "der" && ws[g].lower != "des" {
			continue
		}
		for m := g + 1; m < e; m++ {
			if hasAnySuffix(ws[m].lower, germanMediaNouns) {
				e = g // "der Minister der Nachrichtenagentur DHA": an addressee
				break
			}
		}
		break
	}
	for _, q := range qs {
		if q.s >= ws[e-1].e && strings.TrimSpace(s[ws[e-1].e:q.s]) == "" {
			if name, _ := cleanClaim(strings.Trim(s[q.s:q.e], "„“\"”»« ")); name != "" && len(name) < 60 {
				next := e
				for next < len(ws) && ws[next].s < q.e {
					next++
				}
				return name, next // "das Internetportal „Ukrajinska Prawda“"
			}
		}
		if q.s >= ws[e-1].e {
			break
		}
	}
	if name, next := germanAppositionName(s, ws, e); name != "" {
		return name, next // "der Sprecher des Ministeriums, Igor Konaschenkow, am Samstag"
	}
	return withoutArticle(s[ws[k].s:ws[e-1].e]), e
}

// germanAppositionName reads a person's name set off by a comma after a
// speaker's role, at word e: two or three capitalised words that close
// the sentence or are followed by a comma or an adjunct ("…, Igor
// Konaschenkow, am Samstag"). It returns "" when none stands there.
func germanAppositionName(s string, ws []word, e int) (string, int) {
	if e+1 >= len(ws) || strings.TrimSpace(s[ws[e-1].e:ws[e].s]) != "," {
		return "", e
	}
	n := e
	for n < len(ws) && n < e+3 && isCapitalized(ws[n].text) && (n == e || joined(s, ws, n)) && !germanArticles[ws[n].lower] {
		n++
	}
	if n-e < 2 || n < len(ws) && joined(s, ws, n) && !germanAdjuncts[ws[n].lower] {
		return "", e
	}
	return s[ws[e].s:ws[n-1].e], n
}

// hasAnySuffix reports whether w ends with one of the suffixes.
func hasAnySuffix(w string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// germanTopicLabel reports whether the words before a colon are a German
// ticker's topic ("Anzahl der Opfer: Die Zahl der Toten steigt …") or
// byline ("Von: Helena Gries, …"), not a speaker's name: a noun followed
// by a genitive article, which a name holds only after "von" or "van"
// ("Ursula von der Leyen").
func germanTopicLabel(ws []string) bool {
	if len(ws) == 1 && ws[0] == "Von" {
		return true
	}
	for k := 1; k+1 < len(ws); k++ {
		if (ws[k] == "der" || ws[k] == "des") && ws[k-1] != "von" && ws[k-1] != "van" && ws[k-1] != "Van" && ws[k-1] != "Von" {
			// "Sprecherin der Feuerwehr:" is a person's role, and speaks
			return !hasAnySuffix(lowerASCII(ws[k-1]), germanPersonSuffixes)
		}
	}
	return false
}

// germanPersonSuffixes end the German nouns of a person's role
// ("Sprecher", "Ministerin", "Präsident", "Direktor", "Chef").
var germanPersonSuffixes = []string{"er", "in", "ent", "or", "eur", "ist", "at", "ef"}

// germanCaptionLine reports whether a paragraph is a German photo caption
// ("Sachsen-Anhalt, Blankenburg: Das … Foto zeigt …. Bild: X/dpa"), whose
// place before the colon is no speaker.
func germanCaptionLine(para string) bool {
	return strings.Contains(para, "(Foto)") || strings.Contains(para, " Bild: ") || strings.Contains(para, "Bildrechte:") ||
		strings.Contains(para, "Foto zeigt")
}

// germanAgeEpithet reads "der 44-Jährige" or "die 61-Jährige" at word k,
// by which German news refers back to the person it named: it returns the
// pronoun that stands for that person ("er", "sie"), or "".
func germanAgeEpithet(ws []word, k int) string {
	if k+1 >= len(ws) || !(strings.HasSuffix(ws[k+1].lower, "-jährige") && isDigit(ws[k+1].lower[0]) || partyEpithet(ws, k+1)) {
		return ""
	}
	switch ws[k].lower {
	case "der":
		return "er"
	case "die":
		return "sie"
	}
	return ""
}

// germanParties prefix the role by which German news refers back to a
// politician it named ("der SPD-Kanzlerkandidat", "die CDU-Politikerin").
var germanParties = []string{"spd-", "cdu-", "csu-", "fdp-", "grünen-", "afd-", "linken-", "bsw-", "övp-", "spö-"}

// partyEpithet reports whether word k is such a role: a party's prefix
// and one word, the phrase ending there ("…, sagte der SPD-Politiker.").
func partyEpithet(ws []word, k int) bool {
	w := lowerASCII(ws[k].text)
	for _, p := range germanParties {
		if strings.HasPrefix(w, p) && len(w) > len(p)+3 && strings.Count(w, "-") == 1 {
			return k+1 == len(ws) || !isCapitalized(ws[k+1].text)
		}
	}
	return false
}

// germanImperative reports whether a German claim is an appeal ("Bitte
// treffen Sie Vorkehrungen", "Verschwenden Sie nicht Ihre Zeit"), which
// asks for something and claims nothing.
func germanImperative(claim string) bool {
	ws := wordsN(claim, 3)
	if len(ws) < 2 {
		return false
	}
	return ws[0].lower == "bitte" || ws[1].text == "Sie" && isCapitalized(ws[0].text) && !germanArticles[ws[0].lower] &&
		!germanNoSubjects[ws[0].lower]
}
