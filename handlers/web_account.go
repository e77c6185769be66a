package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// accountPage shows the signed-in user's own account, the form to change
// their password and their API tokens.
func (h *Handler) accountPage(c echo.Context) error {
	return h.renderAccount(c, http.StatusOK, newView(c, "Account", "account"))
}

// renderAccount shows the account page with the user's own API tokens.
func (h *Handler) renderAccount(c echo.Context, status int, v view) error {
	table, err := h.tokenTable(c, v.User.ID, v.CSRF, "/account/tokens")
	if err != nil {
		return err
	}
	v.D = table
	return h.render(c, status, "account", v)
}

// accountPassword changes the user's own password. A wrong current password
// is refused and recorded in the audit log (it does not count towards the
// sign-in limit); a new password that breaks the rules brings the form back
// with the messages. On success every other session of the user ends: a
// browser left signed in elsewhere has to sign in with the new password.
func (h *Handler) accountPassword(c echo.Context) error {
	u, sess := currentUser(c), currentSession(c)
	if sess == nil {
		return echo.NewHTTPError(http.StatusForbidden, "sign in through the web desk to change your password")
	}
	f := formValues(c, "current_password", "new_password", "confirm_password")
	ended, err := h.store.ChangePassword(c.Request().Context(), u.ID, sess.TokenHash, models.PasswordChange{
		Current: f.Get("current_password"), New: f.Get("new_password"), Confirm: f.Get("confirm_password")})
	fail := func(status int, fields map[string]string) error {
		v := newView(c, "Account", "account")
		v.Errors = fields
		return h.renderAccount(c, status, v)
	}
	if errors.Is(err, models.ErrWrongPassword) {
		h.audit(c, u, u.Email, models.AuditPasswordChangeFailed, "wrong current password")
		return fail(http.StatusUnprocessableEntity, map[string]string{"current_password": "is not your current password"})
	}
	if ve, ok := asValidation(err); ok {
		return fail(http.StatusUnprocessableEntity, ve.Fields)
	}
	if err != nil {
		return err
	}
	h.audit(c, u, u.Email, models.AuditPasswordChanged, strconv.FormatInt(ended, 10)+" other session(s) ended")
	msg := "Password changed."
	if ended > 0 {
		msg += fmt.Sprintf(" Your %d other session(s) were signed out.", ended)
	}
	setFlash(c, msg)
	return c.Redirect(http.StatusSeeOther, "/account")
}
