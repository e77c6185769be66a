package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"

	"claimdesk/models/events"
)

// StreamsConfig says how RunStreams loads a server with live event streams.
type StreamsConfig struct {
	// Streams is how many event streams are held open at once.
	Streams int
	// Changes is how many verdict changes are timed, one every Every.
	Changes int
	Every   time.Duration
	// Clients and Duration are the desk list measurement's, made without
	// streams and again with them open.
	Clients  int
	Duration time.Duration
	// Pid is the server's process id, for its resident memory and CPU.
	Pid int
	// StreamBase, when set, is another server (on the same database) that
	// the streams are opened on, while the changes go to the first: how
	// fast an event crosses between servers.
	StreamBase string
}

// streamClient is one open stream: when each verdict event (by claim
// version) arrived.
type streamClient struct {
	mu      sync.Mutex
	arrived map[int64]time.Time
	ready   chan struct{}
	err     error
}

// RunStreams measures what live streams cost and how fast they deliver:
// the server's resident memory with none and with cfg.Streams streams
// open, the desk list's throughput without and with them (idle), and the
// time from sending a verdict change to its event reaching every stream
// (p50, p99, max over every stream and change). It prints a Markdown
// report to out.
func RunStreams(ctx context.Context, c *Client, cfg StreamsConfig, out io.Writer) error {
	claim, version, err := firstClaim(ctx, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Claimdesk at %s: %d streams, %d verdict changes every %s, desk list at %d clients for %s\n",
		c.base, cfg.Streams, cfg.Changes, cfg.Every, cfg.Clients, cfg.Duration)
	sc := c
	if cfg.StreamBase != "" {
		sc = NewClient(cfg.StreamBase, c.token, 1)
		fmt.Fprintf(out, "streams on %s\n", cfg.StreamBase)
	}
	measure(ctx, "warm-up", cfg.Clients, 0, cfg.Duration/2, c.get(deskPath))
	before := measure(ctx, "desk list, no streams", cfg.Clients, cfg.Pid, cfg.Duration, c.get(deskPath))
	fmt.Fprintf(out, "  measured %s: %.0f/s\n", before.name, before.rps())
	time.Sleep(2 * time.Second)
	rss0 := residentKB(cfg.Pid)

	streamCtx, closeStreams := context.WithCancel(ctx)
	defer closeStreams()
	streams, err := openStreams(streamCtx, sc, cfg.Streams)
	if err != nil {
		return err
	}
	time.Sleep(3 * time.Second) // let the server settle (its collector, its buffers)
	rss1 := residentKB(cfg.Pid)
	fmt.Fprintf(out, "  %d streams open; server RSS %d KB → %d KB\n", len(streams), rss0, rss1)

	during := measure(ctx, "desk list, streams open", cfg.Clients, cfg.Pid, cfg.Duration, c.get(deskPath))
	fmt.Fprintf(out, "  measured %s: %.0f/s\n", during.name, during.rps())

	sent := map[int64]time.Time{}
	verdicts := []string{"in_review", "unverified"}
	for k := 0; k < cfg.Changes; k++ {
		v := verdicts[k%2]
		t0 := time.Now()
		code, body, err := c.do(ctx, "POST", fmt.Sprintf("/api/v1/claims/%d/verdict", claim), map[string]any{"verdict": v, "rationale": "stream load test", "version": version})
		if err != nil || code != http.StatusOK {
			if code == http.StatusUnprocessableEntity { // it had this verdict already
				verdicts[0], verdicts[1] = verdicts[1], verdicts[0]
				k--
				continue
			}
			return fmt.Errorf("verdict change: %d %v %s", code, err, body)
		}
		var cl struct {
			Version int64 `json:"version"`
		}
		json.Unmarshal(body, &cl)
		version = cl.Version
		sent[version] = t0
		time.Sleep(cfg.Every)
	}
	time.Sleep(3 * time.Second) // stragglers
	var lat []time.Duration
	missing, failed := 0, 0
	for _, s := range streams {
		s.mu.Lock()
		if s.err != nil {
			failed++
		}
		for v, t0 := range sent {
			if at, ok := s.arrived[v]; ok {
				lat = append(lat, at.Sub(t0))
			} else {
				missing++
			}
		}
		s.mu.Unlock()
	}
	closeStreams()
	time.Sleep(2 * time.Second)
	after := measure(ctx, "desk list, streams closed", cfg.Clients, cfg.Pid, cfg.Duration, c.get(deskPath))
	fmt.Fprintf(out, "  measured %s: %.0f/s\n", after.name, after.rps())

	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	p := func(q float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*q))].Round(100 * time.Microsecond)
	}
	fmt.Fprintf(out, "\n| measurement | value |\n|---|---|\n")
	fmt.Fprintf(out, "| streams held open | %d (%d ended early) |\n", len(streams), failed)
	fmt.Fprintf(out, "| deliveries (streams × changes) | %d, %d missing |\n", len(lat), missing)
	fmt.Fprintf(out, "| verdict change → event on every stream: p50 | %s |\n", p(0.50))
	fmt.Fprintf(out, "| … p99 | %s |\n", p(0.99))
	fmt.Fprintf(out, "| … max | %s |\n", p(1))
	if rss0 > 0 && rss1 > 0 {
		fmt.Fprintf(out, "| server RSS, no streams → %d streams | %.1f MB → %.1f MB |\n", len(streams), float64(rss0)/1024, float64(rss1)/1024)
		fmt.Fprintf(out, "| RSS per idle stream | %.1f KB |\n", float64(rss1-rss0)/float64(len(streams)))
	}
	for _, r := range []*result{before, during, after} {
		fmt.Fprintf(out, "| %s (%d clients): requests/s, p50, p99 | %.0f, %s, %s |\n", r.name, r.clients, r.rps(),
			r.pct(0.50).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond))
	}
	if base := (before.rps() + after.rps()) / 2; base > 0 {
		fmt.Fprintf(out, "| desk list with streams open vs without (mean of before and after) | %+.1f%% |\n", 100*(during.rps()/base-1))
	}
	if missing > 0 || failed > 0 {
		return fmt.Errorf("%d deliveries missing, %d streams ended early", missing, failed)
	}
	return nil
}

