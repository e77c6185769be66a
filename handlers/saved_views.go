package handlers

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// viewRequest saves a desk view: its name and the desk's query string.
type viewRequest struct {
	Name  string `json:"name" validate:"required,max=100"`
	Query string `json:"query" validate:"max=2000"`
}

// listViews answers GET /api/v1/views: the current user's saved views.
func (h *Handler) listViews(c echo.Context) error {
	vs, err := h.store.SavedViews(c.Request().Context(), currentUser(c).ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"views": vs})
}

// createView answers POST /api/v1/views.
func (h *Handler) createView(c echo.Context) error {
	var req viewRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	v, err := h.store.SaveView(c.Request().Context(), currentUser(c).ID, req.Name, req.Query)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, v)
}

// viewSaveForm saves the desk's current view under a name.
func (h *Handler) viewSaveForm(c echo.Context) error {
	f := formValues(c, "name", "query")
	_, err := h.store.SaveView(c.Request().Context(), currentUser(c).ID, f.Get("name"), f.Get("query"))
	if ve, ok := asValidation(err); ok {
		q, _ := url.ParseQuery(strings.TrimPrefix(f.Get("query"), "?"))
		v := newView(c, "Desk", "desk")
		f.Set("_form", "save-view")
		v.Form = f
		for k, m := range ve.Fields {
			v.Errors["view "+k] = m
		}
		return h.renderDesk(c, q, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	setFlash(c, "View saved: “"+strings.Join(strings.Fields(f.Get("name")), " ")+"”. Its link opens the same view for anyone on the desk.")
	return redirectBack(c, "/?"+strings.TrimPrefix(f.Get("query"), "?"), "/")
}

// viewDeleteForm deletes one of the user's saved views.
func (h *Handler) viewDeleteForm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteView(c.Request().Context(), currentUser(c).ID, id); err != nil {
		return err
	}
	setFlash(c, "Saved view deleted.")
	return c.Redirect(http.StatusSeeOther, "/")
}

// deskWorkspace loads what the desk shows beside the list: the user's saved
// views and the tags in use.
func (h *Handler) deskWorkspace(c echo.Context, d *deskPage) error {
	ctx := c.Request().Context()
	var err error
	if d.Views, err = h.store.SavedViews(ctx, currentUser(c).ID); err != nil {
		return err
	}
	if d.Tags, err = h.store.Tags(ctx, 100); err != nil {
		return err
	}
	q := url.Values{}
	for k, vs := range d.Query {
		if k != "page" && k != "after" {
			q[k] = vs
		}
	}
	d.ViewQuery = q.Encode()
	return nil
}
