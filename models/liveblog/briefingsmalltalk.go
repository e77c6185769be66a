package liveblog

import "strings"

// A briefing's answers hold what a desk checks — who did what, when, how
// many, what the government intends — between turns that only run the
// room: banter, jokes, who asks next, a conference operator's
// instructions, "I'm not aware of that". Those turns name nothing and give
// no figure a fact-checker could look up; this file tells them apart.

// procedureRoles label a turn that runs a call or a briefing rather than
// answering in it: the conference operator, the moderator. Such a turn
// claims nothing, like a journalist's.
var procedureRoles = setOf("operator", "moderator")

// smallTalkWords is the length up to which a turn that names no one and
// gives no figure is taken for small talk ("There does seem to be an
// echo.", "Yes, it arrived."): an answer with a claim in it says who or
// what, or takes more words.
const smallTalkWords = 10

// smallTalk reports whether what is left of a transcript turn, once its
// greetings and asides are gone, is a remark to the room: a few words
// that speak of the room ("I", "you", "it", "there"), name nothing, give
// no figure, point at nothing in the world ("the border", "they") and
// weigh no claim ("We cannot confirm it was shelled" answers the
// question).
func smallTalk(turn string) bool {
	if wordCount(turn) > smallTalkWords || namesOrCounts(turn) {
		return false
	}
	low := lowerASCII(turn)
	if containsAny(low, weighingWords) {
		return false
	}
	room := strings.Contains(turn, "?") // "Breezy? Yes.": an exchange with the room
	for _, w := range words(low) {
		if definiteWords[w.lower] || thirdPersons[w.lower] {
			return false // "The border reopened this morning.", "Yes, they were released.": something in the world
		}
		room = room || roomWords[w.lower]
	}
	return room // "No casualties were reported." speaks of no one in the room, and is news
}

// roomWords are the speaker, the journalists and the moment: small talk
// is about them ("I'm sure it's a combination", "There does seem to be an
// echo"); thirdPersons report on someone else.
var (
	roomWords    = setOf("i", "i'm", "i’m", "i'll", "i’ll", "i've", "i’ve", "i'd", "i’d", "me", "my", "you", "your", "you're", "you’re", "we", "we're", "we’re", "we'll", "we’ll", "us", "it", "it's", "it’s", "that", "that's", "that’s", "there", "there's", "there’s")
	thirdPersons = setOf("he", "she", "they", "them", "his", "him", "her", "their", "they're", "they’re")
)

// definiteWords point at something in the world a short answer reports
// on ("the coast guard", "their word"); small talk points at the room.
var definiteWords = setOf("the", "this", "these", "those", "its", "their", "his", "her", "our")

// namesOrCounts reports whether a text names someone or something (a
// capitalised word that does not open a sentence, other than "I"; a word
// in capitals) or gives a figure.
func namesOrCounts(s string) bool {
	opens := true // the next word opens a sentence
	for _, f := range strings.Fields(s) {
		w := strings.Trim(f, "\"“”‘’'()[],;:–—-")
		switch {
		case w == "":
		case strings.IndexAny(w, "0123456789") >= 0 || figureWords[lowerASCII(w)]:
			return true
		case isCapitalized(w) && !opens && !firstPersonI(w):
			return true
		case len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w && !firstPersonI(w):
			return true // "BRICS", also at the start of a sentence
		}
		opens = strings.HasSuffix(strings.TrimRight(f, "\"”’)"), ".") || strings.HasSuffix(f, "?") || strings.HasSuffix(f, "!") ||
			w == "" && opens
	}
	return false
}

// figureWords give a figure in words ("Twelve people were rescued"); "a"
// and "one" are too common in small talk to count.
var figureWords = setOf("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens")

// firstPersonI reports whether a capitalised word is "I" or one of its
// contractions ("I'm", "I’ll").
func firstPersonI(w string) bool {
	return w == "I" || strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’")
}

// floorAside reports whether a sentence of a briefing turn only runs the
// room or says the speaker knows nothing of what was asked: an
// interjection and the joke around "(Laughter.)", "no opening remarks",
// "let's go to Dana", "I'm not aware of the report you mention", "I have
// nothing to share on that". A sentence that names someone or gives a
// figure is not such an aside, and neither is one that weighs a claim
// ("no information to confirm that …"): that is the speaker's stance on it.
func floorAside(sent string) bool {
	low := strings.TrimSpace(lowerASCII(sent))
	if strings.Contains(low, "(laughter") || strings.HasPrefix(low, "oh,") || strings.HasPrefix(low, "ah,") {
		return true
	}
	if wordCount(sent) > 20 {
		return false
	}
	for _, f := range []string{"all right, ", "alright, ", "okay, ", "ok, ", "so, ", "look, ", "well, "} {
		low = strings.TrimPrefix(low, f)
	}
	if containsAny(low, floorPhrases) {
		return true
	}
	if !containsAny(low, noKnowledgePhrases) || containsAny(low, weighingWords) || strings.Contains(low, " but ") {
		return false // "I have nothing on that, but our embassy is in touch with the families"
	}
	return !namesOrCounts(strings.TrimSpace(sent))
}

// floorPhrases pass the floor or say there is nothing to open with.
var floorPhrases = []string{"no opening", "any opening", "let's go to", "let us go to", "let's take", "let us take",
	"get right to it", "next question", "go to questions", "take questions", "take your questions"}

