package similar

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Result is how alike two claims are and what differs, in words a
// fact-checker reads at a glance.
type Result struct {
	// Score is 0–1: 1 for the same claim, above CloseScore for claims a
	// desk should look at together.
	Score float64
	// SameFigures is false when the claims give different figures for the
	// same thing, or one gives a figure the other does not.
	SameFigures bool
	// Differences are readable: "2 vs 3 women", "Shebekino vs Belgorod",
	// "said vs denied", "Gladkov vs Ministry of Defence".
	Differences []string
	// Reason sums the score up: "0.92: same claimant, same figures, same place".
	Reason string
}

// Thresholds the store and the pages use.
const (
	// CloseScore is the score from which a claim counts as a close match
	// (the desk's "unlinked close match" filter, the import's matches).
	CloseScore = 0.6
	// DuplicateScore is the score from which a new claim in the same story
	// is taken for a possible duplicate and the desk is asked first.
	DuplicateScore = 0.85
)

// Weights of the parts of the score; they add up to 1. What was said counts
// most, then who said it and where.
const (
	wText     = 0.6
	wClaimant = 0.15
	wPlace    = 0.15
	wTime     = 0.1
	// A different figure or a denial makes it another claim about the
	// same event: still shown, but below the same claim retold.
	figurePenalty   = 0.65
	negationPenalty = 0.65
)

// Compare scores b against a and lists what differs, written from a's side
// ("2 vs 3 women": a says 2, b says 3).
func Compare(a, b *Features) Result {
	r := Result{SameFigures: true}
	var agree []string

	text := overlap(a.words, b.words)

	claimant := 0.5
	switch sameClaimant(a, b) {
	case 1:
		claimant = 1
		agree = append(agree, "same claimant")
	case -1:
		claimant = 0
		r.Differences = append(r.Differences, a.Name+" vs "+b.Name)
	}

	place := 0.6
	switch {
	case len(a.Places) == 0 && len(b.Places) == 0:
		place = 0.8
	case len(a.Places) == 0 || len(b.Places) == 0:
	case samePlace(a.foldedPlaces, b.foldedPlaces):
		place = 1
		agree = append(agree, "same place")
	default:
		place = 0
		r.Differences = append(r.Differences, a.Places[0]+" vs "+b.Places[0])
	}

	figs := compareFigures(a.Figures, b.Figures)
	if len(figs) > 0 {
		r.SameFigures = false
		r.Differences = append(r.Differences, figs...)
	} else if len(a.Figures) > 0 {
		agree = append(agree, "same figures")
	}

	near := 0.5
	if !a.At.IsZero() && !b.At.IsZero() {
		d := math.Abs(a.At.Sub(b.At).Hours()) / 24
		near = math.Max(0, 1-math.Max(0, d-2)/60)
	}

	score := wText*text + wClaimant*claimant + wPlace*place + wTime*near
	if !r.SameFigures {
		score *= figurePenalty
	}
	if a.Negated != b.Negated {
		score *= negationPenalty
		r.Differences = append(r.Differences, verbLabel(a)+" vs "+verbLabel(b))
	}
	r.Score = math.Round(score*100) / 100
	if text >= 0.8 {
		agree = append([]string{"same words"}, agree...)
	} else if text >= 0.5 {
		agree = append([]string{"similar words"}, agree...)
	}
	parts := agree
	if len(r.Differences) > 0 {
		parts = append(parts, "differs: "+strings.Join(r.Differences, ", "))
	}
	if len(parts) == 0 {
		parts = append(parts, "few words in common")
	}
	r.Reason = strconv.FormatFloat(r.Score, 'f', 2, 64) + ": " + strings.Join(parts, ", ")
	return r
}

// MaxScore is the highest score Compare could give b against a, read from
// their words alone: a cheap test that lets a search skip candidates that
// cannot reach the score it wants.
func MaxScore(a, b *Features) float64 {
	return wText*overlap(a.words, b.words) + wClaimant + wPlace + wTime
}

// overlap is the weighted Dice coefficient of two word sets.
func overlap(a, b map[string]float64) float64 {
	var both, total float64
	for w, x := range a {
		total += x
		if y, ok := b[w]; ok {
			both += math.Min(x, y) * 2
		}
	}
	for _, y := range b {
		total += y
	}
	if total == 0 {
		return 0
	}
	return both / total
}

