package liveblog

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The candidate scorer is trained and cross-validated from the annotated
// development set of real news (devset/*.json, texts in devset/texts, which
// are not part of the repository). Run
//
//	CLAIMDESK_SCORER_DATA=DIR go test ./models/liveblog/ -run TestScorerCrossValidation -v
//
// with DIR holding NAME.json annotations and NAME.txt texts (default: the
// devset folder and its texts). Annotations named blind-X-… form batch X;
// the rest form the batch "dev".

// annotated is one annotated text.
type annotated struct {
	name, batch string
	claims      []annotatedClaim
	cands       []Candidate
}

// annotatedClaim is one claim a reader found, as devset/score.py reads it.
type annotatedClaim struct {
	Claim        string   `json:"claim"`
	Claimant     []string `json:"claimant"`
	Keys         []string `json:"keys"`
	Unverified   *bool    `json:"unverified_note"`
	Unverifiable *bool    `json:"unverifiable"`
}

// flag is the annotated "could not be independently verified" flag.
func (a annotatedClaim) flag() bool {
	if a.Unverifiable != nil {
		return *a.Unverifiable
	}
	return a.Unverified != nil && *a.Unverified
}

// matches is the rule of the shared score_extract.py: a key in the claim or
// quote and a claimant name in the claimant.
func (a annotatedClaim) matches(c *Candidate) bool {
	text := strings.ToLower(c.Claim + " " + c.Quote)
	who := strings.ToLower(c.Claimant)
	key := false
	for _, k := range a.Keys {
		if strings.Contains(text, strings.ToLower(k)) {
			key = true
			break
		}
	}
	if !key {
		return false
	}
	for _, n := range a.Claimant {
		if strings.Contains(who, strings.ToLower(n)) {
			return true
		}
	}
	return false
}

