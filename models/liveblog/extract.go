package liveblog

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Candidate is one attributed claim proposed for review. It marshals to the
// `claimdesk extract` JSON contract in PRODUCT.md.
type Candidate struct {
	// Claim is the statement in the text's words (a direct quote without
	// its quotation marks; a denial with "not" added where an auxiliary
	// allows).
	Claim string `json:"claim"`
	// Claimant is who made the claim, resolved to the fullest name the
	// text gives ("Kellner" → "Marta Kellner", "He" → the person meant).
	Claimant string `json:"claimant"`
	// Quote is the sentence the claim was found in, verbatim but for
	// white space.
	Quote string `json:"quote"`
	// Time and Headline are those of the entry the claim stands in.
	Time     string `json:"time"`
	Headline string `json:"headline"`
	// Unverifiable is set when the text itself says the claim could not be
	// independently verified; Caveat is the sentence that says so.
	Unverifiable bool `json:"unverifiable"`
	// Verb is the reporting verb as printed ("said", "told", "denied",
	// "according to").
	Verb string `json:"verb,omitempty"`
	// Direct is true for a quotation.
	Direct bool `json:"direct,omitempty"`
	// Channel is where or how the claim was made ("in a statement", "on
	// Telegram", "told reporters", "according to Russian sources").
	Channel string `json:"channel,omitempty"`
	// Via is the outlet that relayed the claim ("Reuters reported").
	Via string `json:"via,omitempty"`
	// Caveat is the sentence that makes the claim unverifiable, if any.
	Caveat string `json:"caveat,omitempty"`
	// Rule names the pattern that found the claim (see RuleDescription),
	// so the import screen can say why it was proposed.
	Rule string `json:"rule,omitempty"`
	// EntryIndex is the index of the claim's entry in Blog.Entries, or -1
	// for the text before the first entry, so an importer can attach the
	// claim to its Entry.
	EntryIndex int `json:"-"`
}

// claimFrame is what an item keeps of its rawFrame once the speaker phrase
// has been taken apart: a claim-dense entry holds hundreds of thousands.
type claimFrame struct {
	claim, verb, channel, via, rule              string
	direct, deny, generic, coord, responsibility bool
}

// keep returns the parts of f that outlive the sentence.
func (f rawFrame) keep() claimFrame {
	return claimFrame{claim: f.claim, verb: f.verb, channel: f.channel, via: f.via, rule: f.rule, direct: f.direct,
		deny: f.deny, generic: f.generic, coord: f.coord, responsibility: f.responsibility}
}

// item is a claim on its way to becoming a Candidate.
type item struct {
	f            claimFrame
	si           *subjectInfo // shared: see entityIndex.subject
	subjPos      int
	para, sent   int
	quote        string
	unverifiable bool
	caveat       string
	claimant     string
}

// Extract returns the attributed claims of a live blog or wire report in the
// order they appear, photo captions with a credit included. A text without
// attributions yields no candidates and no error, nor does a claimant that
// cannot be a speaker (see keepSpeakers).
func Extract(text string) ([]Candidate, error) {
	return extract(text, scanPlan{workers: scanWorkers, readAhead: readAheadWorth})
}

// scanPlan says how Extract spreads its work over goroutines: workers
// returns how many scan entries beside the caller's goroutine (see
// scanAhead), 0 for none; when there are none, readAhead says whether an
// entry of size bytes has its sentences read ahead (see sentencePipe).
type scanPlan struct {
	workers   func(tasks [][]string) int
	readAhead func(size int) bool
}

