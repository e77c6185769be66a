package similar

import (
	"strconv"
	"strings"
)

// Figure is one number a claim gives, normalised: "two", "2" and "a pair" are
// all 2; "more than 30" and "30+" are both Bound "more than" 30.
type Figure struct {
	Value float64
	// Bound is "" for an exact figure, else "more than", "fewer than",
	// "about" or "many" (for "dozens", "hundreds").
	Bound string
	// Unit is what is counted or measured, as written ("women", "km", "%").
	Unit string
	// unitKey is Unit stemmed, for aligning figures of two claims.
	unitKey string
}

// String writes the figure as the differences show it: "more than 30", "2".
func (f Figure) String() string {
	v := strconv.FormatFloat(f.Value, 'f', -1, 64)
	switch f.Bound {
	case "":
		return v
	case "many":
		return boundWords[f.Value]
	}
	return f.Bound + " " + v
}

var boundWords = map[float64]string{12: "dozens", 100: "hundreds", 1000: "thousands", 1e6: "millions"}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "pair": 2, "couple": 2,
}

var scales = map[string]float64{"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "bn": 1e9, "mn": 1e6}

// vague numbers stand for a rough quantity.
var vague = map[string]float64{"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1e6, "scores": 12}

// bounds are the words before a number that make it a bound, longest first.
var bounds = []struct {
	words []string
	bound string
}{
	{[]string{"no", "fewer", "than"}, "more than"}, {[]string{"no", "less", "than"}, "more than"},
	{[]string{"no", "more", "than"}, "fewer than"}, {[]string{"in", "excess", "of"}, "more than"},
	{[]string{"more", "than"}, "more than"}, {[]string{"at", "least"}, "more than"}, {[]string{"upwards", "of"}, "more than"},
	{[]string{"over"}, "more than"}, {[]string{"fewer", "than"}, "fewer than"}, {[]string{"less", "than"}, "fewer than"},
	{[]string{"at", "most"}, "fewer than"}, {[]string{"up", "to"}, "fewer than"}, {[]string{"under"}, "fewer than"},
	{[]string{"about"}, "about"}, {[]string{"around"}, "about"}, {[]string{"approximately"}, "about"},
	{[]string{"roughly"}, "about"}, {[]string{"nearly"}, "about"}, {[]string{"almost"}, "about"},
	{[]string{"some"}, "about"}, {[]string{"an", "estimated"}, "about"}, {[]string{"estimated"}, "about"},
}

// units maps the ways a unit is written onto one name.
var units = map[string]string{
	"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"mile": "miles", "miles": "miles", "mi": "miles", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"percent": "%", "per": "%", "pc": "%", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilos": "kg",
	"tonne": "tonnes", "tonnes": "tonnes", "ton": "tonnes", "tons": "tonnes", "t": "tonnes",
	"hour": "hours", "hours": "hours", "hrs": "hours", "h": "hours", "day": "days", "days": "days",
	"minute": "minutes", "minutes": "minutes", "mins": "minutes", "week": "weeks", "weeks": "weeks",
}

// unitSkip are words between a number and what it counts ("two more
// women", "three other people") that do not change what is counted.
var unitSkip = setOf(`of more other additional further new young old elderly local the a an were was are had have
have been ethnic`)

// timeWords after a number make it a time of day or a date, not a figure.
var timeWords = setOf(`am pm a.m p.m a.m. p.m. o'clock gmt utc`)

var months = setOf(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`)

// figures reads the figures of a claim's words, and marks in used which
// tokens were part of a figure (so they are not also counted as words).
func figures(ts []token, used []bool) []Figure {
	var out []Figure
	for i := 0; i < len(ts); i++ {
		v, n, ok := numberAt(ts, i)
		if !ok {
			continue
		}
		t := ts[i]
		if t.clock || (i > 0 && months[ts[i-1].lower]) || (i+n < len(ts) && (timeWords[ts[i+n].lower] || months[ts[i+n].lower])) {
			i += n - 1
			continue
		}
		if y := v; n == 1 && y >= 1900 && y <= 2100 && y == float64(int(y)) && !strings.Contains(t.raw, ",") {
			// A year ("in 2022"), not a count.
			if i > 0 && (ts[i-1].lower == "in" || ts[i-1].lower == "since" || ts[i-1].lower == "of") || i+1 >= len(ts) {
				i += n - 1
				continue
			}
		}
		f := Figure{Value: v}
		if vg, ok := vague[t.lower]; ok && n == 1 {
			f = Figure{Value: vg, Bound: "many"}
		}
		start := i
		// "a pair of", "a dozen", "a hundred": the article belongs to the number.
		if start > 0 && (ts[start-1].lower == "a" || ts[start-1].lower == "an") {
			start--
		}
		for _, b := range bounds {
			k := len(b.words)
			if start-k < 0 {
				continue
			}
			match := true
			for j, w := range b.words {
				if ts[start-k+j].lower != w {
					match = false
					break
				}
			}
			if match {
				if f.Bound == "" {
					f.Bound = b.bound
				}
				start -= k
				break
			}
		}
		if t.plus && f.Bound == "" {
			f.Bound = "more than"
		}
		for j := start; j < i+n; j++ {
			used[j] = true
		}
		end := i + n
		if t.percent {
			f.Unit = "%"
		} else {
			for end < len(ts) && unitSkip[ts[end].lower] && end-(i+n) < 3 {
				end++
			}
			if end < len(ts) {
				u := ts[end]
				if name, ok := units[u.lower]; ok {
					f.Unit = name
					used[end] = true
					if u.lower == "per" && end+1 < len(ts) && ts[end+1].lower == "cent" {
						used[end+1] = true
					}
				} else if _, isNum := numberValue(u.lower); !isNum && !stopWords[u.lower] {
					f.Unit = u.lower
				}
			}
		}
		f.unitKey = stem(f.Unit)
		out = append(out, f)
		i += n - 1
	}
	return out
}

// numberAt reads the number that starts at token i, if any: digits
// ("1,200", "7.1", "3 million") or words ("forty-two", "two hundred",
// "a pair"), and says how many tokens it took.
func numberAt(ts []token, i int) (float64, int, bool) {
	w := ts[i].lower
	if w == "one" && (i+1 < len(ts) && ts[i+1].lower == "of" || i > 0 && (ts[i-1].lower == "no" || ts[i-1].lower == "any" || ts[i-1].lower == "every" || ts[i-1].lower == "some" || ts[i-1].lower == "the")) {
		return 0, 0, false
	}
	if (w == "couple" || w == "pair" || w == "dozen") && !(i > 0 && (ts[i-1].lower == "a" || ts[i-1].lower == "one")) {
		return 0, 0, false
	}
	if _, ok := vague[w]; ok {
		if i+1 < len(ts) && ts[i+1].lower == "of" {
			return vague[w], 1, true
		}
		return 0, 0, false
	}
	v, ok := numberValue(w)
	if !ok {
		return 0, 0, false
	}
	n := 1
	// "twenty one", "two hundred", "3 million", "one hundred and twenty".
	for i+n < len(ts) {
		next := ts[i+n].lower
		if s, ok := scales[next]; ok {
			v *= s
			n++
			continue
		}
		if next == "and" && i+n+1 < len(ts) {
			if u, ok := numberValue(ts[i+n+1].lower); ok && u < 100 && v >= 100 && !isDigits(ts[i+n+1].lower) {
				v += u
				n += 2
				continue
			}
		}
		if u, ok := numberValue(next); ok && !isDigits(next) && !isDigits(w) && u < 10 && int(v)%10 == 0 && v >= 20 && v < 100 {
			v += u
			n++
			continue
		}
		break
	}
	return v, n, true
}

// numberValue reads one word as a number: digits with separators, a number
// word, or a hyphenated compound ("forty-two").
func numberValue(w string) (float64, bool) {
	if isDigits(w) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		return f, err == nil
	}
	if v, ok := smallNumbers[w]; ok {
		return v, true
	}
	if tens, ones, ok := strings.Cut(w, "-"); ok {
		t, ok1 := smallNumbers[tens]
		o, ok2 := smallNumbers[ones]
		if ok1 && ok2 && t >= 20 && o < 10 {
			return t + o, true
		}
	}
	return 0, false
}

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i, r := range w {
		if (r < '0' || r > '9') && !((r == ',' || r == '.') && i > 0) {
			return false
		}
	}
	return true
}
