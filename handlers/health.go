package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// healthz answers 200 once the database answers, for load balancers and scripts.
func (h *Handler) healthz(c echo.Context) error {
	if err := h.store.Ping(c.Request().Context()); err != nil {
		h.log.Error("health check", "err", err)
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "database unreachable"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// me tells a token's owner who they are and what they may do.
func (h *Handler) me(c echo.Context) error {
	return c.JSON(http.StatusOK, currentUser(c))
}
