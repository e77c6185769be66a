package liveblog

import "strings"

// nestedVerbs report a party's view inside a relative clause of another
// party's claim ("… the hills that Dunmore says is its land").
var nestedVerbs = setOf("says", "said", "claims", "claimed", "insists", "insisted", "maintains", "considers")

// nestedClaims returns the claims that other parties make inside the
// relative clauses of frames' claims: "The officials said the patrol was
// hit near a post in the Ravel hills that Dunmore says is its own land"
// also proposes Dunmore's claim that the Ravel hills are its own land, and
// "… the Vell region, which Kalmar claims it has captured" Kalmar's. The
// party must be named (capitalised words right after "that" or "which").
func nestedClaims(frames []rawFrame) []rawFrame {
	var out []rawFrame
	for _, f := range frames {
		c := f.claim
		for _, rel := range []string{" that ", " which "} {
			for at := 0; ; {
				k := strings.Index(c[at:], rel)
				if k < 0 {
					break
				}
				k += at
				at = k + len(rel)
				if nf, ok := nestedClaim(c, k, at, f); ok {
					out = append(out, nf)
				}
			}
		}
	}
	return out
}

// nestedClaim reads "NAME VERB REST" after the relative pronoun ending at
// at in claim c (k is where it starts).
func nestedClaim(c string, k, at int, outer rawFrame) (rawFrame, bool) {
	if at >= len(c) || c[at] >= 'a' && c[at] <= 'z' {
		return rawFrame{}, false // "that crews built": no name follows
	}
	var buf [12]string
	ws := appendFields(buf[:0], c[at:min(len(c), at+160)])
	n := 0
	for n < len(ws) && n < 4 && isCapitalized(ws[n]) {
		n++
	}
	if n == 0 || n >= len(ws) || !nestedVerbs[ws[n]] {
		return rawFrame{}, false
	}
	name := strings.Join(ws[:n], " ")
	vi := at + strings.Index(c[at:], ws[n]) + len(ws[n])
	rest := strings.TrimSpace(c[vi:])
	if e := strings.IndexAny(rest, ",;"); e >= 0 {
		rest = rest[:e]
	}
	if wordCount(rest) < 2 {
		return rawFrame{}, false
	}
	if !pronouns[lowerASCII(firstWord(rest))] {
		// "is its own land": the antecedent is the subject.
		ante := antecedent(c[:k])
		if ante == "" {
			return rawFrame{}, false
		}
		rest = ante + " " + rest
	}
	return rawFrame{subject: name, claim: rest, verb: ws[n], rule: ruleRelativeClause, pos: outer.pos}, true
}

// antecedent returns the noun phrase that ends a text, back to its
// preposition or verb ("… near a post in the Ravel hills" → "the Ravel
// hills"), at most five words; "" when none is found.
func antecedent(p string) string {
	var buf [64]string
	ws := appendFields(buf[:0], p)
	start := len(ws)
	for start > 0 && len(ws)-start < 5 && !placePrepositions[lowerASCII(ws[start-1])] && !strings.HasSuffix(ws[start-1], ",") {
		start--
	}
	if start == len(ws) || start == 0 || !placePrepositions[lowerASCII(ws[start-1])] {
		return ""
	}
	return strings.Join(ws[start:], " ")
}

// relativeAntecedent returns the speaker a "which said" or "who said"
// refers to, given the phrase before its comma: the phrase itself when
// short, else the agent after its last "by" ("gunfire in another video
// posted online by the Oslo-based group IHR, which said …"); "" if none.
func relativeAntecedent(prev string) string {
	if np := antecedentAfterPreposition(prev); np != "" {
		return np // "… comment from the authorities, who say …"
	}
	if wordCount(prev) <= maxSubjectWords {
		return prev
	}
	if k := strings.LastIndex(prev, " by "); k >= 0 {
		if agent := strings.TrimSpace(prev[k+4:]); agent != "" && wordCount(agent) <= 8 {
			return agent
		}
	}
	return ""
}

// issueVerbs put out a statement ("the government issued a statement").
var issueVerbs = setOf("issued", "issues", "issue", "released", "releases", "published")

// statementIssuer returns, for a sentence that only says a party put out a
// statement ("After blaming the rebels, the government issued a statement
// on Tuesday condemning the raid."), a frame with that party as speaker
// and no claim of its own: the quotation or "it said" that follows is the
// statement's. It returns nil for any other sentence.
func statementIssuer(s, low string, qs []span, from int, ws []word) []rawFrame {
	if !strings.Contains(low, " statement") {
		return nil // most sentences: no scan of their words
	}
	for i := 1; i+2 < len(ws); i++ {
		if !issueVerbs[ws[i].lower] || ws[i].s < from || inSpans(qs, ws[i].s) {
			continue
		}
		k := i + 1
		if ws[k].lower != "a" && ws[k].lower != "its" && ws[k].lower != "their" {
			return nil
		}
		if ws[k+1].lower == "joint" && k+2 < len(ws) {
			k++
		}
		if ws[k+1].lower != "statement" {
			return nil
		}
		ss, se, _, ok := subjectSpan(s, qs, from, ws[i].s)
		if !ok || hasAuxiliary(s[ss:se]) {
			return nil
		}
		return []rawFrame{{subject: s[ss:se], verb: "issued a statement", generic: true, rule: ruleSpeakerVerbClaim, pos: ss}}
	}
	return nil
}
