package models

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// jsonAwkward are the characters encoding/json treats specially, with
// ordinary text around them.
var jsonAwkward = []string{"", "plain words", `"quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline\rcr", "\b\f\x00\x01\x1f\x7f",
	"ünïcödé — “curly” 🚀", "\u2028\u2029", "bad \xff\xfe utf8 \xc3", "truncated \xe2\x80", "日本語のテキスト"}

// fillClaim sets every field of c, whatever its type, through reflection,
// so that a field added to Claim later is filled too and must appear in
// AppendJSON's output as in encoding/json's. With nils, pointer fields are
// left nil and slices nil.
func fillClaim(t *testing.T, rng *rand.Rand, c *Claim, nils bool) {
	v := reflect.ValueOf(c).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		switch x := f.Addr().Interface().(type) {
		case *string:
			*x = jsonAwkward[rng.IntN(len(jsonAwkward))] + jsonAwkward[rng.IntN(len(jsonAwkward))]
		case *Verdict:
			*x = Verdicts()[rng.IntN(len(Verdicts()))]
		case *Verifiability:
			*x = Verifiability(jsonAwkward[rng.IntN(len(jsonAwkward))])
		case *int64:
			*x = rng.Int64N(1<<40) - 1<<20
		case *bool:
			*x = rng.IntN(2) == 1
		case *time.Time:
			*x = randomTime(rng)
		case **int64:
			if !nils {
				n := rng.Int64N(1 << 30)
				*x = &n
			}
		case **time.Time:
			if !nils {
				tm := randomTime(rng)
				*x = &tm
			}
		case *[]string:
			if !nils {
				*x = []string{}
				for k := rng.IntN(3); k > 0; k-- {
					*x = append(*x, jsonAwkward[rng.IntN(len(jsonAwkward))])
				}
			}
		default:
			t.Fatalf("Claim.%s has a type fillClaim does not fill (%T): teach it, and AppendJSON", name, x)
		}
	}
}

func randomTime(rng *rand.Rand) time.Time {
	zones := []*time.Location{time.UTC, time.FixedZone("", 5*3600+1800), time.FixedZone("", -8*3600)}
	return time.Date(1970+rng.IntN(100), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60),
		[]int{0, 500, 120000000, 999999999}[rng.IntN(4)], zones[rng.IntN(len(zones))])
}

func TestClaimPageAppendJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 300; round++ {
		p := &ClaimPage{Total: rng.Int64N(2_000_000), Page: 1 + rng.IntN(300), PerPage: 1 + rng.IntN(200)}
		if round%3 == 0 {
			p.Next = jsonAwkward[rng.IntN(len(jsonAwkward))]
		}
		switch round % 7 {
		case 0:
			p.Claims = nil
		case 1:
			p.Claims = []Claim{}
		default:
			p.Claims = make([]Claim, 1+rng.IntN(4))
			for i := range p.Claims {
				fillClaim(t, rng, &p.Claims[i], rng.IntN(2) == 0)
			}
		}
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(p); err != nil {
			t.Fatal(err)
		}
		got, ok := p.AppendJSON(nil)
		if !ok {
			t.Fatalf("round %d: AppendJSON refused an ordinary page", round)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("round %d: AppendJSON differs from encoding/json\n got: %s\nwant: %s", round, got, want.Bytes())
		}
	}
}

// A time encoding/json refuses is left to encoding/json, which reports it.
func TestClaimPageAppendJSONLeavesOddTimes(t *testing.T) {
	p := &ClaimPage{Claims: []Claim{{ReportedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	if _, ok := p.AppendJSON(nil); ok {
		t.Fatal("AppendJSON encoded a year encoding/json refuses")
	}
	if _, err := json.Marshal(p); err == nil {
		t.Fatal("encoding/json accepted year 10000; AppendJSON may encode it too")
	}
}
