package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// sourceRequest is the JSON body for creating or updating a source.
type sourceRequest struct {
	Name    *string   `json:"name" validate:"omitempty,max=300"`
	Role    *string   `json:"role" validate:"omitempty,max=300"`
	Kind    *string   `json:"kind" validate:"omitempty,max=40"`
	Aliases *[]string `json:"aliases" validate:"omitempty,max=50,dive,max=300"`
	Version int64     `json:"version"`
}

func (r sourceRequest) input() models.SourceInput {
	return models.SourceInput{Name: r.Name, Role: r.Role, Kind: r.Kind, Aliases: r.Aliases}
}

// sourceJSON is a source as the API shows it, aliases as plain strings.
type sourceJSON struct {
	*models.Source
	Aliases []string `json:"aliases"`
	Claims  *int64   `json:"claims,omitempty"`
}

func (h *Handler) listSources(c echo.Context) error {
	limit, err := boundedParam(c, "per_page", 100, 500)
	if err != nil {
		return err
	}
	page, err := pageParam(c, "page")
	if err != nil {
		return err
	}
	q := c.QueryParam("q")
	if len(q) > models.MaxQueryLen*4 {
		return &models.ValidationError{Fields: map[string]string{"q": "must be at most 200 characters"}}
	}
	items, total, err := h.store.Sources(c.Request().Context(), q, limit, (page-1)*limit)
	if err != nil {
		return err
	}
	out := make([]sourceJSON, len(items))
	for i := range items {
		n := items[i].Claims
		out[i] = sourceJSON{Source: &items[i].Source, Aliases: items[i].AliasNames(), Claims: &n}
	}
	return c.JSON(http.StatusOK, map[string]any{"sources": out, "total": total, "page": page, "per_page": limit})
}

func (h *Handler) createSource(c echo.Context) error {
	var req sourceRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	src, err := h.store.CreateSource(c.Request().Context(), req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, sourceJSON{Source: src, Aliases: src.AliasNames()})
}

func (h *Handler) showSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	src, err := h.store.Source(ctx, id)
	if err != nil {
		return err
	}
	tr, err := h.store.SourceTrackRecord(ctx, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{
		"source": sourceJSON{Source: src, Aliases: src.AliasNames()}, "track_record": tr})
}

func (h *Handler) updateSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req sourceRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	if req.Version <= 0 {
		return &models.ValidationError{Fields: map[string]string{"version": "is required: the version the change is based on"}}
	}
	src, err := h.store.UpdateSource(c.Request().Context(), id, req.Version, req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sourceJSON{Source: src, Aliases: src.AliasNames()})
}

type mergeRequest struct {
	IntoID int64 `json:"into_id" validate:"required,gt=0"`
}

func (h *Handler) mergeSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req mergeRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	src, err := h.store.MergeSources(c.Request().Context(), currentUser(c), id, req.IntoID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sourceJSON{Source: src, Aliases: src.AliasNames()})
}
