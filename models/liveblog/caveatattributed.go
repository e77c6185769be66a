package liveblog

import "strings"

// attributedCaveat reports whether a sentence that reads as a caveat is in
// fact a party's statement that it cannot confirm something ("U.S.
// officials said they were unable to confirm the reports"): that is the
// party's claim, not the text saying it could not verify what it reports.
// A caveat in a relative clause after a claim ("X said Y, which could not
// be verified") stays the text's own, and so does an impersonal one after
// "but" ("Officials confirmed the attack, but it was not possible to
// verify their account").
func attributedCaveat(frames []rawFrame) bool {
	for _, f := range frames {
		low := lowerASCII(f.claim)
		k := strings.Index(low, "verif")
		for _, w := range []string{"confirm", "corroborat", "authenticat"} {
			if j := strings.Index(low, w); j >= 0 && (k < 0 || j < k) {
				k = j
			}
		}
		if k < 0 {
			continue
		}
		if w := strings.LastIndex(low[:k], "which"); w >= 0 || impersonalCheck(low[:k]) {
			continue
		}
		return true
	}
	return false
}

// speakersOwnCaveat reports whether a caveat sentence is a speaker's word
// about their own knowledge ("They could not confirm who held the town.",
// after officials spoke): a pronoun that does the checking refers back to
// a speaker, so the sentence is that speaker's, not the text's caveat. "It
// could not be verified" (a passive) and "We could not verify" (the
// outlet) stay caveats.
func speakersOwnCaveat(low string) bool {
	ws := words(low)
	if len(ws) < 3 || (ws[0].lower != "he" && ws[0].lower != "she" && ws[0].lower != "they") {
		return false
	}
	for _, w := range ws[1:] {
		switch {
		case w.lower == "be" || w.lower == "been" || w.lower == "being":
			return false
		case mentionsChecking(w.lower):
			return true
		}
	}
	return false
}

// impersonalCheck reports whether the check word that follows before (a
// claim's text up to "verify", "confirm" …) stands in an impersonal clause
// after "but": "the attack, but it was not possible to independently",
// "…, but there was no way to". The text says that, not the speaker.
func impersonalCheck(before string) bool {
	k := strings.LastIndex(before, "but ")
	if k < 0 || k > 0 && before[k-1] != ' ' && before[k-1] != ',' {
		return false
	}
	rest := before[k+len("but "):]
	return strings.HasPrefix(rest, "it ") || strings.HasPrefix(rest, "there ")
}

// impersonalCaveat reports whether a caveat sentence's last check stands
// in an impersonal clause after "but" ("Officials in Peshawar confirmed
// the attack, but it was not possible to verify their account"): the
// text's caveat, though a party opens the sentence.
func impersonalCaveat(caveat string) bool {
	if !strings.Contains(caveat, "but it ") && !strings.Contains(caveat, "but there ") {
		return false // most caveats: no copy lowered
	}
	low := lowerASCII(caveat)
	k := -1
	for _, w := range []string{"verif", "confirm", "corroborat"} {
		k = max(k, strings.LastIndex(low, w))
	}
	return k > 0 && impersonalCheck(low[:k])
}
