package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// sourcesPerPage is how many sources one page of the list shows.
const sourcesPerPage = 100

// sourcesPage lists the claimants, searchable by name or alias.
func (h *Handler) sourcesPage(c echo.Context) error {
	q := c.QueryParam("q")
	page, err := pageParam(c, "page")
	if err != nil {
		return err
	}
	srcs, total, err := h.store.Sources(c.Request().Context(), q, sourcesPerPage, (page-1)*sourcesPerPage)
	if err != nil {
		return err
	}
	v := newView(c, "Sources", "sources")
	v.D = map[string]any{"Sources": srcs, "Total": total, "Q": q, "Page": page,
		"Pages": int((total + sourcesPerPage - 1) / sourcesPerPage), "Query": c.QueryParams()}
	return h.render(c, http.StatusOK, "sources", v)
}

// sourcePage is what a source's page shows.
type sourcePage struct {
	Source  *models.Source
	Into    *models.Source
	Record  models.TrackRecord
	Claims  *models.ClaimPage
	Pages   int
	Query   map[string][]string
	Sources []models.SourceListItem
}

func (h *Handler) sourcePage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderSource(c, id, http.StatusOK, newView(c, "", "sources"))
}

func (h *Handler) renderSource(c echo.Context, id int64, status int, v view) error {
	ctx := c.Request().Context()
	src, err := h.store.Source(ctx, id)
	if err != nil {
		return err
	}
	p := sourcePage{Source: src, Query: c.QueryParams()}
	if src.MergedIntoID != nil {
		if p.Into, err = h.store.Source(ctx, *src.MergedIntoID); err != nil {
			return err
		}
	}
	if p.Record, err = h.store.SourceTrackRecord(ctx, id); err != nil {
		return err
	}
	page, err := pageParam(c, "page")
	if err != nil {
		return err
	}
	f := models.ClaimFilter{SourceID: id, Page: page, PerPage: models.DefaultPerPage}
	if p.Claims, err = h.store.Claims(ctx, f); err != nil {
		return err
	}
	p.Pages = int((p.Claims.Total + int64(f.PerPage) - 1) / int64(f.PerPage))
	if currentUser(c).Role.AtLeast(models.RoleEditor) {
		if p.Sources, _, err = h.store.Sources(ctx, "", 500, 0); err != nil {
			return err
		}
	}
	v.Title = src.Name
	v.D = p
	return h.render(c, status, "source", v)
}

// sourceMerge merges this source into another: its claims, name and aliases
// move there.
func (h *Handler) sourceMerge(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, "into_id")
	f.Set("_form", "merge")
	into, _ := strconv.ParseInt(f.Get("into_id"), 10, 64)
	src, err := h.store.MergeSources(c.Request().Context(), currentUser(c), id, into)
	if ve, ok := asValidation(err); ok {
		v := newView(c, "", "sources")
		v.Form, v.Errors = f, ve.Fields
		return h.renderSource(c, id, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	setFlash(c, "Merged: the claims, name and aliases now belong to this source.")
	return c.Redirect(http.StatusSeeOther, "/sources/"+strconv.FormatInt(src.ID, 10))
}
