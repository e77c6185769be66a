package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// do sends one request and drains the answer, returning status and body.
func (c *Client) do(ctx context.Context, method, path string, body any) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// result is one measurement: latencies of every request and the rate.
type result struct {
	name     string
	clients  int
	lat      []time.Duration
	elapsed  time.Duration
	failures int64
}

func (r *result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	return r.lat[min(len(r.lat)-1, int(float64(len(r.lat))*p))]
}

func (r *result) rps() float64 { return float64(len(r.lat)) / r.elapsed.Seconds() }

// measure runs op from n workers for d and records each latency; op returns
// false for a failed request.
func measure(ctx context.Context, name string, n int, d time.Duration, op func(ctx context.Context, worker int, rng *rand.Rand) bool) *result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	res := &result{name: name, clients: n}
	var fails atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			local := make([]time.Duration, 0, 4096)
			for ctx.Err() == nil {
				t := time.Now()
				ok := op(ctx, w, rng)
				if ctx.Err() != nil {
					break
				}
				if !ok {
					fails.Add(1)
					continue
				}
				local = append(local, time.Since(t))
			}
			mu.Lock()
			res.lat = append(res.lat, local...)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.failures = fails.Load()
	return res
}

// get returns an op that GETs a path chosen per request and expects 200.
func (c *Client) get(paths func(rng *rand.Rand) string) func(ctx context.Context, w int, rng *rand.Rand) bool {
	return func(ctx context.Context, _ int, rng *rand.Rand) bool {
		code, _, err := c.do(ctx, "GET", paths(rng), nil)
		return err == nil && code == 200
	}
}

// deskQueries are the list views a desk uses all day.
var deskQueries = []string{
	"unconfirmed=1", "unconfirmed=1&story=%d", "verdict=verified&story=%d", "stale=1", "source=%d",
	"unconfirmed=1&verifiability=not_verifiable", "assignee=%d&unconfirmed=1", "", "unconfirmed=1&page=3", "story=%d&sort=-updated",
}

var searchQueries = []string{"drones", "rescue teams", "killed shelling", "dam hold", "troops deployed", "evacuated", "port closed", "Kherson", "Vellamar ministry", "aid convoys blocked"}

func deskPath(rng *rand.Rand) string {
	q := deskQueries[rng.IntN(len(deskQueries))]
	if bytes.Contains([]byte(q), []byte("%d")) {
		q = fmt.Sprintf(q, 1+rng.IntN(5))
	}
	return "/api/v1/claims?" + q
}

func searchPath(rng *rand.Rand) string {
	return "/api/v1/claims?q=" + url.QueryEscape(searchQueries[rng.IntN(len(searchQueries))])
}

