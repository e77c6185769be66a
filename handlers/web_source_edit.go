package handlers

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// sourceFormInput reads the source form: name, role, kind and the alias
// editor's fields (one "alias" field per alias; empty ones are ignored).
func sourceFormInput(c echo.Context) (models.SourceInput, url.Values) {
	f := formValues(c, "name", "role", "kind", "version")
	var aliases []string
	for _, a := range c.Request().PostForm["alias"] {
		if strings.TrimSpace(a) != "" {
			aliases = append(aliases, a)
		}
	}
	f["alias"] = aliases
	name, role, kind := f.Get("name"), f.Get("role"), f.Get("kind")
	return models.SourceInput{Name: &name, Role: &role, Kind: &kind, Aliases: &aliases}, f
}

// sourceCreate adds a claimant from the sources page.
func (h *Handler) sourceCreate(c echo.Context) error {
	in, f := sourceFormInput(c)
	src, err := h.store.CreateSource(c.Request().Context(), in)
	if ve, ok := asValidation(err); ok {
		v := newView(c, "Sources", "sources")
		f.Set("_form", "new-source")
		v.Form, v.Errors = f, ve.Fields
		return h.renderSources(c, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	setFlash(c, "Source added.")
	return c.Redirect(http.StatusSeeOther, "/sources/"+strconv.FormatInt(src.ID, 10))
}

// sourceUpdate saves the source page's edit form: name, role, kind and
// aliases, at the version the form was based on.
func (h *Handler) sourceUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in, f := sourceFormInput(c)
	version, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	_, err = h.store.UpdateSource(c.Request().Context(), id, version, in)
	if ve, ok := asValidation(err); ok {
		v := newView(c, "", "sources")
		f.Set("_form", "source-edit")
		v.Form, v.Errors = f, ve.Fields
		return h.renderSource(c, id, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	setFlash(c, "Source saved.")
	return c.Redirect(http.StatusSeeOther, "/sources/"+strconv.FormatInt(id, 10))
}

// mergePreview is what a merge will move, shown for confirmation before it
// is done.
type mergePreview struct {
	Into    *models.Source
	Claims  int64
	Aliases []string
}

// sourceMerge merges this source into another: its claims, name and aliases
// move there. Without confirm=1 it only shows what would move.
func (h *Handler) sourceMerge(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	f := formValues(c, "into_id", "confirm")
	f.Set("_form", "merge")
	into, _ := strconv.ParseInt(f.Get("into_id"), 10, 64)
	fail := func(fields map[string]string) error {
		v := newView(c, "", "sources")
		v.Form, v.Errors = f, fields
		return h.renderSource(c, id, http.StatusUnprocessableEntity, v)
	}
	if into <= 0 || into == id {
		return fail(map[string]string{"into_id": "choose another source to merge into"})
	}
	if f.Get("confirm") != "1" {
		target, err := h.store.Source(ctx, into)
		if models.IsNotFound(err) {
			return fail(map[string]string{"into_id": "no such source"})
		}
		if err != nil {
			return err
		}
		src, err := h.store.Source(ctx, id)
		if err != nil {
			return err
		}
		rec, err := h.store.SourceTrackRecord(ctx, id)
		if err != nil {
			return err
		}
		v := newView(c, "", "sources")
		v.Form = f
		v.D = &mergePreview{Into: target, Claims: rec.Total, Aliases: append([]string{src.Name}, src.AliasNames()...)}
		return h.renderSource(c, id, http.StatusOK, v)
	}
	src, err := h.store.MergeSources(ctx, currentUser(c), id, into)
	if ve, ok := asValidation(err); ok {
		return fail(ve.Fields)
	}
	if err != nil {
		return err
	}
	setFlash(c, "Merged: the claims, name and aliases now belong to this source.")
	return c.Redirect(http.StatusSeeOther, "/sources/"+strconv.FormatInt(src.ID, 10))
}

// AliasesOr returns the aliases typed into form when it came back, else
// def, with two empty fields more for the alias editor to fill.
func (v view) AliasesOr(form string, def []string) []string {
	if v.Form.Get("_form") == form {
		def = v.Form["alias"]
	}
	return append(append([]string(nil), def...), "", "")
}
