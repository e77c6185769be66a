package similar

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a claim as written, with what matching needs to know
// about it.
type token struct {
	raw   string // as written, accents and case kept
	lower string // case-folded, accents removed
	// capital is true for a capitalised word that does not start a
	// sentence: a name.
	capital bool
	// plus is true for a number written with a trailing "+" ("30+").
	plus bool
	// percent is true for a number followed by "%".
	percent bool
	// clock is true for a number that is part of a time of day ("11:03").
	clock bool
}

// tokenize splits text into words: runs of letters and digits, with the
// hyphens, apostrophes and separators that belong inside a word or a number
// ("forty-two", "didn't", "1,200", "7.1") kept in it.
func tokenize(text string) []token {
	text = norm.NFC.String(text)
	rs := []rune(text)
	var out []token
	sentenceStart := true
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == ':' || r == ';' || r == '"' || r == '“' || r == '—' {
				sentenceStart = true
			}
			i++
			continue
		}
		j := i
		for j < len(rs) {
			c := rs[j]
			if isWordRune(c) {
				j++
				continue
			}
			// Inner punctuation joins two word characters: 1,200 / 7.1 /
			// forty-two / didn't.
			if j+1 < len(rs) && isWordRune(rs[j+1]) {
				digits := unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1])
				if ((c == ',' || c == '.') && digits) || c == '-' || c == '\'' || c == '’' {
					j++
					continue
				}
			}
			break
		}
		raw := string(rs[i:j])
		t := token{raw: raw, lower: fold(raw)}
		first, _ := firstRune(raw)
		t.capital = unicode.IsUpper(first) && !sentenceStart
		if unicode.IsDigit(first) {
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			t.plus = j < len(rs) && rs[j] == '+'
			t.percent = k < len(rs) && rs[k] == '%'
			t.clock = (j+1 < len(rs) && rs[j] == ':' && unicode.IsDigit(rs[j+1])) || (i > 0 && rs[i-1] == ':')
		}
		out = append(out, t)
		sentenceStart = false
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// fold lowers case and removes accents from Latin letters, as the search
// index does, so "Café" and "cafe" are one word.
func fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// stopWords carry no meaning of their own for matching; the reporting verbs
// among them belong to the attribution, not to what was said, and negation is
// read separately (see polarity).
var stopWords = setOf(`a an the and or but if of to in on at by for with from into onto over under about
as than then that this these those there here it its it's is are was were be been being has have had having
do does did will would shall should can could may might must also just only very still even yet so such
he she they them their his her him we our us you your i me my who whom whose which what when where why how
all any each some both few many much more most other another same own up down out off again once per via
after before during while since until against between through across near around among upon within
according says said say saying told tell tells stated states state added adds announced announces claimed claims
claim alleged alleges allege reported reports report reportedly confirmed confirms confirm insisted insists
statement telegram agency news not no never none nor neither nothing nobody without`)

// setOf makes a set of the space-separated words.
func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// irregular maps word forms a suffix rule would miss onto one stem.
var irregular = map[string]string{
	"women": "woman", "men": "man", "children": "child", "people": "person", "persons": "person",
	"died": "kill", "dies": "kill", "die": "kill", "dying": "kill", "dead": "kill", "death": "kill", "deaths": "kill",
	"killed": "kill", "kills": "kill", "killing": "kill", "killings": "kill", "slain": "kill", "fatalities": "kill",
	"fatality": "kill", "lives": "kill", "perished": "kill",
	"wounded": "injur", "wounds": "injur", "wounding": "injur", "hurt": "injur", "injured": "injur", "injuries": "injur",
	"injuring": "injur", "injury": "injur", "casualties": "injur",
	"shelling": "shell", "shelled": "shell", "shells": "shell", "bombardment": "shell", "bombarded": "shell", "artillery": "shell",
	"uavs": "drone", "uav": "drone", "drones": "drone",
	"rockets": "missil", "rocket": "missil", "missiles": "missil", "missile": "missil",
	"homes": "hous", "home": "hous", "houses": "hous", "house": "hous", "buildings": "build", "building": "build",
	"soldiers": "troop", "soldier": "troop", "troops": "troop",
	"evacuation": "evacuat", "evacuations": "evacuat", "evacuated": "evacuat", "evacuate": "evacuat",
	"hospitalised": "hospital", "hospitalized": "hospital", "hospitals": "hospital",
	"withdrew": "withdraw", "withdrawn": "withdraw", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
	"took": "take", "taken": "take", "began": "begin", "begun": "begin", "fled": "flee", "struck": "hit", "hits": "hit",
	"seized": "captur", "seize": "captur", "caught": "catch", "brought": "bring", "sank": "sink", "sunk": "sink",
	"destroyed": "destroy", "destruction": "destroy", "downed": "shot", "intercepted": "shot",
}

// stem reduces an English word to a rough stem so "shelled", "shelling" and
// "shells" meet, and maps a few words reporters use interchangeably
// ("killed", "died", "dead") onto one.
func stem(w string) string {
	if s, ok := irregular[w]; ok {
		return s
	}
	n := len(w)
	switch {
	case n > 7 && strings.HasSuffix(w, "ment"):
		w = w[:n-4]
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = undouble(w[:n-2])
	case n > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	if s, ok := irregular[w]; ok {
		return s
	}
	return w
}

// undouble turns "stopp" back into "stop" after a suffix is cut.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && strings.IndexByte("bdgmnpt", w[n-1]) >= 0 {
		return w[:n-1]
	}
	return w
}
