// Command loadtest measures a running Claimdesk over real HTTP: latency
// percentiles for one client and throughput at many, for the desk list,
// full-text search, a claim page, concurrent verdict changes and the desk list
// while verdicts change, each beside /healthz measured in the same run and
// with the CPU the tool and (given -pid) the server used meanwhile. With -soak it instead runs a mixed load
// of reads, writes, uploads, exports and invalid requests and reports every
// 5xx answer and the server's memory over time. With -streams N it holds N live
// event streams open and reports their memory, how fast a verdict change
// reaches all of them, and the desk list's throughput beside them. With
// -throughput it measures /healthz, the desk list and (given -email) the
// desk page at -clients in one run; with -views, each of the slowest desk
// views from one client, on the API or (-html) the desk page.
//
//	go run ./handlers/loadtest/cmd/loadtest -url http://127.0.0.1:8080 -token "$T"
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"claimdesk/handlers/loadtest"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "Claimdesk base URL (loopback only)")
	token := flag.String("token", os.Getenv("CLAIMDESK_TOKEN"), "API token of a fact-checker or editor (env CLAIMDESK_TOKEN)")
	dur := flag.Duration("duration", 10*time.Second, "how long each measurement runs")
	clients := flag.Int("clients", 16, "concurrent clients for the throughput runs")
	soak := flag.Bool("soak", false, "run the mixed soak load instead of the benchmarks")
	pid := flag.Int("pid", 0, "server process id: its CPU use beside each measurement, its resident memory during -soak")
	streams := flag.Int("streams", 0, "measure live event streams instead: hold this many open (e.g. 2000), time verdict changes reaching them, and the desk list beside them")
	changes := flag.Int("changes", 40, "with -streams: verdict changes to time, one every -every")
	streamURL := flag.String("stream-url", "", "with -streams: open the streams on this server (another one on the same database) instead of -url")
	every := flag.Duration("every", 250*time.Millisecond, "with -streams: pause between timed verdict changes")
	combos := flag.Bool("combos", false, "walk every desk view (filters up to three × every sort × first and deep page) from one client and print the slowest")
	html := flag.Bool("html", false, "with -combos: walk the desk page, signed in with -email and CLAIMDESK_PASSWORD, instead of the API")
	email := flag.String("email", "", "with -html, or -throughput for the desk page: the user to sign in as (password in CLAIMDESK_PASSWORD)")
	story := flag.Int64("story", 2, "with -combos: the story filter's id")
	source := flag.Int64("source", 2, "with -combos: the source filter's id")
	assignee := flag.Int64("assignee", 1, "with -combos: the assignee filter's id")
	tag := flag.String("tag", "casualties", "with -combos: the tag filter")
	word := flag.String("word", "army", "with -combos: the search word")
	rounds := flag.Int("rounds", 5, "with -combos: the most requests per view")
	fast := flag.Duration("fast", 5*time.Millisecond, "with -combos: a view answered in less the first time is not requested again (0: every view -rounds times)")
	sample := flag.Int("sample", 1, "with -combos: walk one view in this many, spread over the combinations (1: all)")
	containing := flag.String("containing", "", `with -combos: walk only the views whose path contains this text ("q=": the searches)`)
	deep := flag.Int("deep-page", 200, "with -combos: the deep page")
	throughput := flag.Bool("throughput", false, "measure /healthz, the desk list and, with -email, the desk page at -clients in one run")
	views := flag.Bool("views", false, "time each of the slowest desk views (and the desk list's ten) from one client, -rounds times; -html for the desk page")
	only := flag.String("only", "", `comma-separated measurements to run ("desk list,full-text search,claim page,verdict changes,desk list with writers"); all when empty`)
	flag.Parse()
	if *token == "" && !(*html && (*combos || *views)) {
		fmt.Fprintln(os.Stderr, "loadtest: -token is required (claimdesk token create --email E)")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	c := loadtest.NewClient(*base, *token, *clients)
	var err error
	switch {
	case *streams > 0:
		err = loadtest.RunStreams(ctx, c, loadtest.StreamsConfig{Streams: *streams, Changes: *changes, Every: *every,
			Clients: *clients, Duration: *dur, Pid: *pid, StreamBase: *streamURL}, os.Stdout)
	case *combos:
		o := loadtest.ComboOptions{Story: *story, Source: *source, Assignee: *assignee, Tag: *tag, Word: *word,
			DeepPage: *deep, Rounds: *rounds, HTML: *html, Slowest: 10, Fast: *fast, Sample: *sample, Containing: *containing, Progress: os.Stderr}
		if *html {
			err = c.SignIn(ctx, *email, os.Getenv("CLAIMDESK_PASSWORD"))
		}
		if err == nil {
			err = loadtest.RunCombos(ctx, c, o, os.Stdout)
		}
	case *views:
		if *html {
			err = c.SignIn(ctx, *email, os.Getenv("CLAIMDESK_PASSWORD"))
		}
		if err == nil {
			err = loadtest.RunViews(ctx, c, loadtest.SlowViews(), *rounds, *html, *pid, os.Stdout)
		}
	case *throughput:
		var page *loadtest.Client
		if *email != "" {
			page = loadtest.NewClient(*base, "", *clients)
			err = page.SignIn(ctx, *email, os.Getenv("CLAIMDESK_PASSWORD"))
		}
		if err == nil {
			err = loadtest.RunThroughput(ctx, c, page, *clients, *pid, *dur, os.Stdout)
		}
	case *soak:
		var rep *loadtest.SoakReport
		rep, err = loadtest.RunSoak(ctx, c, *clients, *dur, *pid)
		if err == nil {
			rep.Print(os.Stdout)
			if rep.ServerErrors > 0 || rep.LostWrites > 0 {
				os.Exit(1)
			}
		}
	default:
		var names []string
		if *only != "" {
			names = strings.Split(*only, ",")
		}
		err = loadtest.RunBenchmarks(ctx, c, *clients, *pid, *dur, os.Stdout, names...)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}
