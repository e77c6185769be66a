package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// usersPage lets admins add colleagues, change their roles and disable them.
func (h *Handler) usersPage(c echo.Context) error {
	return h.renderUsers(c, http.StatusOK, newView(c, "Users", "users"))
}

func (h *Handler) renderUsers(c echo.Context, status int, v view) error {
	us, err := h.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	v.D = map[string]any{"Users": us}
	return h.render(c, status, "users", v)
}

// userCreate adds a user with the password the admin chose (to be passed on
// and changed), and records it in the audit log.
func (h *Handler) userCreate(c echo.Context) error {
	f := formValues(c, "name", "email", "role", "password")
	f.Set("_form", "create")
	u, err := h.store.CreateUser(c.Request().Context(), models.NewUser{Name: f.Get("name"), Email: f.Get("email"),
		Role: models.Role(f.Get("role")), Password: f.Get("password")})
	if ve, ok := asValidation(err); ok {
		v := newView(c, "Users", "users")
		f.Del("password")
		v.Form, v.Errors = f, ve.Fields
		return h.renderUsers(c, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	h.audit(c, currentUser(c), u.Email, models.AuditUserCreated, "role "+string(u.Role))
	setFlash(c, "Added "+u.Name+" as "+string(u.Role)+".")
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

// userUpdate changes a user's role or disables/enables them. Admins cannot
// demote or disable themselves, so the desk always keeps an admin.
func (h *Handler) userUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, "role", "disabled")
	f.Set("_form", "user-"+strconv.FormatInt(id, 10))
	me := currentUser(c)
	ctx := c.Request().Context()
	before, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	up := models.UserUpdate{}
	if r := f.Get("role"); r != "" {
		role := models.Role(r)
		up.Role = &role
	}
	if d := f.Get("disabled"); d != "" {
		dis := d == "1"
		up.Disabled = &dis
	}
	if id == me.ID && ((up.Role != nil && *up.Role != models.RoleAdmin) || (up.Disabled != nil && *up.Disabled)) {
		v := newView(c, "Users", "users")
		v.Form, v.Errors = f, map[string]string{"role": "you cannot demote or disable yourself"}
		return h.renderUsers(c, http.StatusUnprocessableEntity, v)
	}
	u, err := h.store.UpdateUser(ctx, id, up)
	if ve, ok := asValidation(err); ok {
		v := newView(c, "Users", "users")
		v.Form, v.Errors = f, ve.Fields
		return h.renderUsers(c, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	h.auditUserChange(c, before, u, "")
	setFlash(c, "Saved "+u.Name+".")
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

// auditPage shows the audit log, newest first.
func (h *Handler) auditPage(c echo.Context) error {
	page, err := pageParam(c, "page")
	if err != nil {
		return err
	}
	const per = 100
	evs, total, err := h.store.AuditLog(c.Request().Context(), per, (page-1)*per)
	if err != nil {
		return err
	}
	us, err := h.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, u := range us {
		names[u.ID] = u.Name
	}
	v := newView(c, "Audit log", "audit")
	v.D = map[string]any{"Events": evs, "Total": total, "Page": page, "Pages": int((total + per - 1) / per), "Names": names, "Query": c.QueryParams()}
	return h.render(c, http.StatusOK, "audit", v)
}