// sameClaimant is 1 for the same claimant (one source, or a name of one
// among the other's names), -1 for different ones, 0 when a side is unknown.
func sameClaimant(a, b *Features) int {
	if a.SourceID > 0 && a.SourceID == b.SourceID {
		return 1
	}
	if len(a.Claimants) == 0 || len(b.Claimants) == 0 {
		return 0
	}
	for i, x := range a.Claimants {
		for j, y := range b.Claimants {
			if x == y || wordsWithin(a.claimantWords[i], b.claimantWords[j]) || wordsWithin(b.claimantWords[j], a.claimantWords[i]) {
				return 1
			}
		}
	}
	return -1
}

// wordsWithin reports whether every word of name a that means something
// occurs in name b: "Gladkov" within "Vyacheslav Gladkov", "defence ministry"
// within "ministry of defence".
func wordsWithin(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return len(a) > 0
}

func samePlace(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// compareFigures pairs the figures of two claims by what they count and
// describes each pair that disagrees ("2 vs 3 women"), and each figure one
// claim gives and the other does not ("5 injured vs none").
func compareFigures(a, b []Figure) []string {
	var out []string
	usedB := make([]bool, len(b))
	var leftA []Figure
	for _, fa := range a {
		j := -1
		for k, fb := range b {
			if !usedB[k] && fb.unitKey == fa.unitKey {
				j = k
				break
			}
		}
		if j < 0 {
			leftA = append(leftA, fa)
			continue
		}
		usedB[j] = true
		if !sameFigure(fa, b[j]) {
			out = append(out, figurePair(fa, b[j]))
		}
	}
	var leftB []Figure
	for k, fb := range b {
		if !usedB[k] {
			leftB = append(leftB, fb)
		}
	}
	// Figures of different things, in order: "2 women vs 3 civilians".
	for len(leftA) > 0 && len(leftB) > 0 {
		fa, fb := leftA[0], leftB[0]
		if fa.Value != fb.Value || fa.Bound != fb.Bound {
			out = append(out, withUnit(fa)+" vs "+withUnit(fb))
		}
		leftA, leftB = leftA[1:], leftB[1:]
	}
	for _, fa := range leftA {
		out = append(out, withUnit(fa)+" vs none")
	}
	for _, fb := range leftB {
		out = append(out, "none vs "+withUnit(fb))
	}
	return out
}

// sameFigure: equal values with the same bound; "about 30" agrees with 30.
func sameFigure(a, b Figure) bool {
	if a.Value != b.Value {
		return false
	}
	return a.Bound == b.Bound || a.Bound == "about" && b.Bound == "" || a.Bound == "" && b.Bound == "about"
}

// figurePair writes two figures of one thing: "2 vs 3 women", "more than 30
// vs 30 people".
func figurePair(a, b Figure) string {
	unit := b.Unit
	if unit == "" {
		unit = a.Unit
	}
	if b.Value == 1 && a.Value != 1 && a.Unit != "" {
		unit = a.Unit
	}
	s := a.String() + " vs " + b.String()
	if unit == "%" {
		return a.String() + "% vs " + b.String() + "%"
	}
	if unit != "" {
		s += " " + unit
	}
	return s
}

func withUnit(f Figure) string {
	switch f.Unit {
	case "":
		return f.String()
	case "%":
		return f.String() + "%"
	}
	return f.String() + " " + f.Unit
}

// verbLabel names how a claim was put for the "said vs denied" difference.
func verbLabel(f *Features) string {
	if f.Negated {
		if denials[f.Verb] {
			return f.Verb
		}
		return "said not"
	}
	if f.Verb == "" || denials[f.Verb] {
		return "said"
	}
	return f.Verb
}

// Age writes how long ago t was, for "already found false in 'Belgorod
// live', 2 days ago".
func Age(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d.Minutes()), "minute") + " ago"
	case d < 24*time.Hour:
		return plural(int(d.Hours()), "hour") + " ago"
	case d < 60*24*time.Hour:
		return plural(int(d.Hours()/24), "day") + " ago"
	}
	return plural(int(d.Hours()/24/30), "month") + " ago"
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
