package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// setupForm shows the first-run page that creates the first admin; once
// anyone exists it sends the browser to sign in instead.
func (h *Handler) setupForm(c echo.Context) error {
	n, err := h.store.UserCount(c.Request().Context())
	if err != nil {
		return err
	}
	if n > 0 {
		return c.Redirect(http.StatusSeeOther, "/signin")
	}
	v := newView(c, "Set up Claimdesk", "")
	v.CSRF = preSessionToken(c)
	return h.render(c, http.StatusOK, "setup", v)
}

// setup creates the first admin and signs them in. It only works on an empty
// database, so it cannot be used to add an admin later.
func (h *Handler) setup(c echo.Context) error {
	if err := checkPreSession(c); err != nil {
		return err
	}
	ctx := c.Request().Context()
	n, err := h.store.UserCount(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return echo.NewHTTPError(http.StatusForbidden, "Claimdesk is already set up; sign in, or ask an admin for an account")
	}
	f := formValues(c, "name", "email", "password")
	u, err := h.store.CreateUser(ctx, models.NewUser{Name: f.Get("name"), Email: f.Get("email"), Role: models.RoleAdmin, Password: f.Get("password")})
	if ve, ok := asValidation(err); ok {
		v := newView(c, "Set up Claimdesk", "")
		v.CSRF = preSessionToken(c)
		f.Del("password")
		v.Form, v.Errors = f, ve.Fields
		return h.render(c, http.StatusUnprocessableEntity, "setup", v)
	}
	if err != nil {
		return err
	}
	h.audit(c, u, u.Email, models.AuditUserCreated, "first admin, created at setup")
	return h.startSession(c, u, "/", "Welcome. You are the first admin: add your colleagues under Users.")
}

// signinForm shows the sign-in page (or setup when nobody exists yet).
func (h *Handler) signinForm(c echo.Context) error {
	n, err := h.store.UserCount(c.Request().Context())
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Redirect(http.StatusSeeOther, "/setup")
	}
	v := newView(c, "Sign in", "")
	v.CSRF = preSessionToken(c)
	v.Form.Set("next", c.QueryParam("next"))
	return h.render(c, http.StatusOK, "signin", v)
}

// signin checks the password, within the sign-in limits (see
// models.SignInAllowed), and starts a session. Wrong email, wrong password
// and disabled account read the same.
func (h *Handler) signin(c echo.Context) error {
	if err := checkPreSession(c); err != nil {
		return err
	}
	f := formValues(c, "email", "password", "next")
	email := strings.ToLower(strings.TrimSpace(f.Get("email")))
	fail := func(status int, msg string) error {
		v := newView(c, "Sign in", "")
		v.CSRF = preSessionToken(c)
		f.Del("password")
		v.Form = f
		v.Errors["password"] = msg
		return h.render(c, status, "signin", v)
	}
	limit, err := h.store.SignInAllowed(c.Request().Context(), email, c.RealIP())
	if err != nil {
		return err
	}
	switch limit {
	case models.SignInLimitAddress:
		h.audit(c, nil, email, models.AuditSignInFailed, "rate limited: "+string(limit))
		return fail(http.StatusTooManyRequests, "Too many failed attempts. Wait 15 minutes, then try again.")
	case models.SignInLimitAccount:
		h.audit(c, nil, email, models.AuditSignInFailed, "rate limited: "+string(limit))
		return fail(http.StatusTooManyRequests, "Too many failed attempts for this account from several places. Sign in from a computer you have used before, or wait an hour and try again.")
	}
	u, err := h.store.Authenticate(c.Request().Context(), email, f.Get("password"))
	if err == models.ErrBadCredentials {
		var uid *models.User
		if known, err := h.store.UserByEmail(c.Request().Context(), email); err == nil {
			uid = known
		}
		h.audit(c, uid, email, models.AuditSignInFailed, models.SignInWrongPassword())
		return fail(http.StatusUnauthorized, "The email or password is wrong.")
	}
	if err != nil {
		return err
	}
	h.audit(c, u, u.Email, models.AuditSignIn, "")
	return h.startSession(c, u, f.Get("next"), "")
}

// startSession stores a new session, sets its cookie and redirects. A
// session this browser already had ends first, on the server too: signing in
// as someone else at a shared computer leaves nothing of the previous
// person's session usable. The answer carries a new secret (the cookie), so
// no cache may keep it.
func (h *Handler) startSession(c echo.Context, u *models.User, next, flash string) error {
	ctx := c.Request().Context()
	if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
		if err := h.store.DeleteSession(ctx, ck.Value); err != nil {
			return err
		}
	}
	token, _, err := h.store.CreateSession(ctx, u.ID, models.DefaultSessionTTL)
	if err != nil {
		return err
	}
	noStore(c)
	setCookie(c, sessionCookie, token, int(models.DefaultSessionTTL.Seconds()))
	setCookie(c, preSessionCookie, "", -1)
	if flash != "" {
		setFlash(c, flash)
	}
	return redirectBack(c, next, "/")
}

// signout ends the session on the server, not just in the browser.
func (h *Handler) signout(c echo.Context) error {
	if ck, err := c.Cookie(sessionCookie); err == nil {
		if err := h.store.DeleteSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	u := currentUser(c)
	h.audit(c, u, u.Email, models.AuditSignOut, "")
	setCookie(c, sessionCookie, "", -1)
	return c.Redirect(http.StatusSeeOther, "/signin")
}

// audit records an event; a failure to record is logged, not shown, since the
// action itself has already happened.
func (h *Handler) audit(c echo.Context, u *models.User, email, action, detail string) {
	ev := models.AuditEvent{Email: email, Action: action, Detail: detail, Remote: c.RealIP()}
	if u != nil {
		id := u.ID
		ev.UserID = &id
	}
	if err := h.store.RecordAudit(c.Request().Context(), ev); err != nil {
		h.log.Error("recording audit event", "action", action, "err", err)
	}
}