// firstClaim returns a claim to change and its version.
func firstClaim(ctx context.Context, c *Client) (int64, int64, error) {
	code, body, err := c.do(ctx, "GET", "/api/v1/claims?per_page=1", nil)
	if err != nil || code != http.StatusOK {
		return 0, 0, fmt.Errorf("cannot list claims (%d): %v %s", code, err, body)
	}
	var page struct {
		Claims []struct {
			ID      int64 `json:"id"`
			Version int64 `json:"version"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(body, &page); err != nil || len(page.Claims) == 0 {
		return 0, 0, fmt.Errorf("the database has no claims: run claimdesk seed first")
	}
	return page.Claims[0].ID, page.Claims[0].Version, nil
}

// openStreams opens n streams, 50 at a time, and returns once each has said
// it is ready. They stay open until ctx ends.
func openStreams(ctx context.Context, c *Client, n int) ([]*streamClient, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: -1, DisableCompression: true}
	hc := &http.Client{Transport: tr}
	streams := make([]*streamClient, n)
	for i := range streams {
		streams[i] = &streamClient{arrived: map[int64]time.Time{}, ready: make(chan struct{})}
	}
	for start := 0; start < n; start += 50 {
		end := min(n, start+50)
		for _, s := range streams[start:end] {
			go s.run(ctx, hc, c)
		}
		for _, s := range streams[start:end] {
			select {
			case <-s.ready:
			case <-time.After(30 * time.Second):
				return nil, fmt.Errorf("a stream did not start within 30 s")
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			s.mu.Lock()
			err := s.err
			s.mu.Unlock()
			if err != nil {
				return nil, err
			}
		}
	}
	return streams, nil
}

// run reads one stream until ctx ends, noting when each verdict event
// arrives.
func (s *streamClient) run(ctx context.Context, hc *http.Client, c *Client) {
	readied := false
	fail := func(err error) {
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
		if !readied {
			close(s.ready)
		}
	}
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/api/v1/events", nil)
	if err != nil {
		fail(err)
		return
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := hc.Do(req)
	if err != nil {
		fail(err)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fail(fmt.Errorf("stream: status %d", resp.StatusCode))
		return
	}
	r := events.NewReader(resp.Body)
	for {
		m, err := r.Next()
		if err != nil {
			if ctx.Err() == nil {
				fail(fmt.Errorf("stream ended: %v", err))
			}
			return
		}
		switch m.Type {
		case events.Ready:
			if !readied {
				readied = true
				close(s.ready)
			}
		case events.ClaimVerdict:
			at := time.Now()
			var e struct {
				Version int64 `json:"version"`
			}
			if json.Unmarshal([]byte(m.Data), &e) == nil {
				s.mu.Lock()
				s.arrived[e.Version] = at
				s.mu.Unlock()
			}
		}
	}
}

// residentKB is a process's resident memory in KB, or 0 without a pid.
func residentKB(pid int) int64 {
	if pid <= 0 {
		return 0
	}
	return rssOf(pid) >> 10
}
