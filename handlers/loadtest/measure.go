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
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
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

// hit sends a GET and reads the answer to its end without keeping it, so
// that the tool spends as little as it can of the CPU it shares with the
// server; it returns the status.
func (c *Client) hit(ctx context.Context, path string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+path, nil)
	if err != nil {
		return 0, err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// timed gets path, which must answer 200, and returns how long it took: the
// one-client walks (RunCombos, RunViews) fail on any other answer.
func (c *Client) timed(ctx context.Context, path string) (time.Duration, error) {
	t0 := time.Now()
	code, err := c.hit(ctx, path)
	if err != nil {
		return 0, err
	}
	if code != http.StatusOK {
		return 0, fmt.Errorf("%s: status %d", path, code)
	}
	return time.Since(t0), nil
}

// result is one measurement: latencies of every request and the rate, and
// the CPU the tool and the server used meanwhile (in cores: CPU seconds per
// second), since on a small machine they share the same cores.
type result struct {
	name      string
	clients   int
	lat       []time.Duration
	elapsed   time.Duration
	failures  int64
	toolCPU   float64
	serverCPU float64 // < 0: unknown (no server pid)
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
// false for a failed request. pid, when not 0, is the server's process id,
// whose CPU use is recorded too.
func measure(ctx context.Context, name string, n, pid int, d time.Duration, op func(ctx context.Context, worker int, rng *rand.Rand) bool) *result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	res := &result{name: name, clients: n}
	var fails atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	tool0, server0 := processCPU(0), processCPU(pid)
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
	res.toolCPU = (processCPU(0) - tool0).Seconds() / res.elapsed.Seconds()
	res.serverCPU = -1
	if server1 := processCPU(pid); pid > 0 && server0 > 0 && server1 > 0 {
		res.serverCPU = (server1 - server0).Seconds() / res.elapsed.Seconds()
	}
	return res
}

// get returns an op that GETs a path chosen per request and expects 200.
func (c *Client) get(paths func(rng *rand.Rand) string) func(ctx context.Context, w int, rng *rand.Rand) bool {
	return func(ctx context.Context, _ int, rng *rand.Rand) bool {
		code, err := c.hit(ctx, paths(rng))
		return err == nil && code == 200
	}
}

// deskQueries are the list views a desk uses all day.
var deskQueries = []string{
	"unconfirmed=1", "unconfirmed=1&story=%d", "verdict=verified&story=%d", "stale=1", "source=%d",
	"unconfirmed=1&verifiability=not_verifiable", "assignee=%d&unconfirmed=1", "", "unconfirmed=1&page=3", "story=%d&sort=-updated",
}

// deskIDs is how many stories, sources and assignees the desk list's
// views name (ids 1 to deskIDs).
const deskIDs = 5

var searchQueries = []string{"drones", "rescue teams", "killed shelling", "dam hold", "troops deployed", "evacuated", "port closed", "Kherson", "Vellamar ministry", "aid convoys blocked"}

func deskPath(rng *rand.Rand) string {
	q := deskQueries[rng.IntN(len(deskQueries))]
	if bytes.Contains([]byte(q), []byte("%d")) {
		q = fmt.Sprintf(q, 1+rng.IntN(deskIDs))
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
// "full-text search", "claim page", "verdict changes", "desk list with
// writers"); /healthz always runs.
// pid, when not 0, is the server's process id: each row then shows the
// server's CPU use beside the tool's own.
func RunBenchmarks(ctx context.Context, c *Client, clients, pid int, d time.Duration, out io.Writer, only ...string) error {
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
	for _, r := range []run{
		{"healthz", 1, c.get(health)}, {"desk list", 1, c.get(deskPath)}, {"full-text search", 1, c.get(searchPath)},
		{"claim page", 1, c.get(claimPath)}, {"healthz", clients, c.get(health)}, {"desk list", clients, c.get(deskPath)},
		{"full-text search", clients, c.get(searchPath)},
	} {
		if want(r.name) {
			add(measure(ctx, r.name, r.clients, pid, d, r.op))
		}
	}
	if want("verdict changes") {
		rs, err := verdictWriters(ctx, c, "verdict changes", clients, pid, d, maxID, nil)
		if err != nil {
			return err
		}
		add(rs[0])
	}
	if want("desk list with writers") {
		// The desk as it is used: reviewers list while others change
		// verdicts, so list answers cannot simply be reused.
		rs, err := verdictWriters(ctx, c, "verdict changes beside the list", mixedWriters, pid, d, maxID,
			&run{"desk list with writers", clients, c.get(deskPath)})
		if err != nil {
			return err
		}
		add(rs[1])
		add(rs[0])
	}
	healthRPS := map[int]float64{}
	for _, r := range rows {
		if r.name == "healthz" {
			healthRPS[r.clients] = r.rps()
		}
	}
	fmt.Fprintf(out, "\n| measurement | clients | requests | p50 | p99 | requests/s | vs /healthz | failures | tool CPU | server CPU |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		ratio := ""
		if h := healthRPS[r.clients]; h > 0 && r.name != "healthz" {
			ratio = fmt.Sprintf("%.2f", r.rps()/h)
		}
		server := ""
		if r.serverCPU >= 0 {
			server = fmt.Sprintf("%.2f", r.serverCPU)
		}
		fmt.Fprintf(out, "| %s | %d | %d | %s | %s | %.0f | %s | %d | %.2f | %s |\n", r.name, r.clients, len(r.lat),
			r.pct(0.50).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond), r.rps(), ratio, r.failures, r.toolCPU, server)
	}
	fmt.Fprintln(out, "\n(tool and server CPU in cores: CPU seconds used per second of the measurement; rows measured together show their total)")
	return nil
}

// run is one measurement to make: its name, how many clients, what each does.
type run struct {
	name    string
	clients int
	op      func(ctx context.Context, w int, rng *rand.Rand) bool
}

// mixedWriters is how many reviewers change verdicts in "desk list with
// writers".
const mixedWriters = 4

// verdictWriters has n writers move their own claims between in_review and
// unverified, carrying the version they read, and checks afterwards that
// every acknowledged change is there. When alongside is not nil it is
// measured at the same time; its result follows the writers' one.
func verdictWriters(ctx context.Context, c *Client, name string, n, pid int, d time.Duration, maxID int, alongside *run) ([]*result, error) {
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
				Version int64  `json:"version"`
				Verdict string `json:"verdict"`
			}
			json.Unmarshal(body, &cl)
			o := &owned{id: id, version: cl.Version}
			if cl.Verdict == "in_review" {
				o.changes = 1 // (from an earlier run) its first change is to unverified
			}
			sets[w] = append(sets[w], o)
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
	var side *result
	var wg sync.WaitGroup
	if alongside != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			side = measure(ctx, alongside.name, alongside.clients, pid, d, alongside.op)
		}()
	}
	r := measure(ctx, name, n, pid, d, func(ctx context.Context, w int, rng *rand.Rand) bool {
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
	wg.Wait()
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
	if side != nil {
		return []*result{r, side}, nil
	}
	return []*result{r}, nil
}
