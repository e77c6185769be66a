package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// tokenTable is what the token-table partial shows: a user's tokens with a
// revoke button each, posting to RevokeBase/ID/revoke.
type tokenTable struct {
	Tokens     []tokenJSON
	CSRF       string
	RevokeBase string
}

func (h *Handler) tokenTable(c echo.Context, userID int64, csrf, revokeBase string) (tokenTable, error) {
	ts, err := h.store.Tokens(c.Request().Context(), userID)
	if err != nil {
		return tokenTable{}, err
	}
	t := tokenTable{Tokens: make([]tokenJSON, len(ts)), CSRF: csrf, RevokeBase: revokeBase}
	for i, tok := range ts {
		t.Tokens[i] = h.tokenJSON(tok)
	}
	return t, nil
}

// userTokensPage lists a user's API tokens for an admin, with the form to
// make a new one.
func (h *Handler) userTokensPage(c echo.Context) error {
	return h.renderTokens(c, http.StatusOK, newView(c, "API tokens", "users"), "")
}

// renderTokens shows the tokens page of the user in the path; secret, when
// set, is a token just made, shown on this answer only (never put in a flash
// cookie or a URL; pages are never cached).
func (h *Handler) renderTokens(c echo.Context, status int, v view, secret string) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	owner, err := h.store.User(c.Request().Context(), id)
	if err != nil {
		return err
	}
	table, err := h.tokenTable(c, id, v.CSRF, "/admin/tokens")
	if err != nil {
		return err
	}
	v.Title = "API tokens of " + owner.Name
	v.D = map[string]any{"Owner": owner, "Table": table, "Secret": secret}
	if secret != "" {
		noStore(c)
	}
	return h.render(c, status, "tokens", v)
}

// userToken makes an API token for a user, optionally expiring, and shows it
// once.
func (h *Handler) userToken(c echo.Context) error {
	f := formValues(c, "name", "expires_in_days")
	fail := func(fields map[string]string) error {
		v := newView(c, "API tokens", "users")
		v.Form, v.Errors = f, fields
		return h.renderTokens(c, http.StatusUnprocessableEntity, v, "")
	}
	days := 0
	if d := strings.TrimSpace(f.Get("expires_in_days")); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil {
			return fail(map[string]string{"expires_in_days": "must be a whole number of days"})
		}
		days = n
	}
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	secret, t, err := h.store.CreateExpiringToken(ctx, u.Email, f.Get("name"), days)
	if ve, ok := asValidation(err); ok {
		return fail(ve.Fields)
	}
	if err != nil {
		return err
	}
	h.audit(c, currentUser(c), u.Email, models.AuditTokenCreated, t.Name+expiryNote(t))
	v := newView(c, "API tokens", "users")
	v.Flash = "New API token for " + u.Name + ". Copy it now: it is not shown again."
	return h.renderTokens(c, http.StatusOK, v, secret)
}

// adminTokenRevoke revokes any user's token from their tokens page.
func (h *Handler) adminTokenRevoke(c echo.Context) error {
	t, err := h.revokeTokenParam(c, "tid")
	if err != nil {
		return err
	}
	setFlash(c, "Token revoked: it no longer works.")
	return c.Redirect(http.StatusSeeOther, "/admin/users/"+strconv.FormatInt(t.UserID, 10)+"/tokens")
}

// accountTokenRevoke revokes one of the signed-in user's own tokens.
func (h *Handler) accountTokenRevoke(c echo.Context) error {
	if _, err := h.revokeTokenParam(c, "tid"); err != nil {
		return err
	}
	setFlash(c, "Token revoked: it no longer works.")
	return c.Redirect(http.StatusSeeOther, "/account#tokens")
}
