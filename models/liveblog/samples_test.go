package liveblog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// expectedFile is the format of the *.expected.json files next to a sample.
type expectedFile struct {
	Claims []struct {
		Claim          string   `json:"claim"`
		Claimant       []string `json:"claimant"`
		UnverifiedNote bool     `json:"unverified_note"`
	} `json:"claims"`
}

// score holds the figures the samples README suggests.
type score struct {
	expected, candidates, matchedExpected, matchedCandidates, flagRight int
}

func (s score) recall() float64    { return ratio(s.matchedExpected, s.expected) }
func (s score) precision() float64 { return ratio(s.matchedCandidates, s.candidates) }
func (s score) flags() float64     { return ratio(s.flagRight, s.matchedExpected) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreStop are words too common to make two claims the same claim.
var scoreStop = setOf("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by",
	"with", "from", "is", "are", "was", "were", "be", "been", "had", "has", "have", "it", "its", "that",
	"this", "there", "their", "they", "we", "our", "not", "no", "all", "more", "than", "as", "into",
	"will", "would", "could", "can", "did", "do", "does", "said", "says", "photo", "taken", "still", "only")

// stem reduces a word to a crude stem so "refuses" and "refusing" meet.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func distinctive(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(s) {
		l := strings.Trim(w.lower, "'’")
		if l != "" && !scoreStop[l] {
			out[stem(l)] = true
		}
	}
	return out
}

// claimMatches: the candidate's claimant contains one of the names, and
// its claim shares at least half of the expected claim's distinctive words.
func claimMatches(c Candidate, claim string, names []string) bool {
	ok := false
	for _, n := range names {
		if strings.Contains(strings.ToLower(c.Claimant), strings.ToLower(n)) {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	want := distinctive(claim)
	have := distinctive(c.Claim)
	shared := 0
	for w := range want {
		if have[w] {
			shared++
		}
	}
	return len(want) > 0 && 2*shared >= len(want)
}

func scoreFile(t *testing.T, txtPath, expPath string) score {
	t.Helper()
	text, err := os.ReadFile(txtPath)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(expPath)
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("%s: %v", expPath, err)
	}
	cands, err := Extract(string(text))
	if err != nil {
		t.Fatal(err)
	}
	sc := score{expected: len(exp.Claims), candidates: len(cands)}
	for _, e := range exp.Claims {
		matched := false
		flag := false
		for _, c := range cands {
			if claimMatches(c, e.Claim, e.Claimant) {
				if !matched || c.Unverifiable == e.UnverifiedNote {
					flag = c.Unverifiable == e.UnverifiedNote
				}
				matched = true
			}
		}
		if matched {
			sc.matchedExpected++
			if flag {
				sc.flagRight++
			} else {
				t.Logf("  flag wrong: %q (want unverifiable=%v)", e.Claim, e.UnverifiedNote)
			}
		} else {
			t.Logf("  missed: %q by %v", e.Claim, e.Claimant)
		}
	}
	for _, c := range cands {
		found := false
		for _, e := range exp.Claims {
			if claimMatches(c, e.Claim, e.Claimant) {
				found = true
				break
			}
		}
		if found {
			sc.matchedCandidates++
		} else {
			t.Logf("  unmatched candidate: %q by %q", c.Claim, c.Claimant)
		}
	}
	return sc
}

// checkScore fails below the targets: recall 90%, precision 85%, flag
// accuracy 95%.
func checkScore(t *testing.T, name string, sc score) {
	t.Helper()
	t.Logf("%s: recall %.1f%% (%d/%d), precision %.1f%% (%d/%d), flag accuracy %.1f%% (%d/%d)",
		name, 100*sc.recall(), sc.matchedExpected, sc.expected, 100*sc.precision(), sc.matchedCandidates,
		sc.candidates, 100*sc.flags(), sc.flagRight, sc.matchedExpected)
	if sc.recall() < 0.90 || sc.precision() < 0.85 || sc.flags() < 0.95 {
		t.Errorf("%s below target (recall ≥ 90%%, precision ≥ 85%%, flag accuracy ≥ 95%%)", name)
	}
}

func scoreDir(t *testing.T, dir string) {
	txts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, txt := range txts {
		exp := strings.TrimSuffix(txt, ".txt") + ".expected.json"
		if _, err := os.Stat(exp); err != nil {
			continue
		}
		n++
		name := filepath.Base(txt)
		t.Run(name, func(t *testing.T) { checkScore(t, name, scoreFile(t, txt, exp)) })
	}
	if n == 0 {
		t.Fatalf("no scored texts in %s", dir)
	}
}

// TestSamples scores the extractor on the shared samples.
func TestSamples(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "samples")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("samples directory %s missing: %v", dir, err)
		}
		t.Skipf("samples directory %s missing", dir)
	}
	scoreDir(t, dir)
}

// TestOwnTexts scores the extractor on the invented texts in testdata, which
// are written in other newsroom styles than the shared samples.
func TestOwnTexts(t *testing.T) {
	scoreDir(t, "testdata")
}
