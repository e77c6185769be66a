package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// userKey is where the authenticated user sits in the echo context.
const userKey = "claimdesk.user"

// currentUser returns the authenticated user; routes behind apiAuth always have one.
func currentUser(c echo.Context) *models.User {
	u, _ := c.Get(userKey).(*models.User)
	return u
}

// apiAuth authenticates API requests by their bearer token, or else by the
// web desk's session cookie: 401 without either. A session-authenticated
// request that changes anything must carry the session's CSRF token in the
// X-CSRF-Token header (403 otherwise); Bearer requests need none, since a
// browser never adds a bearer token on its own.
func (h *Handler) apiAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		auth := c.Request().Header.Get(echo.HeaderAuthorization)
		if auth == "" {
			u, sess, err := h.loadSession(c)
			if err != nil {
				return err
			}
			if u != nil {
				c.Set(userKey, u)
				c.Set(sessionKey, sess)
				return csrfHeaderOnly(next)(c)
			}
		}
		token, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || strings.TrimSpace(token) == "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="claimdesk"`)
			return echo.NewHTTPError(http.StatusUnauthorized, "send Authorization: Bearer TOKEN (make one with: claimdesk token create --email E)")
		}
		u, err := h.store.UserByToken(c.Request().Context(), strings.TrimSpace(token))
		if err != nil {
			if err == models.ErrBadToken {
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="claimdesk", error="invalid_token"`)
				return echo.NewHTTPError(http.StatusUnauthorized, err.Error())
			}
			return err
		}
		c.Set(userKey, u)
		return next(c)
	}
}

// need lets through users whose role is at least min: 403 otherwise.
func need(min models.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := currentUser(c)
			if u == nil {
				return echo.NewHTTPError(http.StatusUnauthorized, "sign in first")
			}
			if !u.Role.AtLeast(min) {
				return echo.NewHTTPError(http.StatusForbidden, "this needs the "+string(min)+" role or higher; you are "+string(u.Role))
			}
			return next(c)
		}
	}
}