// scorerData loads the annotated texts of dir (or ../devset) that have a
// text, with the rules' candidates (before any scoring).
func scorerData(t *testing.T) []annotated {
	t.Helper()
	dir := os.Getenv("CLAIMDESK_SCORER_DATA")
	texts := dir
	if dir == "" {
		dir, texts = "devset", filepath.Join("devset", "texts")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	sort.Strings(files)
	var out []annotated
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		text, err := os.ReadFile(filepath.Join(texts, name+".txt"))
		if err != nil {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ann struct {
			Claims []annotatedClaim `json:"claims"`
		}
		if err := json.Unmarshal(data, &ann); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cands, err := Extract(string(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		batch := "dev"
		if strings.HasPrefix(name, "blind-") && len(name) > 8 {
			batch = name[6:7]
		}
		out = append(out, annotated{name: name, batch: batch, claims: ann.Claims, cands: cands})
	}
	if len(out) == 0 {
		t.Skipf("no annotated texts with their text in %s", dir)
	}
	return out
}

// sample is one candidate's features and whether it matches a claim.
type sample struct {
	x    [nFeatures]float64
	good bool
}

// samplesOf labels every candidate of the texts.
func samplesOf(texts []annotated) []sample {
	var out []sample
	for _, a := range texts {
		for i, x := range featuresOf(a.cands) {
			good := false
			for _, e := range a.claims {
				if e.matches(&a.cands[i]) {
					good = true
					break
				}
			}
			out = append(out, sample{x: x, good: good})
		}
	}
	return out
}

// train fits an L2-regularised logistic regression by full-batch gradient
// descent: deterministic, so the weights regenerate identically.
func train(s []sample) [nFeatures]float64 {
	var w [nFeatures]float64
	const rate, l2, rounds = 0.5, 1e-3, 3000
	for r := 0; r < rounds; r++ {
		var g [nFeatures]float64
		for _, e := range s {
			z := 0.0
			for j, v := range e.x {
				z += w[j] * v
			}
			d := sigmoid(z)
			if e.good {
				d--
			}
			for j, v := range e.x {
				g[j] += d * v
			}
		}
		for j := range w {
			reg := l2 * w[j]
			if j == fBias {
				reg = 0
			}
			w[j] -= rate * (g[j]/float64(len(s)) + reg)
		}
	}
	return w
}

// figures are the counts of score_extract.py summed over texts.
type figures struct{ found, claims, right, cands, flagsOK int }

func (f figures) String() string {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	return fmt.Sprintf("recall %5.1f%% (%d/%d)  precision %5.1f%% (%d/%d)  flag %5.1f%% (%d/%d)",
		pct(f.found, f.claims), f.found, f.claims, pct(f.right, f.cands), f.right, f.cands,
		pct(f.flagsOK, f.found), f.flagsOK, f.found)
}

// evaluate scores the texts' candidates that w rates at least threshold
// (all of them with a nil w).
func evaluate(texts []annotated, w *[nFeatures]float64, threshold float64) figures {
	var f figures
	for _, a := range texts {
		var kept []Candidate
		for i, x := range featuresOf(a.cands) {
			if w == nil || scoreOf(w, &x) >= threshold {
				kept = append(kept, a.cands[i])
			}
		}
		f.claims += len(a.claims)
		f.cands += len(kept)
		used := make([]bool, len(kept))
		for _, e := range a.claims {
			first := -1
			for i := range kept {
				if e.matches(&kept[i]) {
					used[i] = true
					if first < 0 {
						first = i
					}
				}
			}
			if first >= 0 {
				f.found++
				if kept[first].Unverifiable == e.flag() {
					f.flagsOK++
				}
			}
		}
		for _, u := range used {
			if u {
				f.right++
			}
		}
	}
	return f
}

// scoreOf is the probability w gives a feature vector.
func scoreOf(w, x *[nFeatures]float64) float64 {
	z := 0.0
	for j := range w {
		z += w[j] * x[j]
	}
	return sigmoid(z)
}

// TestScorerCrossValidation prints, for each batch held out in turn, the
// figures of the rules alone and of the rules with a scorer trained on the
// other batches, at several thresholds.
func TestScorerCrossValidation(t *testing.T) {
	if os.Getenv("CLAIMDESK_SCORER_CV") == "" {
		t.Skip("set CLAIMDESK_SCORER_CV=1 to cross-validate the candidate scorer")
	}
	texts := scorerData(t)
	batches := map[string]bool{}
	for _, a := range texts {
		batches[a.batch] = true
	}
	names := make([]string, 0, len(batches))
	for b := range batches {
		names = append(names, b)
	}
	sort.Strings(names)
	thresholds := []float64{0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95}
	pooled := make([]figures, len(thresholds)+1)
	for _, held := range names {
		var trainSet, test []annotated
		for _, a := range texts {
			if a.batch == held {
				test = append(test, a)
			} else {
				trainSet = append(trainSet, a)
			}
		}
		w := train(samplesOf(trainSet))
		base := evaluate(test, nil, 0)
		t.Logf("held out %-3s rules alone:   %v", held, base)
		t.Logf("held out %-3s ranking: %v", held, ranking(&w, samplesOf(test)))
		pooled[0] = add(pooled[0], base)
		for k, th := range thresholds {
			f := evaluate(test, &w, th)
			pooled[k+1] = add(pooled[k+1], f)
			t.Logf("held out %-3s scorer ≥ %.2f: %v", held, th, f)
		}
	}
	t.Logf("all held out, rules alone:   %v", pooled[0])
	for k, th := range thresholds {
		t.Logf("all held out, scorer ≥ %.2f: %v", th, pooled[k+1])
	}
	w := train(samplesOf(texts))
	for j, n := range featureNames {
		t.Logf("%-34s %+.3f", n, w[j])
	}
	if math.IsNaN(w[fBias]) {
		t.Fatal("training diverged")
	}
}

func add(a, b figures) figures {
	return figures{a.found + b.found, a.claims + b.claims, a.right + b.right, a.cands + b.cands, a.flagsOK + b.flagsOK}
}

// ranking says how well w orders a batch's candidates: the share of (true,
// false) pairs in which the true candidate scores higher (ties count half),
// 0.5 being no better than chance.
func ranking(w *[nFeatures]float64, s []sample) string {
	var pos, neg []float64
	for i := range s {
		if p := scoreOf(w, &s[i].x); s[i].good {
			pos = append(pos, p)
		} else {
			neg = append(neg, p)
		}
	}
	pairs := 0.0
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				pairs++
			case p == n:
				pairs += 0.5
			}
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return fmt.Sprintf("%d true and %d false candidates, nothing to rank", len(pos), len(neg))
	}
	return fmt.Sprintf("%d true and %d false candidates, a true one ranked above a false one in %.0f%% of pairs",
		len(pos), len(neg), 100*pairs/float64(len(pos)*len(neg)))
}
