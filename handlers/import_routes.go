package handlers

import "github.com/labstack/echo/v4"

// importRoutes registers the live-blog import endpoints.
func (h *Handler) importRoutes(api *echo.Group) {}
