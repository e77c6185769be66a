package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// commonStarters are words that open a sentence without being names, so the
// claim after "According to X, " starts in lower case: "army commanders",
// "neither party", "two women". A word not listed keeps its capital: it is
// most likely a name ("Kyiv", "Russian forces").
var commonStarters = wordSet(`a an the one two three four five six seven eight nine ten eleven twelve dozens
	hundreds thousands millions scores its their his her there it they he she this that these those at in on
	by for from with without under after before during since until while when where as if because although
	though despite about around nearly almost over up some many more most few several all no none neither
	either both each every any another other only just also even still already now today yesterday tonight
	overnight earlier later recently meanwhile however so then but and or nor not we our you your my
	troops forces army armed military soldiers police officers officials authorities government residents
	civilians people children women men families workers doctors nurses patients rescuers teams rescue
	firefighters volunteers refugees protesters demonstrators strikers dockers unions union shelling fighting
	strikes airstrikes drones missiles rockets attacks explosions fire fires floods flooding water power
	electricity talks negotiations peace casualties damage prices ships shipments port ports flights trains
	roads bridges buildings homes houses villages towns cities schools hospitals aid food supplies evacuation
	evacuations gunmen militants fighters rebels insurgents enemy units commanders staff employees managers
	management plans plan a party parties negotiators delegates leaders ministers voters votes polls
	level levels water river rivers dams dam quake earthquake aftershocks tremors magnitude death deaths
	bodies body injured wounded dead survivors victims casualty shots gunfire blasts blast smoke debris
	emergency services roughly approximately estimated less fewer half much such what which who whose why how
	local national regional international foreign federal state public private new old large small heavy
	major senior top key main first second last next rail air sea road nobody nothing everyone everybody
	somebody someone anyone nowhere turnout output production traffic shipping trade exports imports inflation unemployment it's there's that's here's what's ukrainian-backed pro-russian`)

// AppendClause appends the claim as a clause after "According to X, ": its
// first letter lowered when its first word is a common one, its trailing
// punctuation merged into one full stop (none after "?" or "!", and none
// left doubled inside a closing quote).
func AppendClause(b []byte, text string) []byte {
	t, end := trimEnd(strings.TrimSpace(text))
	if t == "" {
		return b
	}
	if w := firstWord(t); lowerable(w, t) {
		r, n := utf8.DecodeRuneInString(t)
		if r != utf8.RuneError && upperStart(t) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
			t = t[n:]
		}
	}
	b = append(b, t...)
	return append(b, end...)
}

// trimEnd strips what ends the claim's text and returns the ending the line
// uses: "." after a plain clause, "?" or "!" kept, a closing quote kept with
// the full stop after it and the comma or stop inside it dropped
// (`negotiations,"` → `negotiations".`).
func trimEnd(t string) (string, string) {
	t = strings.TrimRight(t, " \t\n.,;:")
	if t == "" {
		return "", ""
	}
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		return t, ""
	}
	for _, q := range []string{"\"", "”", "’", "'"} {
		if strings.HasSuffix(t, q) {
			inner := strings.TrimRight(t[:len(t)-len(q)], " .,;:")
			if strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") {
				return inner + q, ""
			}
			return inner + q, "."
		}
	}
	return t, "."
}

// lowerable reports whether the claim's first word w is a common word whose
// capital only marked the start of a sentence: listed in commonStarters, or
// shaped like one (a plural, an "-ing" form), unless it is written in
// capitals, is a nationality, is followed by another capitalised word ("New
// York") or appears capitalised again later in the text (a name).
func lowerable(w, text string) bool {
	if w == "" || w == "I" || !upperStart(w) || acronym(w) {
		return false
	}
	lw := strings.ToLower(w)
	if commonStarters[lw] {
		return true
	}
	rest := text[len(w):]
	if strings.Contains(rest, w) || upperStart(strings.TrimSpace(rest)) {
		return false
	}
	for _, suffix := range []string{"ian", "ean", "ese", "ish", "ani", "ari", "eli", "aqi", "ic"} {
		if strings.HasSuffix(lw, suffix) {
			return false
		}
	}
	n := utf8.RuneCountInString(lw)
	switch {
	case n > 5 && strings.HasSuffix(lw, "ing"):
		return true
	case n > 3 && strings.HasSuffix(lw, "s"):
		for _, not := range []string{"ss", "us", "is", "as", "os"} {
			if strings.HasSuffix(lw, not) {
				return false
			}
		}
		return true
	}
	return false
}
