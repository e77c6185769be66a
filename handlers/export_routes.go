package handlers

import "github.com/labstack/echo/v4"

// exportRoutes registers the export endpoints.
func (h *Handler) exportRoutes(api *echo.Group) {}
