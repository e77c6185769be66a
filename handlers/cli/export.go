package cli

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"

	"claimdesk/models"
)

// listFlag collects a flag given several times (--verdict false --verdict
// misleading) as well as comma lists (--verdict false,misleading).
type listFlag []string

// String shows the flag's values, as flag.Value requires.
func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds one or more comma-separated values, so a filter flag can repeat.
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// exportFilterFlags are the claim list's filters, named as in the query
// string so that the command and the API share one parser.
func exportFilterFlags() []struct{ name, usage string } {
	return []struct{ name, usage string }{
		{"story", "only claims of this story id"},
		{"source", "only claims of this source id"},
		{"assignee", "only claims assigned to this user id, or none"},
		{"q", "full-text search"},
		{"since", "reported at or after (2026-11-25 or 2026-11-25T14:00:00Z)"},
		{"until", "reported before (same forms as --since)"},
		{"sort", "order: -reported (default), reported, -created, created, -updated, updated, -id, id"},
		{"tag", "only claims carrying this tag"},
		{"withdrawn", "1: withdrawn claims too; only: withdrawn claims alone"},
	}
}

// runExport writes an export of the claims matching the filters to stdout or
// to --out. A file is written beside its final name and renamed when complete,
// so an interrupted export never leaves a truncated file behind.
func runExport(args []string, env Env) error {
	fs := newFlags("export", env)
	db := dbFlag(fs, env)
	format := fs.String("format", "csv", "csv, json, ndjson or claimreview")
	out := fs.String("out", "", "write to this file instead of stdout")
	defBase := env.Getenv("CLAIMDESK_BASE_URL")
	if defBase == "" {
		defBase = "http://localhost:8080"
	}
	base := fs.String("base-url", defBase, "where Claimdesk is reached, for each claim's link (env CLAIMDESK_BASE_URL)")
	defNewsroom := env.Getenv("CLAIMDESK_NEWSROOM")
	if defNewsroom == "" {
		defNewsroom = "Claimdesk newsroom"
	}
	newsroom := fs.String("newsroom", defNewsroom, "publisher named in ClaimReview (env CLAIMDESK_NEWSROOM)")
	var verdicts, verifs listFlag
	fs.Var(&verdicts, "verdict", "only these verdicts (repeat or comma-separate)")
	fs.Var(&verifs, "verifiability", "only these verifiability values (repeat or comma-separate)")
	unconfirmed := fs.Bool("unconfirmed", false, "only unconfirmed claims (unreviewed, in review, unverified, disputed)")
	stale := fs.Bool("stale", false, "only unconfirmed claims older than CLAIMDESK_STALE_AFTER")
	filters := map[string]*string{}
	for _, ff := range exportFilterFlags() {
		filters[ff.name] = fs.String(ff.name, "", ff.usage)
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected argument " + strconv.Quote(fs.Arg(0)) + "; filters are flags (see --help)"}
	}
	ef := models.ExportFormat(*format)
	if !ef.Valid() {
		return usageError{"--format must be one of csv, json, ndjson, claimreview"}
	}
	baseURL, err := checkBaseURL(*base)
	if err != nil {
		return err
	}
	q := url.Values{}
	for _, v := range verdicts {
		q.Add("verdict", v)
	}
	for _, v := range verifs {
		q.Add("verifiability", v)
	}
	if *unconfirmed {
		q.Set("unconfirmed", "1")
	}
	if *stale {
		q.Set("stale", "1")
	}
	for name, v := range filters {
		if *v != "" {
			q.Set(name, *v)
		}
	}
	f, err := models.ParseClaimFilter(q, 0)
	if err != nil {
		return err
	}
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	opt := models.ExportOptions{BaseURL: baseURL, Newsroom: strings.TrimSpace(*newsroom)}
	if *out == "" {
		_, err := st.Export(env.Ctx, env.Stdout, ef, f, opt)
		return err
	}
	return exportToFile(env, st, *out, ef, f, opt)
}

// exportToFile writes the export next to path and renames it into place once
// complete, showing a running row count when stderr is a terminal.
func exportToFile(env Env, st *models.Store, path string, ef models.ExportFormat, f models.ClaimFilter, opt models.ExportOptions) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	tty := isTerminal(env.Stderr)
	if tty {
		opt.Progress = func(n int64) { fmt.Fprintf(env.Stderr, "\rexporting: %d rows", n) }
	}
	n, err := st.Export(env.Ctx, tmp, ef, f, opt)
	if tty {
		fmt.Fprint(env.Stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if tty {
		fmt.Fprintf(env.Stderr, "exported %d rows to %s\n", n, path)
	}
	return nil
}

// isTerminal reports whether w is a terminal, so progress goes only to a
// person watching and never into a log or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// checkBaseURL accepts an absolute http(s) URL and drops a trailing slash.
func checkBaseURL(s string) (string, error) {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usageError{"--base-url must be an http or https URL such as https://desk.example.org"}
	}
	return s, nil
}

// listFlag must satisfy flag.Value to be used with fs.Var.
var _ flag.Value = (*listFlag)(nil)
