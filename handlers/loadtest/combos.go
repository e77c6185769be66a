package loadtest

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"claimdesk/models"
)

// ComboOptions says which desk views RunCombos walks: every combination of
// up to three of the desk's filters (story, source and assignee naming the
// given ids, the tag and the search word as given) with every sort, on the
// first page and on DeepPage.
type ComboOptions struct {
	Story, Source, Assignee int64
	Tag, Word               string
	DeepPage                int
	Rounds                  int  // the most requests per view; p99 of few requests is their slowest
	HTML                    bool // walk the desk page (signed in) instead of the API
	Slowest                 int  // how many views to print
	// Fast is the time under which a view's first answer shows it clearly
	// fast: it is not requested again, so the rounds go to the views that
	// may be slow. 0 requests every view Rounds times.
	Fast time.Duration
	// Sample walks one view in Sample (1 or 0: all of them), spread evenly
	// over the combinations.
	Sample int
	// Containing keeps only the views whose path contains this text (e.g.
	// "q=" for the searches); "": every view.
	Containing string
	// Progress receives a line every few hundred views, and every view over
	// its target as soon as it is found; nil: none.
	Progress io.Writer
}

// Targets of the issue the walk checks: a view with a search may take longer.
const (
	comboTarget       = 10 * time.Millisecond
	comboSearchTarget = 25 * time.Millisecond
)

// comboTiming is one view's latencies.
type comboTiming struct {
	path    string
	lat     []time.Duration
	confirm []time.Duration // the slowest views, requested again at the end
}

func (t *comboTiming) pct(p float64) time.Duration { return percentile(t.lat, p) }

// target is the view's p99 target.
func (t *comboTiming) target() time.Duration {
	if strings.Contains(t.path, "q=") {
		return comboSearchTarget
	}
	return comboTarget
}

func percentile(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat[min(len(lat)-1, int(float64(len(lat))*p))]
}

// ComboPaths lists the paths RunCombos requests, in order.
func ComboPaths(o ComboOptions) []string {
	base := "/api/v1/claims?"
	if o.HTML {
		base = "/?"
	}
	var out []string
	for _, combo := range models.DeskFilterCombos(models.DeskFilterAtoms(o.Story, o.Source, o.Assignee, o.Tag, o.Word), 3) {
		for _, s := range models.ClaimSorts() {
			if s == "relevance" && !strings.Contains(combo, "q=") {
				continue
			}
			for _, page := range []int{1, o.DeepPage} {
				out = append(out, fmt.Sprintf("%s%s&sort=%s&page=%d", base, combo, url.QueryEscape(s), page))
			}
		}
	}
	if o.Containing != "" {
		kept := out[:0]
		for _, p := range out {
			if strings.Contains(p, o.Containing) {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	if o.Sample > 1 {
		kept := out[:0]
		for i, p := range out {
			if i%o.Sample == 0 {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	return out
}

// RunCombos requests every view of ComboPaths from one client, then again
// each view whose first answer was not under Fast, up to Rounds times (round
// by round, so that no view is measured only while warm), then the slowest
// views Rounds times more to confirm them, and prints the slowest by p99.
// Any answer but 200 fails the run.
func RunCombos(ctx context.Context, c *Client, o ComboOptions, out io.Writer) error {
	paths := ComboPaths(o)
	timings := make([]*comboTiming, len(paths))
	for i, p := range paths {
		timings[i] = &comboTiming{path: p}
	}
	progress := o.Progress
	if progress == nil {
		progress = io.Discard
	}
	start := time.Now()
	hit := func(t *comboTiming, into *[]time.Duration) error {
		d, err := c.timed(ctx, t.path)
		if err != nil {
			return err
		}
		*into = append(*into, d)
		return nil
	}
	requests := 0
	for r := 0; r < max(o.Rounds, 1); r++ {
		walked := 0
		for _, t := range timings {
			if r > 0 && o.Fast > 0 && t.pct(1) < o.Fast {
				continue
			}
			if err := hit(t, &t.lat); err != nil {
				return err
			}
			walked++
			requests++
			if d := t.lat[len(t.lat)-1]; d > t.target() {
				fmt.Fprintf(progress, "round %d: %s took %s\n", r+1, t.path, d.Round(10*time.Microsecond))
			}
			if walked%500 == 0 {
				fmt.Fprintf(progress, "round %d: %d views in %s\n", r+1, walked, time.Since(start).Round(time.Second))
			}
		}
		fmt.Fprintf(progress, "round %d done: %d views in %s\n", r+1, walked, time.Since(start).Round(time.Second))
	}
	sort.Slice(timings, func(i, j int) bool { return timings[i].pct(0.99) > timings[j].pct(0.99) })
	slowest := timings[:min(o.Slowest, len(timings))]
	for r := 0; r < max(o.Rounds, 1); r++ {
		for _, t := range slowest {
			if err := hit(t, &t.confirm); err != nil {
				return err
			}
		}
	}
	all := &comboTiming{}
	once, over := 0, 0
	for _, t := range timings {
		all.lat = append(all.lat, t.lat...)
		if len(t.lat) == 1 {
			once++
		}
		if t.pct(0.99) > t.target() {
			over++
		}
	}
	fmt.Fprintf(out, "%d views (%s), %d requests in %s, one client; %d views answered under %s the first time were not requested again; over all requests p50 %s, p99 %s; %d views over target (%s, %s with a search)\n",
		len(paths), sampled(o.Sample), requests, time.Since(start).Round(time.Second), once, o.Fast, all.pct(0.5).Round(10*time.Microsecond), all.pct(0.99).Round(10*time.Microsecond),
		over, comboTarget, comboSearchTarget)
	fmt.Fprintf(out, "| slowest views | requests | p50 | p99 | p99 again (%d more) |\n|---|---|---|---|---|\n", max(o.Rounds, 1))
	for _, t := range slowest {
		fmt.Fprintf(out, "| `%s` | %d | %s | %s | %s |\n", t.path, len(t.lat), t.pct(0.5).Round(10*time.Microsecond), t.pct(0.99).Round(10*time.Microsecond), percentile(t.confirm, 0.99).Round(10*time.Microsecond))
	}
	return nil
}

func sampled(n int) string {
	if n > 1 {
		return fmt.Sprintf("one in %d of the combinations", n)
	}
	return "every combination"
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// SignIn signs the client in through the sign-in form, so that it can
// request the desk's pages; its API token is then no longer sent.
func (c *Client) SignIn(ctx context.Context, email, password string) error {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return err
	}
	c.http.Jar = jar
	c.token = ""
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/signin", nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	m := csrfInput.FindSubmatch(page)
	if m == nil {
		return fmt.Errorf("the sign-in page has no form token")
	}
	form := url.Values{"email": {email}, "password": {password}, "csrf": {html.UnescapeString(string(m[1]))}}
	req, err = http.NewRequestWithContext(ctx, "POST", c.base+"/signin", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err = c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if code, err := c.hit(ctx, "/"); err != nil || code != http.StatusOK {
		return fmt.Errorf("signing in as %s failed (desk answered %d): %v", email, code, err)
	}
	return nil
}