// extract is Extract with the work spread as plan says.
func extract(text string, plan scanPlan) ([]Candidate, error) {
	norm, err := normalize(text)
	if err != nil {
		return nil, err
	}
	p := parseNormalized(norm, false)
	blog := newBlogIndex()
	// About one claim per 128 bytes of claim-rich news (one per 115 in the
	// benchmark's live blogs): growing the list copies every candidate.
	out := make([]Candidate, 0, len(norm)/128+1)
	byEntry := map[int][]int{}
	for k, c := range p.blog.Captions {
		byEntry[c.EntryIndex] = append(byEntry[c.EntryIndex], k)
	}
	scratch := new([]word)
	captions := func(entry int, time, headline string) {
		for _, k := range byEntry[entry] {
			c := p.blog.Captions[k]
			if c.Credit == "" || wordCount(c.Text) < 2 {
				continue
			}
			// A caption that attributes what it says ("According to
			// local media, …") makes those claims, not the
			// photographer's.
			if n := len(out); len(attributedIn(c.Text)) > 0 {
				out = extractEntry(out, []string{c.Text}, entry, time, headline, blog, scratch)
				if len(out) > n {
					continue
				}
			}
			if !handoutCredit(c.Credit) {
				continue
			}
			claim := strings.TrimSuffix(strings.TrimSpace(c.Text), ".")
			src := creditSource(c.Credit)
			if src == "" {
				continue
			}
			out = append(out, Candidate{Claim: collapseSpaces(claim), Claimant: src,
				Quote: collapseSpaces(p.captionSrc[k]), Time: time, Headline: headline,
				Channel: "photo", Rule: rulePhotoCredit, EntryIndex: entry})
		}
	}
	// tasks[0] is the text before the first entry, tasks[i+1] entry i.
	tasks := make([][]string, 0, len(p.blog.Entries)+1)
	tasks = append(tasks, nil)
	if len(p.intro) > 0 {
		tasks[0] = p.intro
	}
	for i, e := range p.blog.Entries {
		paras := p.paragraphs[i]
		if len(paras) == 0 && e.Headline != "" {
			// A one-line wire entry ("0708 GMT: Canada said its embassy
			// would stay open") is its own headline and its only text.
			paras = []string{e.Headline}
		}
		tasks = append(tasks, paras)
	}
	withBriefingHeader(tasks, p.blog.Title)
	var scan entryScan
	next := func() *entryScan { // the scan of the next task, on this goroutine
		paras := tasks[0]
		tasks = tasks[1:]
		if paras == nil {
			return nil
		}
		size := 0
		for _, p := range paras {
			size += len(p)
		}
		scan = scanEntry(paras, blog.subjects, scratch, plan.readAhead(size))
		return &scan
	}
	if w := plan.workers(tasks); w > 0 {
		var stop func()
		next, stop = scanAhead(tasks, w)
		defer stop()
	}
	captions(-1, "", "")
	if s := next(); s != nil {
		out = s.emit(out, -1, "", "", blog)
	}
	for i, e := range p.blog.Entries {
		captions(i, e.Time, e.Headline)
		if s := next(); s != nil {
			out = s.emit(out, i, e.Time, e.Headline, blog)
		}
	}
	return withoutTurnEchoes(keepSpeakers(out)), nil
}

// extractEntry finds the claims of one entry, resolves their speakers within
// the entry and applies the entry's caveats. It appends the candidates to
// out, so a long text is not copied from a list per entry into the result.
//
// scratch is a word buffer reused across entries; it holds nothing between
// calls.
func extractEntry(out []Candidate, paras []string, index int, time, headline string, blog *blogIndex, scratch *[]word) []Candidate {
	s := scanEntry(paras, blog.subjects, scratch, false)
	return s.emit(out, index, time, headline, blog)
}

// entryScan is what an entry says on its own: its claims with their
// speaker phrases, the names it mentions and its caveats. Nothing in it
// depends on earlier entries, so entries can be scanned in any order, on
// several goroutines (see scanAhead); emit then reads them in order.
type entryScan struct {
	ix      entityIndex
	items   []*item
	caveats []caveatAt
}

