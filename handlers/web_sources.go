package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// sourcesPerPage is how many sources one page of the list shows.
const sourcesPerPage = 100

// sourcesPage lists the claimants, searchable by name or alias.
func (h *Handler) sourcesPage(c echo.Context) error {
	return h.renderSources(c, http.StatusOK, newView(c, "Sources", "sources"))
}

func (h *Handler) renderSources(c echo.Context, status int, v view) error {
	q := c.QueryParam("q")
	page, err := pageParam(c, "page")
	if err != nil {
		return err
	}
	srcs, total, err := h.store.Sources(c.Request().Context(), q, sourcesPerPage, (page-1)*sourcesPerPage)
	if err != nil {
		return err
	}
	v.D = map[string]any{"Sources": srcs, "Total": total, "Q": q, "Page": page,
		"Pages": int((total + sourcesPerPage - 1) / sourcesPerPage), "Query": c.QueryParams()}
	return h.render(c, status, "sources", v)
}

// sourcePage is what a source's page shows. MergeQ and MergeMatches are the
// merge picker's search; Merge is the merge waiting for confirmation.
type sourcePage struct {
	Source       *models.Source
	Into         *models.Source
	Record       models.TrackRecord
	Claims       *models.ClaimPage
	Pages        int
	Query        map[string][]string
	MergeQ       string
	MergeMatches []models.SourceListItem
	Merge        *mergePreview
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
	p := sourcePage{Source: src, Query: c.QueryParams(), MergeQ: c.QueryParam("merge_q")}
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
	if p.MergeQ != "" && currentUser(c).Role.AtLeast(models.RoleEditor) {
		if p.MergeMatches, _, err = h.store.Sources(ctx, p.MergeQ, 21, 0); err != nil {
			return err
		}
	}
	if m, ok := v.D.(*mergePreview); ok {
		p.Merge = m
	}
	v.Title = src.Name
	v.D = p
	return h.render(c, status, "source", v)
}