// noKnowledgePhrases say the speaker has nothing on what was asked.
var noKnowledgePhrases = []string{"not aware of", "no information", "nothing to share", "nothing to announce",
	"nothing to add", "nothing to offer", "nothing to report", "nothing new", "don't have anything", "do not have anything",
	"don't have any information", "do not have any information", "no update", "refer you to", "not going to comment",
	"no comment", "would not comment", "won't comment"}

// weighingWords make a denial of knowledge weigh a claim: "no information
// to confirm that the post was shelled" is a statement about the claim.
var weighingWords = []string{"confirm", "support", "suggest", "corroborate", "deny", "verify", "indicate"}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// callsOnSomeone reports whether a paragraph ends by giving the floor to a
// journalist by name ("With that, I'll take questions. Lita?", "Yes,
// Lara?"): the host's turn, not a question of its own. Every word of the
// closing question is a name or a word of calling ("yes", "go ahead").
func callsOnSomeone(para string) bool {
	t := strings.TrimRight(para, " \"”’)")
	if !strings.HasSuffix(t, "?") {
		return false
	}
	last := t
	if k := strings.LastIndexAny(t[:len(t)-1], ".?!"); k >= 0 {
		last = t[k+1:]
	}
	n := 0
	for _, f := range strings.Fields(last) {
		w := strings.Trim(f, "\"“”‘’'(),;:?")
		if w == "" {
			continue
		}
		n++
		if !isCapitalized(w) && !inSet(callingWords, w) || inSet(questionOpeners, w) && !inSet(callingWords, w) {
			return false
		}
	}
	return n > 0 && n <= 4
}

// callingWords give the floor ("Yes, go ahead, Lara?"); questionOpeners
// start a real question however short ("Why?", "Any update?").
var (
	callingWords    = setOf("yes", "okay", "ok", "go", "ahead", "please", "then", "first", "next", "sir", "ma'am")
	questionOpeners = setOf("what", "why", "how", "when", "where", "who", "which", "any", "anything", "is", "are", "was",
		"were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "should", "and", "so", "but", "really")
)

// withoutClosingFloor drops the sentences that close a turn by running
// the room ("With that, we'll take questions. Lita?") and returns the
// rest.
func withoutClosingFloor(turn string) string {
	sps := splitSentences(turn)
	end := len(turn)
	for k := len(sps) - 1; k > 0; k-- {
		sent := turn[sps[k].s:sps[k].e]
		if !briefingAside(sent) && !floorAside(sent) && !callsOnSomeone(sent) {
			break
		}
		end = sps[k].s
	}
	return strings.TrimSpace(turn[:end])
}

// asksInWords reports whether a paragraph asks in so many words, as a
// journalist's turn does even without a question mark ("I would like to
// ask about …", "Please tell us how …", "Could you comment on …").
func asksInWords(para string) bool {
	return containsAny(lowerASCII(para), askingPhrases)
}

// askingPhrases ask a question without a question mark.
var askingPhrases = []string{"would like to ask", "want to ask", "wanted to ask", "like to ask you", "my question is",
	"my second question", "my first question", "please tell us", "could you tell us", "can you tell us", "could you comment",
	"can you comment", "could you please comment", "please comment on", "could you elaborate", "can you elaborate",
	"could you confirm", "can you confirm"}

// withoutTurnEchoes drops a candidate that repeats part of the transcript
// turn just before it by the same speaker ("Lin Hao: I noted that the
// fishermen were released." proposes the turn, and "the fishermen were
// released" again from its "I noted that"): the desk would see the same
// claim twice. It works in place and returns the kept candidates.
func withoutTurnEchoes(out []Candidate) []Candidate {
	kept := out[:0]
	turn := -1 // index in kept of the last turn's candidate
	for _, c := range out {
		if turn >= 0 && c.Rule != ruleSpeakerColon {
			t := kept[turn]
			if t.EntryIndex == c.EntryIndex && t.Claimant == c.Claimant && strings.Contains(t.Claim, c.Claim) {
				continue
			}
		}
		if c.Rule == ruleSpeakerColon {
			turn = len(kept)
		}
		kept = append(kept, c)
	}
	return kept
}

// shortTurns finds the turns of a transcript too short for speakerPrefix,
// which wants three words after the colon so that a dateline ("Gaza: Two
// killed") is not a turn: "MS. PSAKI: Hi, Nicole.", "Reporter: Anything
// else?". Such a paragraph is a turn when its label is a journalist's or
// an operator's, or a speaker's who has a full turn in the entry; read as
// the words of the turn before, it would put "Anything else?" in the
// host's mouth, or make the host's statement a question.
func shortTurns(paras []string) map[int]int {
	known := map[string]bool{}
	full := make([]bool, len(paras))
	for k, p := range paras {
		if name, _, ok := speakerPrefix(p); ok {
			known[name], full[k] = true, true
		}
	}
	var short map[int]int
	for k, p := range paras {
		if full[k] {
			continue
		}
		c := strings.Index(p[:min(len(p), 64)], ": ")
		if c <= 0 || wordCount(p[c+2:]) == 0 {
			continue
		}
		name := p[:c]
		if _, _, ok := speakerPrefix(name + ": and so on"); !ok {
			continue
		}
		low := lowerASCII(name)
		if known[name] || askerRoles[low] || procedureRoles[low] || low == "question" {
			if short == nil {
				short = map[int]int{}
			}
			short[k] = c + 2
		}
	}
	return short
}

// shortTurn returns the speaker of paragraph k and where its words start
// when it is a short turn (see shortTurns).
func (tp transcriptPlan) shortTurn(paras []string, k int) (string, int, bool) {
	off, ok := tp.short[k]
	if !ok {
		return "", 0, false
	}
	return paras[k][:off-2], off, true
}
