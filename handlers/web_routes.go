package handlers

import (
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
	"claimdesk/static"
)

// webRoutes registers the web desk's pages (sign-in, account, desk, claim,
// story, import, sources, admin) with the role each needs. Every page route
// sits behind webAuth (a session) and csrfProtect (a valid token on every
// POST); the setup and sign-in forms check their pre-session token themselves.
func (h *Handler) webRoutes(e *echo.Echo) error {
	e.Use(securityHeaders)

	assets, err := fs.Sub(static.FS, ".")
	if err != nil {
		return err
	}
	e.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", longCache(http.FileServer(http.FS(assets))))))

	e.GET("/setup", h.setupForm)
	e.POST("/setup", h.setup)
	e.GET("/signin", h.signinForm)
	e.POST("/signin", h.signin)

	web := e.Group("", h.webAuth, h.csrfProtect)
	viewer, factchecker, editor, admin := need(models.RoleViewer), need(models.RoleFactchecker), need(models.RoleEditor), need(models.RoleAdmin)

	web.POST("/signout", h.signout, viewer)
	web.GET("/account", h.accountPage, viewer)
	web.POST("/account/password", h.accountPassword, viewer)
	web.POST("/account/tokens/:tid/revoke", h.accountTokenRevoke, viewer)

	web.GET("/", h.desk, viewer)
	web.POST("/claims/bulk", h.deskBulk, factchecker)

	web.GET("/claims/:id", h.claimPage, viewer)
	web.POST("/claims/:id/verdict", h.claimVerdict, factchecker)
	web.POST("/claims/:id/edit", h.claimEdit, factchecker)
	web.POST("/claims/:id/withdraw", h.withdrawForm("withdraw", "Taken off the desk as not a claim. It stays on record and can be restored.", h.store.WithdrawClaim), factchecker)
	web.POST("/claims/:id/restore", h.withdrawForm("restore", "Claim restored to the desk.", h.store.RestoreClaim), factchecker)
	web.POST("/claims/:id/verifiability", h.claimVerifiability, factchecker)
	web.POST("/claims/:id/evidence", h.claimEvidence, factchecker)
	web.POST("/claims/:id/evidence/:eid/remove", h.claimEvidenceRemove, factchecker)
	web.POST("/claims/:id/evidence/:eid/capture", h.claimCaptureAgain, factchecker)
	web.POST("/claims/:id/evidence/:eid/check", h.claimCheckLive, factchecker)
	web.POST("/claims/:id/links", h.claimLink, factchecker)
	web.POST("/claims/:id/assign", h.claimAssign, factchecker)
	web.POST("/claims/:id/take", h.claimTake, factchecker)
	web.POST("/claims/:id/notes", h.claimNote, factchecker)
	web.POST("/claims/:id/signoff", h.claimSignOff, editor)

	web.POST("/views", h.viewSaveForm, viewer)
	web.POST("/views/:id/delete", h.viewDeleteForm, viewer)
	web.POST("/claims/:id/tags", h.claimTagsForm, factchecker)
	web.GET("/mentions", h.mentionsPage, viewer)
	web.POST("/mentions/read", h.mentionsReadForm, viewer)
	web.GET("/mentions/:id", h.mentionOpen, viewer)

	web.GET("/stories", h.storiesPage, viewer)
	web.POST("/stories", h.storyCreate, factchecker)
	web.GET("/stories/:id", h.storyPage, viewer)
	web.POST("/stories/:id", h.storyUpdate, factchecker)
	web.POST("/stories/:id/entries", h.storyEntryCreate, factchecker)
	web.POST("/stories/:id/claims", h.storyClaimCreate, factchecker)
	web.POST("/stories/:id/archive", h.storyArchive, editor)

	h.inboxWebRoutes(web)

	web.GET("/import", h.importForm, factchecker)
	// An oversized upload is answered before the CSRF check, which could
	// not read the token from a body over the limit.
	e.POST("/import/preview", h.importPreview, h.webAuth, factchecker, h.importBodyLimit, h.importSlot, h.csrfProtect)
	web.POST("/import/commit", h.importCommit, factchecker, h.importSlot)
	web.GET("/import/drafts/:id", h.importDraftPage, factchecker)

	web.GET("/sources", h.sourcesPage, viewer)
	web.POST("/sources", h.sourceCreate, factchecker)
	web.GET("/sources/:id", h.sourcePage, viewer)
	web.POST("/sources/:id", h.sourceUpdate, factchecker)
	web.POST("/sources/:id/merge", h.sourceMerge, editor)

	web.GET("/admin/users", h.usersPage, admin)
	web.POST("/admin/users", h.userCreate, admin)
	web.POST("/admin/users/:id", h.userUpdate, admin)
	web.POST("/admin/users/:id/tokens", h.userToken, admin)
	web.GET("/admin/users/:id/tokens", h.userTokensPage, admin)
	web.POST("/admin/tokens/:tid/revoke", h.adminTokenRevoke, admin)
	web.GET("/admin/audit", h.auditPage, admin)
	h.webhookPages(web)
	return nil
}

// contentSecurityPolicy lets pages load only Claimdesk's own scripts, styles
// and images: no inline script, no external requests, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries. Routes that need a
// stricter policy (evidence downloads) overwrite it.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		return next(c)
	}
}

// longCache marks static assets cacheable for a year: they change only with a
// new binary, and the layout links them with the binary's asset version.
func longCache(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		next.ServeHTTP(w, r)
	})
}
