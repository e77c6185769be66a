package handlers

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// tokenRequest makes an API token (admins only): a label and, optionally,
// the days until it stops working.
type tokenRequest struct {
	Name          string `json:"name" validate:"max=200"`
	ExpiresInDays int    `json:"expires_in_days" validate:"min=0,max=3650"`
}

// tokenJSON is a token as listed: never its secret, with whether it still works.
type tokenJSON struct {
	models.APIToken
	Active bool `json:"active"`
}

func (h *Handler) tokenJSON(t models.APIToken) tokenJSON {
	return tokenJSON{APIToken: t, Active: t.Active(h.store.Now())}
}

// noStore keeps an answer out of every cache: it carries a secret shown once.
func noStore(c echo.Context) {
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Pragma", "no-cache")
}

// mayManageTokens lets admins manage anyone's tokens and others only their own.
func mayManageTokens(c echo.Context, owner int64) error {
	u := currentUser(c)
	if u.Role != models.RoleAdmin && u.ID != owner {
		return echo.NewHTTPError(http.StatusForbidden, "only an admin or the token's owner may do this")
	}
	return nil
}

// createUserToken makes a token for a user and answers its secret, once.
func (h *Handler) createUserToken(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req tokenRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	secret, t, err := h.store.CreateExpiringToken(ctx, u.Email, req.Name, req.ExpiresInDays)
	if err != nil {
		return err
	}
	admin := currentUser(c)
	h.audit(c, admin, admin.Email, models.AuditTokenCreated, fmt.Sprintf("token %d for %s%s (API)", t.ID, u.Email, expiryNote(t)))
	noStore(c)
	return c.JSON(http.StatusCreated, map[string]any{"token": secret, "id": t.ID, "user_id": t.UserID, "name": t.Name,
		"created_at": t.CreatedAt, "expires_at": t.ExpiresAt})
}

// listUserTokens lists a user's tokens without their secrets (admin or the user).
func (h *Handler) listUserTokens(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := mayManageTokens(c, id); err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := h.store.User(ctx, id); err != nil {
		return err
	}
	ts, err := h.store.Tokens(ctx, id)
	if err != nil {
		return err
	}
	out := make([]tokenJSON, len(ts))
	for i, t := range ts {
		out[i] = h.tokenJSON(t)
	}
	return c.JSON(http.StatusOK, map[string]any{"tokens": out})
}

// revokeToken stops a token for good (admin or owner) and answers it as it
// now stands; revoking a revoked token changes nothing.
func (h *Handler) revokeToken(c echo.Context) error {
	t, err := h.revokeTokenParam(c, "tid")
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, h.tokenJSON(*t))
}

// revokeTokenParam revokes the token named by the path parameter, checking
// who asks and recording it in the audit log; shared by the API and pages.
func (h *Handler) revokeTokenParam(c echo.Context, param string) (*models.APIToken, error) {
	id, err := idParam(c, param)
	if err != nil {
		return nil, err
	}
	ctx := c.Request().Context()
	t, err := h.store.Token(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := mayManageTokens(c, t.UserID); err != nil {
		return nil, err
	}
	if t.RevokedAt == nil {
		if err := h.store.RevokeToken(ctx, id); err != nil && err != models.ErrNotFound {
			return nil, err
		}
		owner, err := h.store.User(ctx, t.UserID)
		if err != nil {
			return nil, err
		}
		h.audit(c, currentUser(c), owner.Email, models.AuditTokenRevoked, fmt.Sprintf("token %d %q", t.ID, t.Name))
	}
	return h.store.Token(ctx, id)
}

// expiryNote is the audit detail's mention of a token's expiry.
func expiryNote(t *models.APIToken) string {
	if t.ExpiresAt == nil {
		return ""
	}
	return ", expires " + t.ExpiresAt.UTC().Format("2006-01-02 15:04 MST")
}
