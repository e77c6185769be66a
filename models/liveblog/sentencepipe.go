package liveblog

// A long entry (a wire report pasted whole, a page without timestamps) is
// one unit for scanEntry, so entries on several goroutines do not help it.
// Its sentences are read ahead instead: one goroutine splits them and runs
// the rules that need nothing but the sentence (words, quotations,
// sentenceFrames), while scanEntry, on the caller's, resolves speakers and
// paragraphs from those facts, in order.

// minPipeBytes is the smallest entry whose sentences are read ahead on a
// goroutine of their own.
const minPipeBytes = 64 << 10

// pipeBatchBytes is about how much text one hand-over carries, and
// pipeAhead how many hand-overs may wait to be read: a bound on the words
// and frames held ahead of scanEntry, whatever the size of the entry.
const (
	pipeBatchBytes = 16 << 10
	pipeAhead      = 4
	pipeBatchWords = 4 << 10 // words of a batch's buffer; most batches fit
	pipeBatchFacts = 256     // sentences and paragraph ends of a batch, likewise
)

// factBatch is a run of consecutive sentences, of one paragraph or several.
type factBatch struct {
	// facts are the sentences in order; an element with paraEnd set is no
	// sentence but closes a paragraph, even one without any sentence, so
	// scanEntry can tell where paragraphs end.
	facts []sentenceFacts
	words []word // the buffer the facts' words are in, reused once read
	// panicked is what reading the sentences panicked with, raised again
	// in scanEntry's goroutine (whose caller may recover from it).
	panicked any
}

// sentencePipe reads the sentences of an entry ahead of scanEntry.
type sentencePipe struct {
	batches chan factBatch
	free    chan factBatch // batches scanEntry is done with, to be filled again
	done    chan struct{}
	ended   chan struct{} // closed when read returns
	cur     factBatch
	k       int  // the next element of cur.facts
	si      int  // the index in its paragraph of the next sentence
	have    bool // cur was received and is not fully read
}

// startSentencePipe starts reading the sentences of paras, which hold size
// bytes. The caller must call stop when done, also on a panic.
func startSentencePipe(paras []string, size int) *sentencePipe {
	p := &sentencePipe{batches: make(chan factBatch, pipeAhead), free: make(chan factBatch, pipeAhead+2),
		done: make(chan struct{}), ended: make(chan struct{})}
	go p.read(paras, size)
	return p
}

// stop ends the reading goroutine if it is still running and waits for it,
// so nothing of scanEntry runs on after it.
func (p *sentencePipe) stop() {
	close(p.done)
	<-p.ended
}

// read produces the facts of every sentence of paras, in order, with the
// end of each paragraph marked, in batches of about pipeBatchBytes.
func (p *sentencePipe) read(paras []string, size int) {
	defer close(p.ended)
	defer func() {
		if r := recover(); r != nil {
			p.send(factBatch{panicked: r})
		}
	}()
	lowered := newLowered(paras, size)
	var sents []span
	b, bytes := p.batch(), 0
	for _, para := range paras {
		dl := datelineLen(para)
		paraLow := lowered.next(para)
		sents = appendSentences(sents[:0], para)
		for si, sp := range sents {
			if bytes >= pipeBatchBytes {
				if !p.send(b) {
					return
				}
				b, bytes = p.batch(), 0
			}
			low := ""
			if paraLow != "" {
				low = paraLow[sp.s:sp.e]
			}
			b.facts = append(b.facts, sentenceFacts{})
			f := &b.facts[len(b.facts)-1]
			rest := b.words[len(b.words):]
			readSentence(f, para, sp, low, datelineFrom(si, dl, sp), rest, true)
			if len(f.ws) <= cap(rest) {
				b.words = b.words[:len(b.words)+len(f.ws)] // the words went into the buffer
			}
			f.ws = f.ws[:len(f.ws):len(f.ws)] // nothing may append into the next sentence's words
			bytes += sp.e - sp.s
		}
		b.facts = append(b.facts, sentenceFacts{paraEnd: true})
		bytes += 64 // many short paragraphs are work too
	}
	p.send(b)
}

// batch returns an empty batch, one scanEntry is done with if there is one.
func (p *sentencePipe) batch() factBatch {
	select {
	case b := <-p.free:
		clear(b.facts[:cap(b.facts)]) // what the facts pointed to may go
		b.facts, b.words = b.facts[:0], b.words[:0]
		return b
	default:
		return factBatch{facts: make([]sentenceFacts, 0, pipeBatchFacts), words: make([]word, 0, pipeBatchWords)}
	}
}

// send hands b to scanEntry; false when scanEntry has stopped.
func (p *sentencePipe) send(b factBatch) bool {
	select {
	case p.batches <- b:
		return true
	case <-p.done:
		return false
	}
}

// next returns the facts of the next sentence of the current paragraph and
// its index in the paragraph, or nil at the paragraph's end. The facts
// hold until the next call.
func (p *sentencePipe) next() (*sentenceFacts, int) {
	for {
		if !p.have {
			p.cur, p.k, p.have = <-p.batches, 0, true
			if p.cur.panicked != nil {
				panic(p.cur.panicked)
			}
		}
		if p.k < len(p.cur.facts) {
			f := &p.cur.facts[p.k]
			p.k++
			if f.paraEnd {
				p.si = 0
				return nil, 0
			}
			p.si++
			return f, p.si - 1
		}
		select {
		case p.free <- p.cur: // read: it may be filled again
		default:
		}
		p.cur, p.have = factBatch{}, false
	}
}
