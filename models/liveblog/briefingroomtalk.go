package liveblog

import "strings"

// A host's turn often mixes what a desk checks with sentences that only
// address the room: a greeting, thanks, a welcome to visitors, a word on
// the weather, calling on the next journalist. Those sentences can sit
// anywhere in the turn, and a turn of several of them is longer than the
// small talk smallTalk drops whole; this file drops them one by one and
// keeps the turn's other sentences.

// withoutRoomTalk returns a transcript turn without the sentences that
// only address the room (see roomSentence), and without the greetings
// that open it and the floor-passing that closes it; "" when nothing
// else is said. A turn that drew laughter and holds nothing but short
// remarks beside it is banter ("I was looking at him. He gave me
// nothing. (Laughter.)") and says nothing either.
func withoutRoomTalk(turn string) string {
	laughter := hasLaughter(turn)
	turn = withoutClosingFloor(withoutGreetings(turn))
	if turn == "" {
		return ""
	}
	sps := splitSentences(turn)
	remarks, dropped := true, false
	for _, sp := range sps {
		sent := strings.TrimSpace(turn[sp.s:sp.e])
		if roomSentence(sent) {
			dropped = true
			continue
		}
		if hasLaughter(sent) {
			sent = strings.TrimSpace(sent[:strings.Index(lowerASCII(sent), "(laughter")]) // "He looked away. (Laughter.)": the joke
		}
		remarks = remarks && (!laughter || joke(sent))
	}
	if laughter && remarks {
		return ""
	}
	if !dropped {
		return turn // most turns: no copy
	}
	var b strings.Builder
	for _, sp := range sps {
		if sent := strings.TrimSpace(turn[sp.s:sp.e]); !roomSentence(sent) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sent)
		}
	}
	return b.String()
}

// hasLaughter reports whether a transcript marks laughter in s.
func hasLaughter(s string) bool {
	return strings.Contains(s, "(Laughter") || strings.Contains(s, "(laughter") || strings.Contains(s, "(LAUGHTER")
}

// joke reports whether a sentence beside a laugh is part of the joke: a
// short one without figures ("He gave me nothing."), or one that speaks
// only of the room and names no one ("Next time I'll mean three minutes
// when I say two."). An answer that reports something takes more words,
// or names or points at what it reports on.
func joke(sent string) bool {
	n := wordCount(sent)
	if n <= banterWords && !strings.ContainsAny(sent, "0123456789") {
		return true
	}
	low := lowerASCII(sent)
	return n <= smallTalkWords+2 && !namesSomeone(sent) && !containsAny(low, weighingWords) && speaksOfTheRoom(low, false)
}

// banterWords is the length up to which any sentence without a figure
// beside a laugh is taken for the joke.
const banterWords = 8

// namesSomeone reports whether a sentence holds a capitalised word that
// does not open it, other than "I".
func namesSomeone(sent string) bool {
	for i, f := range strings.Fields(sent) {
		w := strings.Trim(f, "\"“”‘’'()[],;:–—-.?!")
		if i > 0 && w != "" && isCapitalized(w) && !firstPersonI(w) {
			return true
		}
	}
	return false
}

// roomOpeners are the words that lead into a sentence without changing
// what it does ("And with that, …", "So, welcome.").
var roomOpeners = []string{"and ", "so, ", "so ", "well, ", "okay, ", "ok, ", "all right, ", "alright, ", "now, ", "again, "}

// pleasantries open a sentence that greets, thanks or wishes the room
// well ("Hey, everybody.", "Glad to have you all here.", "Hope you
// enjoyed the tour."); a sentence of more than pleasantryWords words is
// taken to say more.
var pleasantries = []string{"hey", "hi ", "hi,", "hello", "good afternoon", "good morning", "good evening", "good to see",
	"great to see", "nice to see", "nice to meet", "good to meet", "great to meet", "glad to have", "glad to see",
	"good to have", "great to have", "nice to have", "pleased to have", "hope you", "i hope you", "hope everyone",
	"i hope everyone", "thank you", "thanks for", "thanks,", "thanks.", "thanks again", "happy "}

// pleasantryWords bounds a pleasantry's length.
const pleasantryWords = 14

