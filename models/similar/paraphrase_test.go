package similar

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"
)

// pair is one line of testdata/pairs.txt.
type pair struct {
	kind, claimantA, textA, claimantB, textB, want string
}

func readPairs(t *testing.T) []pair {
	t.Helper()
	f, err := os.Open("testdata/pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		p := strings.Split(line, "|")
		if len(p) != 6 {
			t.Fatalf("bad line: %q", line)
		}
		for i := range p {
			p[i] = strings.TrimSpace(p[i])
		}
		out = append(out, pair{p[0], p[1], p[2], p[3], p[4], p[5]})
	}
	if len(out) < 100 {
		t.Fatalf("the paraphrase set has %d pairs, want at least 100", len(out))
	}
	return out
}

// Every true paraphrase must find its partner first among all the claims of
// the set — which hold, for most of them, the same claim with another
// figure, the same claim denied, and unrelated claims sharing its words.
func TestParaphrasePrecisionAtOne(t *testing.T) {
	pairs := readPairs(t)
	type cand struct {
		key string
		f   *Features
	}
	var pool []cand
	seen := map[string]bool{}
	for _, p := range pairs {
		key := p.claimantB + "|" + p.textB
		if !seen[key] {
			seen[key] = true
			pool = append(pool, cand{key, Extract(Claim{Text: p.textB, Claimant: p.claimantB})})
		}
	}
	hits, total := 0, 0
	for _, p := range pairs {
		if p.kind != "para" {
			continue
		}
		total++
		q := Extract(Claim{Text: p.textA, Claimant: p.claimantA})
		type scored struct {
			key string
			r   Result
		}
		var ranked []scored
		for _, c := range pool {
			ranked = append(ranked, scored{c.key, Compare(q, c.f)})
		}
		sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].r.Score > ranked[j].r.Score })
		want := p.claimantB + "|" + p.textB
		if ranked[0].key == want {
			hits++
		} else {
			t.Logf("miss: %q\n  best %q (%s)\n  want %q (%s)", p.textA, ranked[0].key, ranked[0].r.Reason, want, Compare(q, Extract(Claim{Text: p.textB, Claimant: p.claimantB})).Reason)
		}
	}
	prec := float64(hits) / float64(total)
	t.Logf("precision@1 = %d/%d = %.3f", hits, total, prec)
	if prec < 0.9 {
		t.Errorf("precision@1 = %.3f, want at least 0.9", prec)
	}
}

// A paraphrase keeps its figures and its sense; a different figure is
// flagged with what changed; a denial is flagged; claims that only share
// words stay below a close match.
func TestPairsFlagWhatDiffers(t *testing.T) {
	counts, fails := map[string]int{}, map[string]int{}
	for _, p := range readPairs(t) {
		r := Compare(Extract(Claim{Text: p.textA, Claimant: p.claimantA}), Extract(Claim{Text: p.textB, Claimant: p.claimantB}))
		counts[p.kind]++
		var problem string
		switch p.kind {
		case "para":
			if !r.SameFigures || r.Score < CloseScore || hasNegation(r) {
				problem = "paraphrase not recognised"
			}
		case "figures":
			if r.SameFigures || !containsString(r.Differences, p.want) {
				problem = "figure change not found"
			}
		case "negation":
			if !containsString(r.Differences, p.want) {
				problem = "negation not found"
			}
		case "unrelated":
			if r.Score >= CloseScore {
				problem = "unrelated claims scored as close"
			}
		default:
			t.Fatalf("unknown kind %q", p.kind)
		}
		if problem != "" {
			fails[p.kind]++
			t.Errorf("%s: %q / %q: %s (same_figures=%v, differences=%q, want %q)", problem, p.textA, p.textB, r.Reason, r.SameFigures, r.Differences, p.want)
		}
	}
	t.Logf("pairs: %v, failures: %v", counts, fails)
}

func hasNegation(r Result) bool {
	for _, d := range r.Differences {
		if strings.Contains(d, "denied") || strings.Contains(d, "said not") {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestPairScores prints every pair's score, to tune against (go test -v -run TestPairScores).
func TestPairScores(t *testing.T) {
	for _, p := range readPairs(t) {
		r := Compare(Extract(Claim{Text: p.textA, Claimant: p.claimantA}), Extract(Claim{Text: p.textB, Claimant: p.claimantB}))
		t.Logf("%-9s %s", p.kind, r.Reason)
	}
}
