package handlers

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// pageNames lists every page; each gets its own template set (layout +
// partials + the page) so that their "content" blocks never collide.
var pageNames = []string{"setup", "signin", "desk", "claim", "stories", "story", "sources", "source", "users", "audit", "import", "import_preview", "account", "tokens", "error",
	"webhooks", "webhook", "inbox", "mentions"}

// pages holds one parsed template set per page, built once at start.
type pages map[string]*template.Template

// loadPages parses every page from the embedded views; a missing or broken
// page stops the app at start rather than on the first request.
func loadPages(fsys fs.FS, assetVersion string) (pages, error) {
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	out := pages{}
	for _, name := range pageNames {
		files := append([]string{"layout.html"}, partials...)
		files = append(files, name+".html")
		t, err := template.New(name).Funcs(templateFuncs(assetVersion)).ParseFS(fsys, files...)
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("page %s defines no content block", name)
		}
		out[name] = t
	}
	return out, nil
}

// view is what every page template receives: the signed-in user, the CSRF
// token for its forms, the flash message, form values and field errors to
// re-show after a failed submit, and the page's own data in D.
type view struct {
	Title  string
	Nav    string
	User   *models.User
	CSRF   string
	Flash  string
	Errors map[string]string
	Form   url.Values
	D      any
	// Header holds the header's counts (see web_header.go).
	Header *headerInfo
	// Page is the page being shown; Canonical the address a form that came
	// back with errors belongs to (see web_header.go).
	Page      string
	Canonical string
}

// Can tells templates whether the user holds at least role, so a button is
// only shown to those the server will let through.
func (v view) Can(role string) bool {
	return v.User != nil && v.User.Role.AtLeast(models.Role(role))
}

