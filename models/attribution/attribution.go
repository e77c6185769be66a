// Package attribution writes the attribution line: the sentence for copy
// that says who made a claim, what they said, and what the desk can say
// about it ("According to Vyacheslav Gladkov, the governor of Belgorod
// region, two women were killed. The claim could not be independently
// verified."). It is pure text work, shared by the claim pages, the API and
// every export, so the same claim reads the same everywhere.
//
// The rules, in the order they apply:
//   - an institution takes "the" ("the Russian Defense Ministry"), a name
//     that is a title takes "the" and its title in lower case ("the
//     governor of Smolensk"); a possessive ("London's daily intelligence
//     update"), a person, a brand or an acronym takes none;
//   - a known role follows the name as an appositive, with "the" unless it
//     has an article or a possessive already ("Li Hui, China's special
//     envoy,"); its title words are lowered, its proper nouns kept;
//   - the claim's first letter is lowered when its first word is a common
//     word ("army commanders", "neither party"), kept for proper nouns,
//     acronyms and "I";
//   - a claim that speaks of the claimant as "he"/"she" (or an institution as
//     "it"/"they") names them instead ("Li Hui believes …"); one in the first
//     person ("we are treating …") is quoted;
//   - trailing punctuation is merged: one full stop at the end, none added
//     after "?" or "!", none doubled inside a closing quote;
//   - the tail follows the verdict and verifiability, and says when a
//     competing account contradicts the claim.
package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Claim is what the line is written from.
type Claim struct {
	Name, Role, Kind string
	Text             string
	Verdict          string
	Verifiability    string
	SignedOff        bool
	// Contradicted is true when a linked claim contradicts this one.
	Contradicted bool
}

// Line is the whole attribution line.
func Line(c Claim) string { return LineOpening(c, nil) }

// LineOpening is Line with the claimant's Opening taken from openings,
// when not nil, and kept there: a page of claims from few claimants then
// works out each claimant's opening once.
func LineOpening(c Claim, openings map[[3]string]string) string {
	var b []byte
	if own := ownSentence(c); own != "" {
		b = append(b, own...)
	} else {
		var open string
		if openings == nil {
			open = Opening(c.Name, c.Role, c.Kind)
		} else {
			key := [3]string{c.Name, c.Role, c.Kind}
			o, ok := openings[key]
			if !ok {
				o = Opening(c.Name, c.Role, c.Kind)
				openings[key] = o
			}
			open = o
		}
		b = make([]byte, 0, len(open)+len(c.Text)+64)
		b = append(b, open...)
		b = AppendClause(b, c.Text)
	}
	if tail := Tail(c.Verdict, c.Verifiability, c.SignedOff, c.Contradicted); tail != "" {
		b = append(b, ' ')
		b = append(b, tail...)
	}
	return string(b)
}

// Opening is the start of the line up to the claim, "According to NAME, the
// role, ", which depends only on the claimant (exports make it once per
// claimant). Claims for which OwnOpening is true do not use it.
func Opening(name, role, kind string) string {
	var sb strings.Builder
	sb.WriteString("According to ")
	sb.WriteString(subject(name, role, kind))
	sb.WriteString(", ")
	return sb.String()
}

// subject is the claimant as the line names them: the name with its article,
// and the role as an appositive.
func subject(name, role, kind string) string {
	n := NameWithArticle(name, kind)
	r := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(role), ".,;:"))
	if r == "" || strings.EqualFold(r, strings.TrimSpace(name)) {
		return n
	}
	return n + ", " + RoleWithArticle(r)
}

// OwnOpening reports whether a claim's text starts with a pronoun, so that
// its line is not "According to X, " followed by the text (see Line).
func OwnOpening(text string) bool {
	w := strings.ToLower(firstWord(strings.TrimSpace(text)))
	return thirdPerson[w] || firstPerson[w]
}

var thirdPerson = map[string]bool{"he": true, "she": true, "it": true, "they": true}

var firstPerson = map[string]bool{"i": true, "we": true, "my": true, "our": true, "i'm": true, "we're": true, "i've": true, "we've": true, "i’m": true, "we’re": true}

// ownSentence writes a claim whose text starts with a pronoun: "he believes …"
// becomes "Li Hui believes …", "we are treating …" becomes `Li Hui said: "We
// are treating …".` It returns "" for claims that read well after the
// usual opening.
func ownSentence(c Claim) string {
	t := strings.TrimSpace(c.Text)
	w := firstWord(t)
	lw := strings.ToLower(w)
	switch {
	case firstPerson[lw]:
		quoted := strings.TrimRight(strings.TrimSpace(strings.Trim(t, "\"“”")), ".,;: ")
		end := "."
		if strings.HasSuffix(quoted, "?") || strings.HasSuffix(quoted, "!") {
			end = ""
		}
		return subjectStart(c) + " said: “" + upperFirst(quoted) + end + "”"
	case lw == "he" || lw == "she" || ((lw == "it" || lw == "they") && institutional(c.Name, c.Kind)):
		rest := strings.TrimSpace(t[len(w):])
		if rest == "" {
			return ""
		}
		return string(AppendClause([]byte(subjectStart(c)+" "), rest))
	}
	return ""
}

// subjectStart is the claimant opening a sentence: "Li Hui, China's special
// envoy," (the appositive closed by its comma) or "The interior ministry".
func subjectStart(c Claim) string {
	s := capitalize(subject(c.Name, c.Role, c.Kind))
	if r := strings.TrimSpace(c.Role); r != "" && !strings.EqualFold(r, strings.TrimSpace(c.Name)) {
		s += ","
	}
	return s
}

// Tail is what the desk can say about the claim.
func Tail(verdict, verifiability string, signedOff, contradicted bool) string {
	var t string
	switch verdict {
	case "verified":
		t = "The claim is being checked."
		if signedOff {
			t = "The claim has been independently verified."
			if contradicted {
				t = "The claim has been independently verified; a competing account contradicts it."
				contradicted = false
			}
		}
	case "false", "misleading":
		t = "The claim is being checked."
		if signedOff {
			t = "The claim is " + verdict + "."
		}
	case "disputed":
		return "The claim is disputed by other accounts and could not be independently verified."
	case "unverified":
		t = "The claim could not be independently verified."
	default:
		t = "The claim has not yet been independently verified."
		if verifiability == "not_verifiable" {
			t = "The claim could not be independently verified."
		}
	}
	if contradicted {
		t += " A competing account contradicts it."
	}
	return t
}

// firstWord is the leading run of letters and apostrophes of s.
func firstWord(s string) string {
	end := len(s)
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			end = i
			break
		}
	}
	return s[:end]
}

// capitalize raises the first letter of s (the start of a sentence).
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// upperFirst is capitalize for a quoted sentence.
func upperFirst(s string) string { return capitalize(s) }

// lowerFirst lowers the first letter of s unless s opens with an acronym.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	if n < len(s) {
		if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[n:]
}