// scanEntry finds the claims, names and caveats of one entry. subjects is
// the cache of analyzeSubject of the goroutine that scans (see
// entityIndex.subject); scratch is its word buffer, which holds nothing
// between calls.
func scanEntry(paras []string, subjects map[string]*knownSubject, scratch *[]word, readAhead bool) entryScan {
	ix := entityIndex{subjects: subjects}
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	// About one mention per 64 bytes of name-dense news (one per 80 in the
	// benchmark's live blogs); growing the list by doubling from empty would
	// copy a long entry's mentions many times, and reserving much more than
	// the entry uses costs as much again in clearing and collecting.
	ix.ms = make([]mention, 0, size/64+2)
	// About one claim per 200 bytes of news: one allocation for most
	// entries rather than one per doubling (the list outlives the scan).
	items := make([]*item, 0, size/160+2)
	var caveats []caveatAt
	base := 0
	colonPara := -1    // the paragraph after one that ends "… says:"
	var leadIn *item   // the speaker of that "… says:"
	briefSpeaker := "" // the speaker of the last transcript turn
	// A transcript has several "Name: …" turns; one alone is more likely
	// a dateline ("Ramallah: …").
	tp := readTranscript(paras)
	transcript := tp.transcript
	src := sentenceSource{ws: *scratch} // the words are reused for every sentence; nothing keeps them
	defer func() { *scratch = src.ws[:0] }()
	if readAhead {
		src.pipe = startSentencePipe(paras, size)
		defer src.pipe.stop()
	} else {
		src.lowered = newLowered(paras, size)
	}
	linkList := false // in a list of links under "More from the region:"
	// The sentence before, when it had no frame ("That's according to X"
	// may follow).
	unattributed := ""
	for pi, para := range paras {
		if linkList && (!headlineLike(para) || pastTense(para)) {
			linkList = false
		}
		if opensLinkList(para) {
			linkList = true
		}
		if linkList || isChrome(para) {
			src.skip(para)
			base += len(para) + 2
			continue
		}
		dl := datelineLen(para)
		// A headline over the paragraphs that follow it ("Schools to stay
		// shut, minister says"; "No independent confirmation") restates or
		// announces them: neither a claim nor a caveat of its own.
		heading := pi+1 < len(paras) && len(para) < 400 && headlineLike(para) && !strings.HasSuffix(strings.TrimSpace(para), ":") && !pastTense(para) &&
			!isListLine(para) && // "• More than 40,000 homes …, says X" under "Key Points"
			!inUpdateList(paras, pi)
		// A transcript turn: "Lin Wei: …" speaks, and so do the
		// paragraphs after it until the next turn; a question speaks
		// for no one.
		question := isQuestion(para) && !(transcript && callsOnSomeone(para)) || transcript && tp.asks[pi]
		speaker, off, turn := speakerPrefix(para)
		if !turn && transcript {
			speaker, off, turn = tp.shortTurn(paras, pi) // "MS. PSAKI: Hi, Nicole."
		}
		label := turn && headingTurn(speaker) // "Kolkata Blast LIVE UPDATES: …"
		turn = turn && transcript && !label
		if transcript && tp.host != "" {
			if q, at, ok := tp.label(para); ok && !q {
				// "A: …" in a transcript whose header names the host
				speaker, off, turn = tp.host, at, true
			}
			heading = heading || pi == tp.header
		}
		if heading || question || turn || label || labelled(para) {
			briefSpeaker = ""
		}
		if (tp.monologue || pi < tp.summaryEnd) && pi > tp.header && !heading {
			briefSpeaker = tp.host // remarks without turns: the host's, under any subheading
		}
		if turn && !question && !heading {
			briefSpeaker = speaker
		} else if briefSpeaker != "" && !heading && !question {
			speaker, off, turn = briefSpeaker, 0, true
		}
		if pi == tp.header && transcript {
			briefSpeaker = tp.host // the paragraphs after the header are the host's
		}
		turn = turn && !heading && !question
		wantFrames := !heading && !(question && transcript)
		src.begin(para, dl, wantFrames)
		prev := span{-1, -1} // the sentence before, for "Das teilte X mit."
		post, postBy, isPost := embeddedPost(para)
		for facts, si := src.next(); facts != nil; facts, si = src.next() {
			sp := facts.sp
			sent := para[sp.s:sp.e]
			from := datelineFrom(si, dl, sp)
			low, ws, qs := facts.low, facts.ws, facts.qs
			named := ws
			for len(named) > 0 && named[0].s < from {
				named = named[1:] // a dateline ("HONG KONG (Reuters) -") names no speaker
			}
			ix.scanNames(sent, qs, named, base+sp.s)
			var frames []rawFrame
			if wantFrames {
				frames = facts.frames
			}
			if turn {
				for k := range frames {
					if firstPersonSubjects[lowerASCII(frames[k].subject)] {
						frames[k].subject = speaker // "I noted that …" in the spokesperson's turn
					}
				}
			}
			// A paragraph of one sentence that names its own speaker
			// ("Kremlin spokespeople claim …") is that speaker's, not
			// the turn's.
			if turn && si == 0 && !(off == 0 && len(frames) > 0 && strings.TrimSpace(para[sp.e:]) == "") {
				if c, _ := cleanClaim(withoutRoomTalk(para[off:])); c != "" && !smallTalk(c) {
					frames = append([]rawFrame{{subject: speaker, claim: c, rule: ruleSpeakerColon}}, frames...)
				}
			}
			if isPost {
				// A post embedded in the page: its account speaks, once.
				frames = nil
				if si == 0 {
					frames = []rawFrame{{subject: postBy, claim: post, rule: ruleEmbeddedPost}}
				}
			}
			if len(frames) == 0 && !heading {
				if c, src, ok := colonSource(sent[from:]); ok && !endsWithCreditLabel(c) {
					frames = []rawFrame{{subject: src, claim: c, rule: ruleHeadlineSource, pos: len(sent) - len(src)}}
				}
			}
			// "X said Y, a figure that could not be verified": the
			// closing clause is the text's caveat, not X's words.
			tailCaveat := false
			for k := range frames {
				if !frames[k].direct {
					if c, ok := cutCaveatTail(frames[k].claim); ok {
						frames[k].claim, tailCaveat = c, true
					}
				}
			}
			caveat := isCaveat(low)
			if caveat {
				// "CNN could not verify X's claim, but Y disputed it":
				// the caveat's own clause is no speaker.
				frames = slices.DeleteFunc(frames, func(f rawFrame) bool { return mentionsChecking(lowerASCII(f.subject)) })
			}
			if !heading && caveat && (tailCaveat || openingCaveat(low) != "" || !attributedCaveat(frames)) && !speakersOwnCaveat(low) {
				// The caveat may share its sentence with a claim ("X said
				// Y, which could not be independently verified").
				caveats = append(caveats, newCaveat(sent, low, paras, pi, si))
			}
			if f, ok := thatIsAccording(sent[from:], unattributed); ok && !heading {
				frames = []rawFrame{f} // "…. That's according to the weather service."
			}
			if si > 0 {
				itFromSentenceBefore(frames, unattributed) // "Israel did not comment. It has acknowledged …"
			}
			unattributed = ""
			if len(frames) == 0 && !heading {
				unattributed = sent[from:]
			}
			if len(frames) == 0 && len(items) > 0 && !heading {
				c, direct := cleanClaim(sent[from:])
				switch {
				case pi == colonPara && c != "":
					// "PA Media says:" closing the paragraph before:
					// this paragraph is what it says.
					frames = []rawFrame{{claim: c, direct: true, coord: true, rule: ruleColonBlock}}
				case direct && items[len(items)-1].para >= pi-1:
					frames = []rawFrame{{claim: c, direct: true, coord: true, rule: ruleQuoteContinues}}
				case c != "" && items[len(items)-1].para == pi && germanReportedSpeech(ws, qs):
					// "Es gehe um …": German reported speech goes on
					// with the speaker before.
					frames = []rawFrame{{claim: c, coord: true, rule: ruleReportedSpeech}}
				}
			}
			frames = withSentenceBefore(frames, para, prev, paragraphSpeaker(items, pi, si))
			prev = sp
			ix.markClaimNames(frames)
			dropSympathy(frames)
			var prevInSentence *item
			quote := "" // one copy for every claim of the sentence
			if len(frames) > 0 {
				quote = collapseSpaces(sent)
			}
			for _, f := range frames {
				q := quote
				switch {
				case f.rule == ruleSpeakerColon:
					q = collapseSpaces(para)
					if len(para) > maxQuote {
						q = quoteWindow(para, f)
					}
				case len(sent) > maxQuote:
					q = quoteWindow(sent, f)
				}
				it := &item{f: f.keep(), para: pi, sent: si, quote: q}
				switch {
				case f.subject != "":
					ks := ix.known(mediaAgent(f.subject))
					it.si = &ks.subjectInfo
					it.subjPos = base + sp.s + f.pos
					if it.si.name != "" || it.si.role != "" {
						ix.add(mention{name: it.si.name, role: it.si.role, head: ks.head, last: ks.last, pos: it.subjPos,
							person: ks.person, speaker: true})
					}
				case f.rule == ruleColonBlock && leadIn != nil:
					it.si, it.subjPos = leadIn.si, leadIn.subjPos // a list under "X gave details:" is X's, item after item
				case prevInSentence != nil:
					it.si, it.subjPos = prevInSentence.si, prevInSentence.subjPos
				case len(items) > 0:
					// The speaker before; a statement only named in
					// passing ("Badeh's statement that …") does not
					// speak on.
					last := items[len(items)-1]
					for k := len(items) - 1; k > 0 && k > len(items)-4 && items[k].f.rule == rulePossessive; k-- {
						last = items[k-1]
					}
					it.si, it.subjPos = last.si, last.subjPos
				default:
					continue
				}
				if it.f.via == "" {
					it.f.via = it.si.via
				}
				if it.f.channel == "" {
					it.f.channel = it.si.channel
				}
				prevInSentence = it
				items = append(items, it)
			}
		}
		if endsAsLeadIn(para) && len(items) > 0 && items[len(items)-1].para == pi {
			colonPara, leadIn = pi+1, items[len(items)-1]
		} else if continuesLeadInList(paras, pi, colonPara) {
			colonPara = pi + 1
		}
		base += len(para) + 2
	}
	items = mergeDenials(items)
	ix.build()
	return entryScan{ix: ix, items: items, caveats: caveats}
}

