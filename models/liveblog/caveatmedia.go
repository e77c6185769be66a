package liveblog

import "strings"

// mediaIntro is the last sentence of an entry that brought in a picture or
// a video, which a later caveat on "the video" or "the footage" refers to.
type mediaIntro struct {
	ok         bool
	para, sent int
	// poster is who posted or released it ("rebels" of "The rebels
	// posted a video", "activists" of "a video posted by activists"), in
	// lower case, or "".
	poster string
	// attached: it came with a statement told before ("The tweet was
	// accompanied by a video").
	attached bool
}

// mediaWords are the stems that mention a picture or a video.
var mediaWords = []string{"video", "footage", "image", "photo", "picture", "clip", "recording"}

// mentionsMedia is the cheap test before a sentence is read as bringing
// in a picture or a video.
func mentionsMedia(low string) bool { return containsOneOf(low, mediaWords) }

// postingVerbs put a picture or a video out: who does it stands before
// them ("The rebels posted a video") or after "by" ("posted by
// activists").
var postingVerbs = setOf("posted", "released", "shared", "published", "issued", "distributed", "broadcast",
	"circulated", "uploaded", "aired", "posts", "releases", "shares", "publishes")

// mayPost is the cheap test before a sentence is read for who posted or
// issued something: it holds a stem of a posting verb.
func mayPost(low string) bool { return containsOneOf(low, postingStems) }

var postingStems = []string{"post", "releas", "shar", "publish", "issu", "distribut", "broadcast", "circulat", "upload", "aired"}

// posterSkip are words between a poster and its verb ("The rebels also
// posted", "the group has released").
var posterSkip = setOf("also", "later", "then", "has", "have", "had", "earlier", "separately", "itself")

// broughtIn finds the sentence that brought in the picture or video (or,
// with statement, the statement) that a caveat at sentence si of
// paragraph pi refers to: the nearest one before it in that paragraph or
// the two before, or the caveat's own sentence when it names who posted
// it ("In a video posted by the rebels, which could not be verified, …").
// It reads those paragraphs again only for such a caveat, which is rare.
func broughtIn(paras []string, pi, si int, statement bool) mediaIntro {
	for p := pi; p >= 0 && p >= pi-2; p-- {
		paraLow := lowerASCII(paras[p])
		if !mentionsMedia(paraLow) && !strings.Contains(paraLow, "statement") {
			continue
		}
		sents := splitSentences(paras[p])
		last := len(sents) - 1
		if p == pi {
			last = min(si, last)
		}
		for s := last; s >= 0; s-- {
			low := paraLow[sents[s].s:sents[s].e]
			own := p == pi && s == si
			var m mediaIntro
			var ok bool
			if statement {
				m, ok = noteStatement(low, own)
			} else {
				m, ok = noteMedia(low, own)
			}
			if ok {
				m.ok, m.para, m.sent = true, p, s
				return m
			}
		}
	}
	return mediaIntro{}
}

// noteMedia reads whether the sentence low brings in a picture or a video,
// and who posted it. A caveat sentence (the one asking, own, or an earlier
// one) counts only when it names who posted it.
func noteMedia(low string, own bool) (mediaIntro, bool) {
	if !mentionsMedia(low) {
		return mediaIntro{}, false
	}
	m := mediaIntro{attached: strings.Contains(low, "accompan") || strings.Contains(low, "attached")}
	if mayPost(low) {
		m.poster = posterOf(low, words(low))
	}
	// An earlier caveat on the same picture brought nothing in either.
	return m, m.poster != "" || !own && !isCaveat(low)
}

// posterOf returns the head of who posted or released the picture a
// sentence brings in (ws, the words of low), or "".
func posterOf(low string, ws []word) string {
	for i, w := range ws {
		if !postingVerbs[w.lower] {
			continue
		}
		if i+2 < len(ws) && ws[i+1].lower == "by" {
			return phraseHead(low, ws[i+2:]) // "posted by the Oslo-based group Iran Human Rights, which …"
		}
		k := i - 1
		for k >= 0 && posterSkip[ws[k].lower] {
			k--
		}
		if k >= 0 {
			return partyWord(ws[k].lower)
		}
	}
	return ""
}

// phraseEnds end the name of a poster after "by" or "from".
var phraseEnds = setOf("on", "online", "in", "to", "of", "which", "that", "showing", "shows", "showed", "who",
	"and", "as", "after", "saying", "says", "said")

// phraseHead returns the last word of the noun phrase that ws opens (words
// of low), up to a clause word or a punctuation mark.
func phraseHead(low string, ws []word) string {
	head := ""
	for j, n := range ws {
		if phraseEnds[n.lower] || j > 0 && strings.ContainsAny(low[ws[j-1].e:n.s], ",:;.(\"“”") {
			break
		}
		head = n.lower
	}
	return partyWord(head)
}

// partyWord keeps w when it can name a party ("rebels", "activists"), not
// a function word or a mention of the picture itself.
func partyWord(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) < 3 || descStop[w] || pronouns[w] || mediaNouns[w] {
		return ""
	}
	return w
}

// mediaCovers returns a test for the claims a caveat on a picture or a
// video covers, besides one in its own sentence: what is said in it (the
// claims from the sentence that brought it in up to the caveat, when that
// stands at most two paragraphs before), the claims before the caveat of
// whoever posted it (their video backs their account), and, when it came
// with a statement ("The tweet was accompanied by a video"), the claims of
// the paragraph before it. A picture that only illustrates the story
// covers nothing else.
func mediaCovers(items []*item, end int, c caveatAt) func(*item) bool {
	m := c.media
	own := func(it *item) bool { return it.para == c.para && it.sent == c.sent }
	if !m.ok || m.para < c.para-2 {
		return own
	}
	after := func(it *item) bool { return it.para > m.para || it.para == m.para && it.sent >= m.sent }
	attachedPara := -1
	if m.attached {
		for k := end - 1; k >= 0; k-- {
			if !after(items[k]) {
				attachedPara = items[k].para
				break
			}
		}
	}
	return func(it *item) bool {
		return own(it) || after(it) || m.poster != "" && namesParty(it.claimant, m.poster) ||
			it.para == attachedPara && attachedPara >= m.para-1
	}
}

// noteStatement reads whether the sentence low brings in a statement with
// its issuer ("a statement from the rebels", "The group issued a
// statement"); the caveat's own sentence does not.
func noteStatement(low string, own bool) (mediaIntro, bool) {
	if own || !strings.Contains(low, "statement") {
		return mediaIntro{}, false
	}
	ws := words(low)
	for i := 0; i+2 < len(ws); i++ {
		if ws[i].lower == "statement" && (ws[i+1].lower == "from" || ws[i+1].lower == "by") {
			// "a statement from the rebels", read like "posted by …"
			return mediaIntro{poster: phraseHead(low, ws[i+2:])}, true
		}
	}
	if p := posterOf(low, ws); p != "" {
		return mediaIntro{poster: p}, true
	}
	return mediaIntro{}, false
}

// namesOneStatement reports whether a caveat names one statement ("this
// statement", "the statement"), not a party's ("the ministry's statement").
func namesOneStatement(ws []word) bool {
	for i := 1; i < len(ws); i++ {
		if ws[i].lower == "statement" && (ws[i-1].lower == "this" || ws[i-1].lower == "the" || ws[i-1].lower == "that") {
			return true
		}
	}
	return false
}
