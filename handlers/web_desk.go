package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// deskPage is what the desk shows: one page of the filtered claim list, the
// counts per verdict for the same filters, and what the filter form offers.
type deskPage struct {
	Query      url.Values
	Filter     models.ClaimFilter
	List       *models.ClaimPage
	Counts     map[string]int64
	CountTotal int64
	Pages      int
	// PrevURL and NextURL are the pager's links (see deskPager).
	PrevURL, NextURL string
	Stories          []models.Story
	Assignees        []models.User
	Source           *models.Source
	StaleHours       int
	Return           string
	// Exports are the export links for exactly this view (paging aside).
	Exports []exportLink
	// Views are the user's saved views, Tags the tags in use, ViewQuery
	// this view's query as a saved view keeps it.
	Views     []models.SavedView
	Tags      []models.TagCount
	ViewQuery string
}

// exportLink is one "Export this view" link on the desk.
type exportLink struct {
	Label, URL string
}

// exportLinks builds the desk's export links from its query string, without
// the paging, so an export holds every claim of the view.
func exportLinks(q url.Values) []exportLink {
	e := url.Values{}
	for k, vs := range q {
		if k != "page" && k != "per_page" && k != "after" {
			e[k] = vs
		}
	}
	qs := e.Encode()
	if qs != "" {
		qs = "?" + qs
	}
	return []exportLink{
		{"CSV", "/api/v1/export.csv" + qs}, {"JSON", "/api/v1/export.json" + qs},
		{"NDJSON", "/api/v1/export.ndjson" + qs}, {"ClaimReview", "/api/v1/claimreview.jsonld" + qs},
	}
}

// desk is the home page: the claim list with every filter of the API, kept in
// the URL so a view can be bookmarked.
func (h *Handler) desk(c echo.Context) error {
	return h.renderDesk(c, c.QueryParams(), http.StatusOK, newView(c, "Desk", "desk"))
}

func (h *Handler) renderDesk(c echo.Context, q url.Values, status int, v view) error {
	ctx := c.Request().Context()
	d := deskPage{Query: q, StaleHours: int(h.store.StaleAfter().Hours()), Return: "/?" + q.Encode(), Exports: exportLinks(q)}
	f, err := parseClaimFilter(q, currentUser(c))
	if ve, ok := asValidation(err); ok {
		for k, m := range ve.Fields {
			v.Errors[k] = m
		}
		status = http.StatusUnprocessableEntity
		f = models.ClaimFilter{}
		_ = f.Validate()
	} else if err != nil {
		return err
	}
	d.Filter = f
	v.Nav = deskNav(v.Nav, f)
	if d.List, d.Counts, err = h.store.ClaimsWithVerdictCounts(ctx, f); err != nil {
		return err
	}
	for _, n := range d.Counts {
		d.CountTotal += n
	}
	d.Pages = int((d.List.Total + int64(f.PerPage) - 1) / int64(f.PerPage))
	d.PrevURL, d.NextURL = deskPager(q, d.List, d.Pages)
	if d.Stories, err = h.store.StoryOptions(ctx, 200); err != nil {
		return err
	}
	if d.Assignees, err = h.reviewers(c); err != nil {
		return err
	}
	if err := h.deskWorkspace(c, &d); err != nil {
		return err
	}
	if f.SourceID > 0 {
		src, err := h.store.Source(ctx, f.SourceID)
		if err != nil && !models.IsNotFound(err) {
			return err
		}
		d.Source = src
	}
	v.D = d
	return h.render(c, status, "desk", v)
}

// reviewers lists the active users a claim can be assigned to.
func (h *Handler) reviewers(c echo.Context) ([]models.User, error) {
	us, err := h.store.Users(c.Request().Context())
	if err != nil {
		return nil, err
	}
	out := us[:0]
	for _, u := range us {
		if !u.Disabled && u.Role.AtLeast(models.RoleFactchecker) {
			out = append(out, u)
		}
	}
	return out, nil
}

// deskBulk assigns, or sets one verdict with one rationale on, the claims
// ticked on the desk; each claim gets its own activity row.
func (h *Handler) deskBulk(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	f := formValues(c, "action", "assignee", "verdict", "rationale", "tags", "return")
	back := f.Get("return")
	fail := func(fields map[string]string) error {
		q := url.Values{}
		if i := strings.IndexByte(back, '?'); i >= 0 {
			q, _ = url.ParseQuery(back[i+1:])
		}
		v := newView(c, "Desk", "desk")
		v.Form, v.Errors = f, fields
		return h.renderDesk(c, q, http.StatusUnprocessableEntity, v)
	}
	var ids []int64
	for _, s := range c.Request().PostForm["ids"] {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return fail(map[string]string{"ids": "must be claim numbers"})
		}
		ids = append(ids, id)
	}
	var res *models.BulkResult
	var err error
	switch f.Get("action") {
	case "assign":
		var assignee *int64
		switch a := f.Get("assignee"); a {
		case "none":
		case "me", "":
			assignee = &u.ID
		default:
			id, perr := strconv.ParseInt(a, 10, 64)
			if perr != nil {
				return fail(map[string]string{"assignee": "choose someone"})
			}
			assignee = &id
		}
		res, err = h.store.BulkAssign(ctx, u, ids, assignee)
	case "verdict":
		res, err = h.store.BulkVerdict(ctx, u, ids, models.Verdict(f.Get("verdict")), f.Get("rationale"))
	case "tag":
		res, err = h.store.BulkTag(ctx, u, ids, models.SplitTags(f.Get("tags")))
	default:
		return fail(map[string]string{"action": "choose assign, verdict or tag"})
	}
	if ve, ok := asValidation(err); ok {
		return fail(ve.Fields)
	}
	if err != nil {
		return err
	}
	if len(res.Changed) == 0 {
		// Nothing changed: say so as an error, not as a success.
		return fail(map[string]string{"bulk": bulkMessage(res)})
	}
	setFlash(c, bulkMessage(res))
	return redirectBack(c, back, "/")
}

// bulkMessage sums up a bulk action for the flash line.
func bulkMessage(r *models.BulkResult) string {
	msg := fmt.Sprintf("Changed %d claim(s).", len(r.Changed))
	if len(r.Failed) == 0 {
		return msg
	}
	ids := make([]int64, 0, len(r.Failed))
	for id := range r.Failed {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var parts []string
	for i, id := range ids {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(ids)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("#%d: %s", id, r.Failed[id]))
	}
	return msg + fmt.Sprintf(" %d left unchanged — ", len(r.Failed)) + strings.Join(parts, "; ")
}

// formValues reads the named form fields as typed (passwords must not be trimmed).
func formValues(c echo.Context, names ...string) url.Values {
	out := url.Values{}
	for _, n := range names {
		out.Set(n, c.FormValue(n))
	}
	return out
}

// asValidation reports whether err is a validation error to show on a form.
func asValidation(err error) (*models.ValidationError, bool) {
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		return ve, true
	}
	return nil, false
}
