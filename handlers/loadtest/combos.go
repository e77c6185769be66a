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
	Rounds                  int  // requests per view; p99 of few requests is their slowest
	HTML                    bool // walk the desk page (signed in) instead of the API
	Slowest                 int  // how many views to print
}

// comboTiming is one view's latencies.
type comboTiming struct {
	path string
	lat  []time.Duration
}

func (t *comboTiming) pct(p float64) time.Duration {
	sort.Slice(t.lat, func(i, j int) bool { return t.lat[i] < t.lat[j] })
	return t.lat[min(len(t.lat)-1, int(float64(len(t.lat))*p))]
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
	return out
}

// RunCombos requests every view of ComboPaths from one client, Rounds
// times each (round by round, so that no view is measured only while warm),
// and prints the slowest views by p99. Any answer but 200 fails the run.
func RunCombos(ctx context.Context, c *Client, o ComboOptions, out io.Writer) error {
	paths := ComboPaths(o)
	timings := make([]*comboTiming, len(paths))
	for i, p := range paths {
		timings[i] = &comboTiming{path: p}
	}
	start := time.Now()
	for r := 0; r < o.Rounds; r++ {
		for _, t := range timings {
			t0 := time.Now()
			code, err := c.hit(ctx, t.path)
			if err != nil {
				return err
			}
			if code != http.StatusOK {
				return fmt.Errorf("%s: status %d", t.path, code)
			}
			t.lat = append(t.lat, time.Since(t0))
		}
	}
	sort.Slice(timings, func(i, j int) bool { return timings[i].pct(0.99) > timings[j].pct(0.99) })
	all := &comboTiming{}
	for _, t := range timings {
		all.lat = append(all.lat, t.lat...)
	}
	fmt.Fprintf(out, "%d views × %d rounds in %s, one client; over all requests p50 %s, p99 %s\n",
		len(paths), o.Rounds, time.Since(start).Round(time.Millisecond), all.pct(0.5).Round(10*time.Microsecond), all.pct(0.99).Round(10*time.Microsecond))
	fmt.Fprintf(out, "| slowest views | p50 | p99 |\n|---|---|---|\n")
	for _, t := range timings[:min(o.Slowest, len(timings))] {
		fmt.Fprintf(out, "| `%s` | %s | %s |\n", t.path, t.pct(0.5).Round(10*time.Microsecond), t.pct(0.99).Round(10*time.Microsecond))
	}
	return nil
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