// emit resolves the speakers of a scanned entry with the names of the
// entries before it (blog), passes its own names on to the entries after
// it, applies its caveats and appends its candidates to out. Entries must
// be emitted in text order.
func (e *entryScan) emit(out []Candidate, index int, time, headline string, blog *blogIndex) []Candidate {
	ix, items := &e.ix, e.items
	for k, it := range items {
		it.claimant = ix.resolve(it.si, it.subjPos, blog)
		if k > 0 && isDocumentSpeaker(it.claimant) && items[k-1].para >= it.para-1 && !isDocumentSpeaker(items[k-1].claimant) &&
			!isPersonName(items[k-1].claimant) {
			// "… ," the ministry said. "…," the statement added.": the
			// statement speaks for the body that spoke before it, not
			// for a person quoted in between.
			it.claimant = items[k-1].claimant
		}
		if it.f.responsibility {
			it.f.claim = strings.TrimSpace(it.claimant + " was responsible " + it.f.claim)
		}
	}
	ix.remember(blog)
	e.ix = entityIndex{} // the names are resolved: the collector may take them before the candidates are made
	applyCaveats(items, e.caveats)
	out = slices.Grow(out, len(items)) // one allocation, not one per doubling
	for k, it := range items {
		items[k] = nil // lets the collector take the item once copied
		if it.claimant == "" || it.f.claim == "" {
			continue
		}
		out = append(out, Candidate{
			Claim: it.f.claim, Claimant: collapseSpaces(it.claimant), Quote: it.quote, Time: time,
			Headline: headline, Unverifiable: it.unverifiable, Verb: it.f.verb, Direct: it.f.direct,
			Channel: collapseSpaces(it.f.channel), Via: collapseSpaces(it.f.via), Caveat: it.caveat, Rule: it.f.rule,
			EntryIndex: index,
		})
	}
	return out
}