// RunBenchmarks runs every measurement for d each and prints a Markdown
// table: p50, p99 and requests/s, each beside /healthz at the same
// concurrency. It fails if an acknowledged verdict change is missing after.
//
// only, when not empty, names the measurements to run ("desk list",
// "full-text search", "claim page", "verdict changes"); /healthz always runs.
func RunBenchmarks(ctx context.Context, c *Client, clients int, d time.Duration, out io.Writer, only ...string) error {
	want := func(name string) bool {
		if len(only) == 0 || name == "healthz" {
			return true
		}
		for _, o := range only {
			if o == name {
				return true
			}
		}
		return false
	}
	code, body, err := c.do(ctx, "GET", "/api/v1/claims?per_page=1", nil)
	if err != nil || code != 200 {
		return fmt.Errorf("cannot list claims (%d): %v %s", code, err, body)
	}
	var page struct {
		Total int64 `json:"total"`
	}
	json.Unmarshal(body, &page)
	if page.Total == 0 {
		return fmt.Errorf("the database has no claims: run claimdesk seed first")
	}
	maxID := int(page.Total)
	claimPath := func(rng *rand.Rand) string { return fmt.Sprintf("/api/v1/claims/%d", 1+rng.IntN(maxID)) }
	health := func(*rand.Rand) string { return "/healthz" }
	var rows []*result
	add := func(r *result) {
		rows = append(rows, r)
		fmt.Fprintf(out, "  measured %s (%d clients)\n", r.name, r.clients)
	}
	fmt.Fprintf(out, "Claimdesk at %s with %d claims, %s per measurement\n", c.base, page.Total, d)
	type run struct {
		name    string
		clients int
		op      func(ctx context.Context, w int, rng *rand.Rand) bool
	}
	for _, r := range []run{
		{"healthz", 1, c.get(health)}, {"desk list", 1, c.get(deskPath)}, {"full-text search", 1, c.get(searchPath)},
		{"claim page", 1, c.get(claimPath)}, {"healthz", clients, c.get(health)}, {"desk list", clients, c.get(deskPath)},
		{"full-text search", clients, c.get(searchPath)},
	} {
		if want(r.name) {
			add(measure(ctx, r.name, r.clients, d, r.op))
		}
	}
	if want("verdict changes") {
		writes, err := verdictWriters(ctx, c, clients, d, maxID)
		if err != nil {
			return err
		}
		add(writes)
	}
	healthRPS := map[int]float64{}
	for _, r := range rows {
		if r.name == "healthz" {
			healthRPS[r.clients] = r.rps()
		}
	}
	fmt.Fprintf(out, "\n| measurement | clients | requests | p50 | p99 | requests/s | vs /healthz | failures |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		ratio := ""
		if h := healthRPS[r.clients]; h > 0 && r.name != "healthz" {
			ratio = fmt.Sprintf("%.2f", r.rps()/h)
		}
		fmt.Fprintf(out, "| %s | %d | %d | %s | %s | %.0f | %s | %d |\n", r.name, r.clients, len(r.lat),
			r.pct(0.50).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond), r.rps(), ratio, r.failures)
	}
	return nil
}

// verdictWriters has each writer move its own claims between in_review and
// unverified, carrying the version it read, and checks afterwards that every
// acknowledged change is there.
func verdictWriters(ctx context.Context, c *Client, n int, d time.Duration, maxID int) (*result, error) {
	type owned struct {
		id      int
		version int64
		changes int
	}
	sets := make([][]*owned, n)
	for w := 0; w < n; w++ {
		for k := 0; k < 20; k++ {
			id := 1 + (w*20+k)*7919%maxID
			code, body, err := c.do(ctx, "GET", fmt.Sprintf("/api/v1/claims/%d", id), nil)
			if err != nil || code != 200 {
				return nil, fmt.Errorf("read claim %d: %d %v", id, code, err)
			}
			var cl struct {
				Version int64 `json:"version"`
			}
			json.Unmarshal(body, &cl)
			sets[w] = append(sets[w], &owned{id: id, version: cl.Version})
		}
	}
	seen := map[int]bool{}
	for _, s := range sets {
		for _, o := range s {
			if seen[o.id] {
				return nil, fmt.Errorf("claim %d owned twice; the database is too small", o.id)
			}
			seen[o.id] = true
		}
	}
	r := measure(ctx, "verdict changes", n, d, func(ctx context.Context, w int, rng *rand.Rand) bool {
		o := sets[w][rng.IntN(len(sets[w]))]
		v := "in_review"
		if o.changes%2 == 1 {
			v = "unverified"
		}
		// A write in flight when the measurement ends must still be answered,
		// or its version would be unknown here and look like a lost write.
		code, body, err := c.do(context.WithoutCancel(ctx), "POST", fmt.Sprintf("/api/v1/claims/%d/verdict", o.id), map[string]any{"verdict": v, "rationale": "load test", "version": o.version})
		if err != nil || code != 200 {
			if code == 422 { // already that verdict: move on
				o.changes++
			}
			return false
		}
		var cl struct {
			Version int64 `json:"version"`
		}
		json.Unmarshal(body, &cl)
		o.version = cl.Version
		o.changes++
		return true
	})
	for _, s := range sets {
		for _, o := range s {
			_, body, err := c.do(context.Background(), "GET", fmt.Sprintf("/api/v1/claims/%d", o.id), nil)
			if err != nil {
				return nil, err
			}
			var cl struct {
				Version int64 `json:"version"`
			}
			json.Unmarshal(body, &cl)
			if cl.Version != o.version {
				return nil, fmt.Errorf("claim %d: version %d on the server, %d acknowledged: a write was lost", o.id, cl.Version, o.version)
			}
		}
	}
	return r, nil
}
