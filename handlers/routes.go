package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// routes lists every route of the app in one place, with the role each needs.
func (h *Handler) routes(e *echo.Echo) error {
	e.Use(h.bodyLimit, h.slowBodyGuard, strictTransport)
	e.GET("/healthz", h.healthz)
	e.HEAD("/healthz", h.healthz)

	api := e.Group("/api/v1", h.apiAuth)
	viewer, factchecker, editor, admin := need(models.RoleViewer), need(models.RoleFactchecker), need(models.RoleEditor), need(models.RoleAdmin)

	api.GET("/me", h.me, viewer)
	api.GET("/events", h.streamEvents, viewer)

	api.GET("/stories", h.listStories, viewer)
	api.POST("/stories", h.createStory, factchecker)
	api.GET("/stories/:id", h.showStory, viewer)
	api.PATCH("/stories/:id", h.updateStory, factchecker)
	api.POST("/stories/:id/archive", h.archiveStory, editor)
	api.GET("/stories/:id/entries", h.listEntries, viewer)
	api.POST("/stories/:id/entries", h.createEntry, factchecker)

	api.GET("/sources", h.listSources, viewer)
	api.POST("/sources", h.createSource, factchecker)
	api.GET("/sources/:id", h.showSource, viewer)
	api.PATCH("/sources/:id", h.updateSource, factchecker)
	api.POST("/sources/:id/merge", h.mergeSource, editor)

	api.GET("/claims", h.listClaims, viewer)
	api.POST("/claims", h.createClaim, factchecker)
	api.POST("/claims/bulk", h.bulkClaims, factchecker)
	api.GET("/claims/:id", h.showClaim, viewer)
	api.PATCH("/claims/:id", h.updateClaim, factchecker)
	api.POST("/claims/:id/verdict", h.setVerdict, factchecker)
	api.POST("/claims/:id/verifiability", h.setVerifiability, factchecker)
	api.POST("/claims/:id/assign", h.assignClaim, factchecker)
	api.POST("/claims/:id/take", h.takeClaim, factchecker)
	api.POST("/claims/:id/signoff", h.signOff, editor)
	api.POST("/claims/:id/notes", h.addNote, factchecker)
	api.POST("/claims/:id/withdraw", h.withdrawAPI(h.store.WithdrawClaim), factchecker)
	api.POST("/claims/:id/restore", h.withdrawAPI(h.store.RestoreClaim), factchecker)
	api.GET("/claims/:id/activity", h.claimActivity, viewer)
	api.GET("/mentions", h.listMentions, viewer)
	api.GET("/views", h.listViews, viewer)
	api.POST("/views", h.createView, viewer)
	api.POST("/mentions/read", h.readMentions, viewer)
	api.GET("/claims/:id/links", h.listLinks, viewer)
	api.GET("/claims/:id/similar", h.similarClaims, viewer)
	api.POST("/claims/:id/links", h.createLink, factchecker)
	api.GET("/claims/:id/evidence", h.listEvidence, viewer)
	api.POST("/claims/:id/evidence", h.addEvidence, factchecker)
	api.POST("/claims/:id/evidence/:eid/remove", h.removeEvidence, factchecker)
	api.GET("/evidence/:eid/file", h.downloadEvidence, viewer)
	api.GET("/evidence/:eid/captures", h.listCaptures, factchecker)
	api.POST("/evidence/:eid/captures", h.captureAgain, factchecker)
	api.GET("/evidence/:eid/check", h.liveCheck, factchecker)
	api.POST("/evidence/:eid/check", h.checkLive, factchecker)
	api.GET("/captures/:cid/file", h.captureFile, factchecker)
	api.GET("/captures/:cid/warc", h.captureWARC, factchecker)

	api.GET("/users", h.listUsers, admin)
	api.POST("/users", h.createUser, admin)
	api.PATCH("/users/:id", h.updateUser, admin)
	api.POST("/users/:id/tokens", h.createUserToken, admin)
	api.GET("/users/:id/tokens", h.listUserTokens, viewer)
	api.DELETE("/tokens/:tid", h.revokeToken, viewer)

	h.importRoutes(api)
	h.followRoutes(api)
	h.exportRoutes(api)
	h.webhookRoutes(api)
	h.publicRoutes(e)
	return h.webRoutes(e)
}

// bodyLimit is the outer bound on every request body: the largest upload or
// pasted blog plus room for the form around it. Routes apply tighter limits
// of their own; this one stops an oversized body before anything reads it.
func (h *Handler) bodyLimit(next echo.HandlerFunc) echo.HandlerFunc {
	limit := max(h.store.MaxUploadBytes(), maxImportBody) + 2<<20
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength > limit {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "the request body is too large")
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(c.Response(), r.Body, limit)
		}
		return next(c)
	}
}
