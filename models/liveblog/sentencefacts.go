package liveblog

// sentenceFacts is what the rules find in one sentence on its own, before
// the entry's names, speakers and paragraphs are considered: its words, its
// quotations and the attribution frames of sentenceFrames. None of it depends on other sentences, so a long entry can have
// its sentences read ahead on another goroutine (see sentencePipe) while
// scanEntry works through the ones before.
type sentenceFacts struct {
	sp     span   // the sentence in its paragraph
	low    string // lowerASCII of the sentence
	ws     []word
	qs     []span
	frames []rawFrame // sentenceFrames, when asked for
	// paraEnd marks, in a sentencePipe's batch, the end of a paragraph
	// rather than a sentence.
	paraEnd bool
}

// readSentence fills f for the sentence sp of para. low is the sentence
// in lower case, or "" to make it; from is where the sentence's text
// starts after a dateline; ws is a buffer for its words. frames are
// found only when wantFrames is set.
func readSentence(f *sentenceFacts, para string, sp span, low string, from int, ws []word, wantFrames bool) {
	sent := para[sp.s:sp.e]
	if low == "" {
		low = lowerASCII(sent) // per sentence: the paragraph is huge
	}
	f.sp, f.low = sp, low
	f.ws = appendWords(ws, sent, low, -1)
	f.qs = quoteSpans(sent)
	f.frames = nil
	if wantFrames {
		f.frames = sentenceFrames(sent, low, from, f.qs, f.ws)
	}
}

// datelineFrom returns where sentence si of a paragraph with a dateline of
// dl bytes starts its own text (the dateline names no speaker).
func datelineFrom(si, dl int, sp span) int {
	if si == 0 && dl > 0 && dl <= sp.e-sp.s {
		return dl
	}
	return 0
}

// sentenceSource gives scanEntry the facts of each sentence of an entry in
// order: read on the spot, one sentence at a time with one word buffer, or
// taken from a sentencePipe that reads them ahead.
type sentenceSource struct {
	pipe *sentencePipe // nil: read on the spot

	lowered lowered
	sents   []span
	ws      []word // the word buffer, reused for every sentence
	f       sentenceFacts
	para    string
	paraLow string // the paragraph in lower case, or "" when it is huge
	dl, k   int
	want    bool
}

// begin starts paragraph para, whose dateline is dl bytes long; frames
// are wanted for its sentences when wantFrames is set.
func (src *sentenceSource) begin(para string, dl int, wantFrames bool) {
	if src.pipe != nil {
		return
	}
	src.para, src.dl, src.want, src.k = para, dl, wantFrames, 0
	src.paraLow = src.lowered.next(para)
	src.sents = appendSentences(src.sents[:0], para)
}

// next returns the facts of the paragraph's next sentence and its index,
// or nil at the end of the paragraph. The facts hold until the next call.
func (src *sentenceSource) next() (*sentenceFacts, int) {
	if src.pipe != nil {
		return src.pipe.next()
	}
	if src.k >= len(src.sents) {
		return nil, 0
	}
	si, sp := src.k, src.sents[src.k]
	src.k++
	low := ""
	if src.paraLow != "" {
		low = src.paraLow[sp.s:sp.e]
	}
	readSentence(&src.f, src.para, sp, low, datelineFrom(si, src.dl, sp), src.ws[:0], src.want)
	src.ws = src.f.ws
	return &src.f, si
}

// skip passes over a paragraph that is not read (page furniture).
func (src *sentenceSource) skip(para string) {
	if src.pipe != nil {
		for f, _ := src.pipe.next(); f != nil; f, _ = src.pipe.next() {
		}
		return
	}
	src.lowered.next(para)
}
