package liveblog

import "strings"

// "Israel did not immediately comment on the strike. It has acknowledged
// carrying out three other strikes." The sentence before names no speaker
// (nothing in it was said), so no mention resolves "It"; its subject, a
// body that can speak, does.

// itFromSentenceBefore gives a frame whose speaker is "It" the subject of
// the sentence before in the paragraph, bare, when that sentence had no
// frame of its own and its subject is a body: a country or organisation
// named, or a description headed by an organisation word ("the weather
// office").
func itFromSentenceBefore(frames []rawFrame, bare string) {
	if bare == "" {
		return
	}
	for k := range frames {
		if !strings.EqualFold(strings.TrimSpace(frames[k].subject), "it") {
			continue
		}
		if subj := bodySubject(bare); subj != "" {
			frames[k].subject = subj
		}
		return
	}
}

// bodySubject returns the noun phrase a sentence opens with, after an
// introduction ("After the landfall ended around midnight, the weather
// office downgraded …"), when it names a body; "" otherwise.
func bodySubject(sent string) string {
	from := 0
	if inSet(introStarters, lowerASCII(firstWord(sent))) {
		k := strings.IndexByte(sent, ',')
		if k < 0 || wordCount(sent[:k]) > 16 {
			return ""
		}
		from = skipSpaces(sent, k+1)
	}
	sc := &sentenceScan{s: sent, low: lowerASCII(sent)}
	np := initialNounPhrase(sc, from, len(sent))
	ws := strings.Fields(lowerASCII(np))
	switch {
	case len(ws) == 0 || len(ws) > 6 || pronouns[ws[0]] || possessives[ws[0]]:
		return ""
	case containsOrgWord(strings.Join(ws, " ")):
		return np
	case len(ws) == 1 && isCapitalized(np) && !sentenceStarters[ws[0]]:
		return np // "Israel", "Hamas": one name, no person's
	}
	return ""
}