// maxQuote is the longest sentence given whole as a candidate's quote. A
// longer run of text (a list of statements without full stops) would
// otherwise be repeated in full for each of its claims, and the output
// would grow with the claims times the run instead of with the claims.
const maxQuote = 600

// quoteContext is how much of a long sentence is kept on each side of a
// claim and its attribution.
const quoteContext = 100

// quoteWindow returns the part of a long sentence that holds the claim of f
// and its reporting verb, with some context, marked "…" where it was cut.
func quoteWindow(sent string, f rawFrame) string {
	lo := min(f.pos, len(sent))
	hi := min(lo+len(f.verb), len(sent)) // the verb as reported may differ from the printed form
	probe := f.claim
	if len(probe) > 40 {
		probe = probe[:40]
		for len(probe) > 0 && !utf8.RuneStart(probe[len(probe)-1]) {
			probe = probe[:len(probe)-1]
		}
	}
	// The claim follows its verb ("S said C") or comes before it ("C, S
	// said"): the occurrence nearest the verb is the one meant.
	k := -1
	if probe != "" {
		after := sent[hi:min(len(sent), hi+quoteContext+len(probe))]
		if j := strings.Index(after, probe); j >= 0 {
			k = hi + j
		} else if j := strings.LastIndex(sent[max(0, lo-quoteContext-len(f.claim)):lo], probe); j >= 0 {
			k = max(0, lo-quoteContext-len(f.claim)) + j
		}
	}
	if k >= 0 {
		lo, hi = min(lo, k), max(hi, k+len(f.claim))
	}
	lo, hi = max(0, lo-quoteContext), min(len(sent), hi+quoteContext)
	for lo > 0 && sent[lo-1] != ' ' {
		lo--
	}
	for hi < len(sent) && sent[hi] != ' ' {
		hi++
	}
	q := collapseSpaces(sent[lo:hi])
	if lo > 0 {
		q = "… " + q
	}
	if hi < len(sent) {
		q += " …"
	}
	return q
}
