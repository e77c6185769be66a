package models

import (
	"regexp"
	"strings"
	"testing"

	"claimdesk/models/attribution"
	"claimdesk/models/liveblog"
)

// badWording finds what the attribution rules forbid: doubled or clashing
// punctuation, an article
// before a name's possessive ("the China's"), "The" inside the sentence
// (outside a publication's name), doubled articles.
var badWording = regexp.MustCompile(`[,;:]\s*[.,]|\.\.|[,.]["”]\.|\bthe [A-Z]\w*['’]s\b|, The |\bthe the\b|\s{2,}| ,`)

// Every candidate of the three sample blogs gets an attribution line that
// follows the wording rules.
func TestSampleAttributionLines(t *testing.T) {
	for _, name := range []string{"liveblog-quake.txt", "liveblog-flood.txt", "wire-port-strike.txt"} {
		cands, err := liveblog.Extract(readSample(t, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cands {
			kind := guessKind(c.Claimant)
			line := attribution.Line(attribution.Claim{Name: c.Claimant, Kind: kind, Text: c.Claim, Verdict: "unreviewed"})
			body := strings.TrimSuffix(line, " The claim has not yet been independently verified.")
			switch {
			case body == line:
				t.Errorf("%s: %q lacks the verdict's sentence", name, line)
			case !strings.HasSuffix(body, ".") && !strings.HasSuffix(body, "?") && !strings.HasSuffix(body, "!") && !strings.HasSuffix(body, "”"):
				t.Errorf("%s: %q does not end its sentence", name, line)
			case badWording.MatchString(line) && !strings.Contains(c.Claim, ".,"):
				t.Errorf("%s: %q breaks a wording rule (%q)", name, line, badWording.FindString(line))
			}
			if attribution.OwnOpening(c.Claim) {
				continue
			}
			opening := attribution.Opening(c.Claimant, "", kind)
			if !strings.HasPrefix(line, opening) {
				t.Errorf("%s: %q does not open with %q", name, line, opening)
				continue
			}
			// Past its first word, the claim keeps its words and their capitals.
			if words := strings.Fields(strings.TrimRight(c.Claim, ".,;: ")); len(words) > 2 {
				tail := strings.Join(words[1:len(words)-1], " ")
				if !strings.Contains(line, tail) {
					t.Errorf("%s: %q changed the claim's words %q", name, line, tail)
				}
			}
			// After the opening, a common word is not capitalised.
			rest := strings.TrimPrefix(line, opening)
			first := strings.Fields(rest)[0]
			if l := strings.ToLower(first); l != first && (l == "the" || l == "a" || l == "its" || l == "their" || l == "neither" || l == "army" || l == "two") {
				t.Errorf("%s: %q keeps the capital of %q", name, line, first)
			}
		}
	}
}
