package loadtest

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"time"
)

// SlowViews are the desk views that were the slowest computed at a million
// claims (the editors' filter newest first, a search inside a story, a
// search inside the unconfirmed claims, two verdicts, the stale claims),
// followed by the ten the desk list rotates through (story, source and
// assignee 2).
func SlowViews() []string {
	out := []string{"unconfirmed=1&sort=-created", "q=army&story=2", "q=killed&unconfirmed=1", "verdict=unverified,disputed", "stale=1"}
	for _, q := range deskQueries {
		out = append(out, strings.ReplaceAll(q, "%d", "2"))
	}
	return out
}

// RunViews requests each view (a query string) from one client, once to
// warm up and then rounds times (round by round), on the API or, with html,
// on the desk page, and prints each view's first time (counts not yet
// known) and p50, p99 and slowest time after it, beside the load average.
// Given the server's pid, it then requests each view rounds times in a row
// and prints the CPU the server used per request (on a shared machine, what
// an answer costs says more than its time; /proc counts in hundredths of a
// second, so more rounds give a finer figure). Any answer but 200 fails the
// run.
func RunViews(ctx context.Context, c *Client, views []string, rounds int, html bool, pid int, out io.Writer) error {
	base := "/api/v1/claims?"
	if html {
		base = "/?"
	}
	timings := make([]*comboTiming, len(views))
	first := make([]time.Duration, len(views))
	for i, v := range views {
		timings[i] = &comboTiming{path: base + v}
	}
	load0 := loadAverage()
	start := time.Now()
	for r := 0; r <= rounds; r++ {
		for i, t := range timings {
			d, err := c.timed(ctx, t.path)
			if err != nil {
				return err
			}
			if r == 0 {
				first[i] = d
				continue
			}
			t.lat = append(t.lat, d)
		}
	}
	fmt.Fprintf(out, "%d views × %d rounds after a first one in %s, one client; load average %s before, %s after\n",
		len(views), rounds, time.Since(start).Round(time.Millisecond), load0, loadAverage())
	cpu := make([]string, len(views))
	if pid > 0 {
		for i, t := range timings {
			cpu0 := processCPU(pid)
			for r := 0; r < rounds; r++ {
				if _, err := c.timed(ctx, t.path); err != nil {
					return err
				}
			}
			cpu[i] = " " + ((processCPU(pid) - cpu0) / time.Duration(max(rounds, 1))).Round(10*time.Microsecond).String() + " |"
		}
		fmt.Fprintf(out, "| view | first | p50 | p99 | slowest | server CPU per request |\n|---|---|---|---|---|---|\n")
	} else {
		fmt.Fprintf(out, "| view | first | p50 | p99 | slowest |\n|---|---|---|---|---|\n")
	}
	r := func(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }
	for i, t := range timings {
		fmt.Fprintf(out, "| `%s` | %s | %s | %s | %s |%s\n", t.path, r(first[i]), r(t.pct(0.5)), r(t.pct(0.99)), r(t.pct(1)), cpu[i])
	}
	return nil
}

// RunThroughput measures, after requesting every view once, at the given
// number of clients and in one run:
// /healthz, the desk list through the API (the ten views it rotates through,
// every answer with its total) and, when page is not nil (a client signed
// in to the desk), the desk page on the same views. It prints requests/s
// beside /healthz's and the load average, since on a shared machine the
// /healthz figure of the same run is the yardstick.
func RunThroughput(ctx context.Context, api, page *Client, clients, pid int, d time.Duration, out io.Writer) error {
	if code, _, err := api.do(ctx, "GET", "/api/v1/claims?per_page=1", nil); err != nil || code != http.StatusOK {
		return fmt.Errorf("cannot list claims (%d): %v", code, err)
	}
	health := func(*rand.Rand) string { return "/healthz" }
	runs := []run{{"healthz", clients, api.get(health)}, {"desk list", clients, api.get(deskPath)}}
	if page != nil {
		deskPage := func(rng *rand.Rand) string { return "/?" + strings.TrimPrefix(deskPath(rng), "/api/v1/claims?") }
		runs = append(runs, run{"desk page", clients, page.get(deskPage)})
	}
	// Every view once first, so that the measurement sees the desk as it
	// is used all day (large totals counted a moment ago, recounted in the
	// background), not the first minutes after a start.
	for _, q := range allDeskQueries() {
		if code, err := api.hit(ctx, "/api/v1/claims?"+q); err != nil || code != http.StatusOK {
			return fmt.Errorf("warming /api/v1/claims?%s: %d %v", q, code, err)
		}
		if page == nil {
			continue
		}
		if code, err := page.hit(ctx, "/?"+q); err != nil || code != http.StatusOK {
			return fmt.Errorf("warming /?%s: %d %v", q, code, err)
		}
	}
	load0 := loadAverage()
	var rows []*result
	for _, r := range runs {
		rows = append(rows, measure(ctx, r.name, r.clients, pid, d, r.op))
	}
	fmt.Fprintf(out, "%d clients, %s each; load average %s before, %s after\n\n", clients, d, load0, loadAverage())
	fmt.Fprintf(out, "| measurement | clients | requests | p50 | p99 | requests/s | vs /healthz | failures | tool CPU | server CPU |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		ratio, server := "", ""
		if r.name != "healthz" {
			ratio = fmt.Sprintf("%.2f", r.rps()/rows[0].rps())
		}
		if r.serverCPU >= 0 {
			server = fmt.Sprintf("%.2f", r.serverCPU)
		}
		fmt.Fprintf(out, "| %s | %d | %d | %s | %s | %.0f | %s | %d | %.2f | %s |\n", r.name, r.clients, len(r.lat),
			r.pct(0.50).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond), r.rps(), ratio, r.failures, r.toolCPU, server)
	}
	return nil
}

// allDeskQueries lists every query deskPath can choose.
func allDeskQueries() []string {
	var out []string
	for _, q := range deskQueries {
		if !strings.Contains(q, "%d") {
			out = append(out, q)
			continue
		}
		for id := 1; id <= deskIDs; id++ {
			out = append(out, fmt.Sprintf(q, id))
		}
	}
	return out
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes, or
// "unknown" where /proc does not say.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(data))
	if err != nil || len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
