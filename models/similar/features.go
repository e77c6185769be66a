package similar

import (
	"sort"
	"strings"
	"time"
)

// Claim is what matching reads of a claim: its text, who made it (name and
// aliases, and the source's id when it is a stored source), the reporting
// verb and when it was reported.
type Claim struct {
	Text     string
	Claimant string
	Aliases  []string
	SourceID int64
	Verb     string
	At       time.Time
}

// Features are what a fact-checker compares between two claims, read once
// per claim.
type Features struct {
	// words are the stems of the claim's content words, with a weight each
	// (names weigh more than common words).
	words map[string]float64
	// Figures are the numbers the claim gives.
	Figures []Figure
	// Places are the places named ("Shebekino", "Port Alba"), as written.
	Places []string
	// Claimants are the claimant's name and aliases, folded.
	Claimants []string
	// claimantWords are the words of each of Claimants, for wordsWithin.
	claimantWords []map[string]bool
	// foldedPlaces are Places folded, for comparing.
	foldedPlaces []string
	// Name is the claimant's name as given, for the differences.
	Name     string
	SourceID int64
	// Negated is true when the claim is denied or negated ("denied that …
	// killed", "no one was killed").
	Negated bool
	// Verb is the reporting verb as given, or the denial word that negated
	// the claim; it labels the "said vs denied" difference.
	Verb string
	At   time.Time
	// searchWords are the content words as written, folded: see Words.
	searchWords []searchWord
}

// Words lists at most n of the claim's words as the search index holds them
// (folded, unstemmed), the most telling first: places, the claimant's name,
// names, then the longer words. The store searches for claims sharing them.
func (f *Features) Words(n int) []string {
	ws := append([]searchWord(nil), f.searchWords...)
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].weight != ws[j].weight {
			return ws[i].weight > ws[j].weight
		}
		return len(ws[i].word) > len(ws[j].word)
	})
	out := make([]string, 0, n)
	for _, w := range ws {
		if len(out) == n {
			break
		}
		out = append(out, w.word)
	}
	return out
}

// searchWord is a word to search for, with how telling it is.
type searchWord struct {
	word   string
	weight float64
}

func (f *Features) addSearchWord(w string, weight float64) {
	for _, r := range w {
		if !isWordRune(r) {
			// "forty-two", "didn't": the search index splits these; the
			// plain words of the claim are enough to find its kin.
			return
		}
	}
	for i := range f.searchWords {
		if f.searchWords[i].word == w {
			f.searchWords[i].weight = max(f.searchWords[i].weight, weight)
			return
		}
	}
	f.searchWords = append(f.searchWords, searchWord{w, weight})
}

// denials are the verbs by which a claimant denies what follows.
var denials = setOf(`deny denied denies denying denial rejected rejects reject refuted refutes refute dismissed
dismisses dismiss rebuffed disputed disputes`)

// negations turn a statement into its opposite.
var negations = setOf(`not no never none nobody nothing neither nor`)

// timeOfClaim are words that say when, not what.
var timeOfClaim = setOf(`monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow morning
evening night overnight afternoon week weeks day days hour hours earlier later`)

// locatives precede a place name.
var locatives = setOf(`in near at from outside around across into towards toward through off inside`)

// notPlaces are capitalised words that follow "in" or "at" without being places.
var notPlaces = setOf(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december telegram x facebook twitter a the`)

// Extract reads the features of a claim.
func Extract(c Claim) *Features {
	ts := tokenize(c.Text)
	f := &Features{SourceID: c.SourceID, At: c.At, Name: strings.TrimSpace(c.Claimant), words: map[string]float64{}}
	used := make([]bool, len(ts))
	f.Figures = figures(ts, used)
	claimantWords := map[string]bool{}
	for _, n := range append([]string{c.Claimant}, c.Aliases...) {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		folded := strings.Join(strings.Fields(fold(n)), " ")
		f.Claimants = append(f.Claimants, folded)
		ws := map[string]bool{}
		for _, w := range strings.Fields(folded) {
			if !stopWords[w] {
				ws[w] = true
			}
		}
		f.claimantWords = append(f.claimantWords, ws)
		longest := ""
		for _, w := range tokenize(n) {
			if !stopWords[w.lower] {
				claimantWords[w.lower] = true
				if len(w.lower) > len(longest) {
					longest = w.lower
				}
			}
		}
		if longest != "" && len(f.Claimants) == 1 {
			// The claimant's own name finds what else they said: the search
			// index holds each claim's claimant and aliases.
			f.addSearchWord(longest, 2.5)
		}
	}
	f.Places = places(ts, used)
	for _, p := range f.Places {
		f.foldedPlaces = append(f.foldedPlaces, fold(p))
		for _, w := range tokenize(p) {
			f.addSearchWord(w.lower, 3)
		}
	}
	neg := 0
	verb := fold(strings.TrimSpace(c.Verb))
	for _, w := range strings.Fields(verb) {
		if denials[w] {
			neg++
			f.Verb = w
		}
	}
	if f.Verb == "" {
		f.Verb = verb
	}
	for i, t := range ts {
		w := t.lower
		switch {
		case denials[w]:
			neg++
			f.Verb = w
			continue
		case negations[w] || strings.HasSuffix(w, "n't"):
			if w == "no" && i+1 < len(ts) && ts[i+1].lower == "longer" {
				continue
			}
			neg++
			continue
		}
		if used[i] || stopWords[w] || claimantWords[w] || len(w) < 2 {
			continue
		}
		if _, isNum := numberValue(w); isNum {
			continue
		}
		weight := 1.0
		switch {
		case timeOfClaim[w]:
			// When it happened says little about what happened.
			weight = 0.5
		case t.capital:
			weight = 2
		}
		s := stem(w)
		if weight > f.words[s] {
			f.words[s] = weight
		}
		f.addSearchWord(w, weight)
	}
	f.Negated = neg%2 == 1
	return f
}

// places reads the place names that follow a locative ("in Shebekino",
// "near the Belgorod border", "in Port Alba") and marks their tokens used.
func places(ts []token, used []bool) []string {
	var out []string
	for i := 0; i < len(ts)-1; i++ {
		if !locatives[ts[i].lower] {
			continue
		}
		j := i + 1
		if ts[j].lower == "the" && j+1 < len(ts) {
			j++
		}
		k := j
		for k < len(ts) && (isCapitalised(ts[k].raw)) && !notPlaces[ts[k].lower] {
			k++
		}
		if k == j {
			continue
		}
		var name []string
		for m := j; m < k; m++ {
			name = append(name, strings.TrimSuffix(strings.TrimSuffix(ts[m].raw, "'s"), "’s"))
			used[m] = true
		}
		p := strings.Join(name, " ")
		if !contains(out, p) {
			out = append(out, p)
		}
		i = k - 1
	}
	return out
}

func isCapitalised(s string) bool {
	r, ok := firstRune(s)
	return ok && r >= 'A' && r <= 'Z' || ok && r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
