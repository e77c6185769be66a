package handlers

import "github.com/labstack/echo/v4"

// webRoutes registers the web desk's pages (sign-in, desk, claim, story, sources).
func (h *Handler) webRoutes(e *echo.Echo) error { return nil }