// roomSentence reports whether a sentence of a briefing turn only
// addresses the room: a greeting, thanks or good wishes, a welcome to
// the journalists or visitors, a word on the day's weather, or calling on
// a journalist ("And with that, Dana, I'll take your question."). What
// such a sentence names — the visitors' ministry, the building they
// toured — is part of the courtesy, not a claim.
func roomSentence(sent string) bool {
	n := wordCount(sent)
	welcome := strings.Contains(sent, "elcome")
	visitors := n <= welcomeWords/2 && containsAny(sent, []string{"isitors", "tudents", "uests"})
	if n > welcomeWords || n > pleasantryWords && !welcome && !visitors {
		return false // most sentences of an answer, without lowering them
	}
	t := strings.TrimSpace(sent)
	for _, o := range roomOpeners {
		if hasPrefixFold(t, o) {
			t = t[len(o):]
		}
	}
	for _, p := range pleasantries {
		if hasPrefixFold(t, p) && n <= pleasantryWords && !hasPrefixFold(t, "happy to") {
			return true
		}
	}
	if hasPrefixFold(t, "with that") && n <= 12 && !strings.ContainsAny(t, "0123456789") {
		return true // "And with that, I'll take your questions."
	}
	if !welcome && !visitors && (n > 12 || !containsAny(t, []string{"day", "afternoon", "morning", "weather", "outside"})) {
		return false
	}
	low := lowerASCII(t)
	return welcome && n <= welcomeWords && greetsTheRoom(low) || remarksOnTheDay(low, n) || visitors && presentsVisitors(low)
}

// presentsVisitors reports whether a lower-cased sentence points out
// visitors in the room before the host welcomes them ("We have some
// students from the university sitting at the back today.").
func presentsVisitors(low string) bool {
	opens := false
	for _, o := range []string{"we have", "we've got", "we’ve got", "i see", "i know we have", "there are some"} {
		opens = opens || strings.HasPrefix(low, o)
	}
	return opens && containsAny(low, []string{"visitors", "students", "guests"}) &&
		containsAny(low, []string{" here", "the room", "at the back", "in the back", "with us", "joining us"})
}

// welcomeWords bounds a welcome, which may name at length whom it greets
// ("we have some visitors in the back of the room from the ministry …
// who are here on a visitors' programme, so welcome").
const welcomeWords = 60

// greetsTheRoom reports whether a lower-cased sentence welcomes someone
// to the briefing ("Welcome.", "Hans, welcome.", "I wanted to welcome –
// we have some visitors in the back of the room", "welcome to the
// briefing") rather than welcoming a decision ("We welcome the
// agreement", a stance and a claim).
func greetsTheRoom(low string) bool {
	if !strings.Contains(low, "welcome") {
		return false
	}
	ws := words(low)
	for i, w := range ws {
		if w.lower != "welcome" {
			continue
		}
		if i == len(ws)-1 || containsAny(low, audienceWords) {
			return true // "Hans, welcome.", "welcome our visitors from the ministry"
		}
		next := ws[i+1]
		if strings.ContainsAny(low[w.e:next.s], "–—-") || greetingNext[next.lower] {
			return true // "welcome – we have …", "welcome to the …", "welcome back"
		}
	}
	return false
}

// audienceWords are the people in the room a welcome is for.
var audienceWords = []string{"visitors", "students", "guests", "the room", "all here", "here today", "with us today",
	"joining us", "everybody", "everyone"}

// greetingNext follow a welcome to the room ("welcome to the briefing",
// "welcome back", "welcome, everyone").
var greetingNext = setOf("to", "back", "aboard", "again", "you", "everyone", "everybody")

// remarksOnTheDay reports whether a short lower-cased sentence only
// praises the day or its weather ("Looks like a beautiful spring day
// outside.").
func remarksOnTheDay(low string, n int) bool {
	if n > 12 || strings.ContainsAny(low, "0123456789") {
		return false
	}
	praise, day := false, false
	for _, w := range words(low) {
		praise = praise || fineWords[w.lower]
		day = day || dayWords[w.lower] || weekdays[w.lower]
	}
	return praise && day
}

// fineWords praise the day; dayWords name it.
var (
	fineWords = setOf("beautiful", "lovely", "gorgeous", "glorious", "nice", "fine", "sunny", "wonderful")
	dayWords  = setOf("day", "afternoon", "morning", "weather", "outside", "spring", "summer", "autumn", "fall", "winter")
)
