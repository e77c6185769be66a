package handlers

import (
	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// importRoutes registers the live-blog import: a preview of the candidate
// claims, then a commit of the ones the desk keeps.
func (h *Handler) importRoutes(api *echo.Group) {
	fc := need(models.RoleFactchecker)
	api.POST("/imports/liveblog", h.previewImport, fc, h.importSlot)
	api.POST("/imports/liveblog/commit", h.commitImport, fc, h.importSlot)
}
