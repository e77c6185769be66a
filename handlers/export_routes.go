package handlers

import (
	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// exportRoutes registers the export endpoints. Every one takes the claim
// list's filters (see parseClaimFilter), and a viewer may use them all.
func (h *Handler) exportRoutes(api *echo.Group) {
	viewer := need(models.RoleViewer)
	api.GET("/export.csv", h.exportClaims(models.ExportCSV), viewer)
	api.GET("/export.json", h.exportClaims(models.ExportJSON), viewer)
	api.GET("/export.ndjson", h.exportClaims(models.ExportNDJSON), viewer)
	api.GET("/claimreview.jsonld", h.exportClaims(models.ExportClaimReview), viewer)
	api.GET("/stories/:id/sheet", h.attributionSheet(), viewer)
}
