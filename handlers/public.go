package handlers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
	"claimdesk/models/atom"
)

// The public pages are what a newsroom links from its live blog: a
// published claim with its verdict, evidence links and corrections, and a
// feed of publications and corrections. They are off unless Config.Public
// is set, need no sign-in, and show nothing internal: no assignee, note,
// reviewer name or email, and nothing of a claim never published.

// publicPageNames are the public pages, each parsed with the public layout
// (not the desk's, which links the desk's navigation).
var publicPageNames = []string{"public_claim"}

// loadPublicPages adds the public pages to the page sets.
func loadPublicPages(pg pages, fsys fs.FS, assetVersion string) error {
	for _, name := range publicPageNames {
		t, err := template.New(name).Funcs(templateFuncs(assetVersion)).ParseFS(fsys, "public_layout.html", "partials/common.html", name+".html")
		if err != nil {
			return fmt.Errorf("parse page %s: %w", name, err)
		}
		pg[name] = t
	}
	return nil
}

// publicRoutes registers the public pages when they are switched on.
func (h *Handler) publicRoutes(e *echo.Echo) {
	if !h.cfg.Public {
		// Off: nothing there, rather than the desk's sign-in page.
		e.Any("/public/*", func(echo.Context) error { return echo.NewHTTPError(http.StatusNotFound, "not found") })
		return
	}
	e.GET("/public/claims/:id", h.publicClaim)
	e.GET("/public/feed.atom", h.publicFeed)
}

// publicClaimView is what the public claim page shows.
type publicClaimView struct {
	Newsroom string
	Page     *models.PublicPage
	URL      string
	// ClaimReview is the JSON-LD, already encoded (encoding/json escapes
	// <, > and &, so it cannot close the script element).
	ClaimReview template.JS
}

func (h *Handler) publicClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := h.store.PublicClaimPage(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v := publicClaimView{Newsroom: h.cfg.Newsroom, Page: p, URL: h.publicClaimURL(c, id)}
	if cr, ok := p.ClaimReview(h.cfg.Newsroom, v.URL); ok {
		b, err := json.Marshal(cr)
		if err != nil {
			return err
		}
		v.ClaimReview = template.JS(b)
	}
	var buf bytes.Buffer
	if err := h.pages["public_claim"].ExecuteTemplate(&buf, "layout", view{Title: truncate(p.Claim.Text, 80), D: v}); err != nil {
		return fmt.Errorf("render public claim: %w", err)
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=60")
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

func (h *Handler) publicClaimURL(c echo.Context, id int64) string {
	return h.baseURL(c) + "/public/claims/" + strconv.FormatInt(id, 10)
}

// publicFeed is the Atom feed of publications and corrections, newest first.
func (h *Handler) publicFeed(c echo.Context) error {
	items, err := h.store.PublicFeed(c.Request().Context(), models.MaxFeedItems)
	if err != nil {
		return err
	}
	self := h.baseURL(c) + "/public/feed.atom"
	f := &atom.Feed{ID: self, Title: atom.Plain(h.cfg.Newsroom + ": fact checks and corrections"),
		Updated: atom.Time(h.store.Now()), Author: &atom.Person{Name: h.cfg.Newsroom},
		Links: []atom.Link{{Rel: "self", Type: "application/atom+xml", Href: self}}}
	if len(items) > 0 {
		f.Updated = atom.Time(items[0].At)
	}
	for _, it := range items {
		page := h.publicClaimURL(c, it.ClaimID)
		e := atom.Entry{Updated: atom.Time(it.At), Links: []atom.Link{{Rel: "alternate", Type: "text/html", Href: page}}}
		if k := it.Correction; k != nil {
			e.ID = page + "#correction-" + strconv.FormatInt(k.ID, 10)
			e.Title = atom.Plain("Correction: " + truncate(k.Now.Text, 120))
			e.Summary = &atom.Text{Type: "text", Body: k.UpdateLine}
			e.Category = []atom.Cat{{Term: "correction"}}
		} else {
			cl := it.Claim
			e.ID = page + "#published-" + strconv.FormatInt(it.At.Unix(), 10)
			e.Title = atom.Plain(cl.Verdict.Label() + ": " + truncate(cl.Text, 120))
			e.Summary = &atom.Text{Type: "text", Body: strings.TrimSpace(cl.AttributionLine + " " + cl.VerdictRationale)}
			e.Category = []atom.Cat{{Term: string(cl.Verdict), Label: cl.Verdict.Label()}}
		}
		pub := e.Updated
		e.Published = &pub
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	if err := atom.Write(&buf, f); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=60")
	return c.Blob(http.StatusOK, atom.ContentType, buf.Bytes())
}