// newView starts a page's data with the user, CSRF token and flash message.
func newView(c echo.Context, title, nav string) view {
	v := view{Title: title, Nav: nav, User: currentUser(c), Flash: takeFlash(c), Errors: map[string]string{}, Form: url.Values{}}
	if s := currentSession(c); s != nil {
		v.CSRF = s.CSRF
	}
	return v
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 instead of half a page.
func (h *Handler) render(c echo.Context, status int, page string, v view) error {
	t, ok := h.pages[page]
	if !ok {
		return fmt.Errorf("no page %q", page)
	}
	v.Page = page
	if v.Canonical == "" {
		v.Canonical = canonicalAfterPost(c, status)
	}
	if v.User != nil && v.Header == nil && page != "error" {
		hi, err := h.header(c, v.User)
		if err != nil {
			return err
		}
		v.Header = hi
	}
	buf := h.pageBuffers.get()
	defer h.pageBuffers.put(buf)
	if err := t.ExecuteTemplate(buf, "layout", v); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// assetVersion is a short hash of the embedded assets.
func assetVersion(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12], err
}

// barSeg is one verdict's share of a horizontal SVG bar.
type barSeg struct {
	Verdict string
	Label   string
	N       int64
	X, W    float64
}

// verdictBar lays out counts per verdict as segments of a bar width wide, in
// workflow order, leaving out empty verdicts.
func verdictBar(counts map[string]int64, width float64) []barSeg {
	var total int64
	for _, n := range counts {
		total += n
	}
	var out []barSeg
	if total == 0 {
		return out
	}
	x := 0.0
	for _, v := range models.Verdicts() {
		n := counts[string(v)]
		if n == 0 {
			continue
		}
		w := width * float64(n) / float64(total)
		out = append(out, barSeg{Verdict: string(v), Label: v.Label(), N: n, X: x, W: w})
		x += w
	}
	return out
}

// templateFuncs are the helpers the views use; none of them returns
// template.HTML but storyOptions and deskRows, which escape what they write
// as the template they replaced did, so everything they print is escaped. assetVersion is added
// to static URLs so a new binary's assets bypass the year-long cache.
func templateFuncs(assetVersion string) template.FuncMap {
	return template.FuncMap{
		"asset":           func(name string) string { return "/static/" + name + "?v=" + assetVersion },
		"verdicts":        models.Verdicts,
		"verifiabilities": models.Verifiabilities,
		"roles":           models.Roles,
		"evidenceKinds":   models.EvidenceKinds,
		"stances":         models.Stances,
		"linkKinds":       models.LinkKinds,
		"sorts":           models.ClaimSorts,
		"verdictLabel":    func(v any) string { return models.Verdict(fmt.Sprint(v)).Label() },
		"verifLabel":      verifLabel,
		"bar":             verdictBar,
		"isoTime":         func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"showTime":        func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") },
		"deref":           func(p *int64) int64 { return derefID(p) },
		"derefTime":       func(p *time.Time) time.Time { return derefTime(p) },
		"add":             func(a, b int) int { return a + b },
		"fmtFloat":        func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"humanSize":       humanSize,
		"sortLabel":       sortLabel,
		"actionLabel":     actionLabel,
		"roleName":        func(r models.Role) string { return string(r) },
		"str":             func(v any) string { return fmt.Sprint(v) },
		"truncate":        truncate,
		"storyOptions":    storyOptions,
		"deskRows":        deskRows,
		"deskRowsContext": func(canCheck bool, csrf, ret string, staleHours int) deskRowsContext {
			return deskRowsContext{CanCheck: canCheck, CSRF: csrf, Return: ret, StaleHours: staleHours}
		},
		"withParam":   withParam,
		"sourceKinds": models.SourceKinds,
		"sortLink":    sortLink,
		"contains":    strings.Contains,
		"joinTags":    func(t []string) string { return strings.Join(t, ", ") },
		"editTime":    func(t time.Time) string { return t.UTC().Format(editTimeLayout) },
	}
}

func derefID(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func derefTime(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return *p
}

func verifLabel(v models.Verifiability) string {
	switch v {
	case models.VerifVerifiable:
		return "Verifiable"
	case models.VerifNotVerifiable:
		return "Not verifiable"
	}
	return "Unknown"
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

func sortLabel(s string) string {
	switch s {
	case "-reported":
		return "Newest reported"
	case "reported":
		return "Oldest reported"
	case "-created":
		return "Newest added"
	case "created":
		return "Oldest added"
	case "-updated":
		return "Recently changed"
	case "updated":
		return "Least recently changed"
	case "-id":
		return "Highest number"
	case "id":
		return "Lowest number"
	case "relevance":
		return "Best match"
	}
	return s
}

func actionLabel(a string) string {
	return strings.ReplaceAll(strings.ReplaceAll(a, "_", " "), "signoff", "sign-off")
}

// withParam returns the query string q with key set to val (removed when val
// is empty) and the page reset unless key is the page itself: the links of
// the desk's pager and quick views.
func withParam(q url.Values, key, val string) string {
	n := url.Values{}
	for k, vs := range q {
		n[k] = append([]string(nil), vs...)
	}
	if key != "page" {
		n.Del("page")
	}
	// A list position belongs to the page it was read on (see deskPager).
	n.Del("after")
	if val == "" {
		n.Del(key)
	} else {
		n.Set(key, val)
	}
	if len(n) == 0 {
		return "?"
	}
	return "?" + n.Encode()
}

// wantsHTML tells whether an error should be shown as a page: everything
// outside the API, and API URLs a browser navigated to.
func wantsHTML(c echo.Context) bool {
	r := c.Request()
	if !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/healthz" {
		return true
	}
	return strings.HasPrefix(r.Header.Get(echo.HeaderAccept), "text/html")
}

// errorPage is what the error page shows.
type errorPage struct {
	Status  int
	Heading string
	Message string
	Fields  map[string]string
}

// renderError shows an error as a page; used by the error handler.
func (h *Handler) renderError(c echo.Context, status int, body map[string]any) error {
	v := view{Title: http.StatusText(status), User: currentUser(c), Errors: map[string]string{}, Form: url.Values{}}
	if s := currentSession(c); s != nil {
		v.CSRF = s.CSRF
	}
	p := errorPage{Status: status, Heading: http.StatusText(status)}
	switch status {
	case http.StatusNotFound:
		p.Heading, p.Message = "Not found", "There is nothing at this address. It may have been mistyped, or the item may not exist."
	case http.StatusForbidden:
		p.Heading = "Not allowed"
	case http.StatusInternalServerError:
		p.Heading = "Something went wrong"
	}
	if m, ok := body["error"].(string); ok && status != http.StatusNotFound {
		p.Message = m
	}
	if f, ok := body["errors"].(map[string]string); ok {
		p.Fields = f
		p.Message = "Some of what was sent is not valid."
	}
	v.D = p
	return h.render(c, status, "error", v)
}
