package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// handleError is the single place where an error becomes an answer: 422 with
// field messages, 409 with the current state, 404, 403, 413, or a logged 500
// that shows neither SQL nor a stack trace. Browsers get the same as a page,
// API clients as JSON.
func (h *Handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, body := h.errorBody(err, c)
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	if wantsHTML(c) {
		if werr := h.renderError(c, status, body); werr != nil {
			h.log.Error("writing error page", "err", werr)
			_ = c.String(status, http.StatusText(status))
		}
		return
	}
	if werr := c.JSON(status, body); werr != nil {
		h.log.Error("writing error response", "err", werr)
	}
}

// errorBody maps err to a status and JSON body.
func (h *Handler) errorBody(err error, c echo.Context) (int, map[string]any) {
	var ve *models.ValidationError
	var ce *models.ConflictError
	var sce *models.StoryConflictError
	var fe *models.ForbiddenError
	var cde *models.CandidateDecidedError
	var tl models.ErrTooLarge
	var he *echo.HTTPError
	var se *models.StorageError
	switch {
	case errors.As(err, &se):
		return h.storageUnavailable(c, se)
	case errors.As(err, &ve):
		return http.StatusUnprocessableEntity, map[string]any{"errors": ve.Fields}
	case errors.As(err, &ce):
		return http.StatusConflict, map[string]any{"error": "someone changed this claim meanwhile; nothing was overwritten", "current": ce.Current}
	case errors.As(err, &sce):
		return http.StatusConflict, map[string]any{"error": "someone changed this story meanwhile; nothing was overwritten", "current": sce.Current}
	case errors.As(err, &cde):
		return http.StatusConflict, map[string]any{"error": "this candidate was already " + cde.Current.State + "; nothing was changed", "current": cde.Current}
	case errors.As(err, &fe):
		return http.StatusForbidden, map[string]any{"error": fe.Reason}
	case errors.As(err, &tl):
		return http.StatusRequestEntityTooLarge, map[string]any{"error": tl.Error()}
	case models.IsNotFound(err):
		return http.StatusNotFound, map[string]any{"error": "not found"}
	case errors.As(err, &he):
		msg := http.StatusText(he.Code)
		// A 503's message says what is busy and when to come back.
		if s, ok := he.Message.(string); ok && (he.Code < 500 || he.Code == http.StatusServiceUnavailable) {
			msg = s
		}
		if he.Code >= 500 {
			h.log.Error("request failed", "method", c.Request().Method, "path", c.Path(), "err", err)
		}
		return he.Code, map[string]any{"error": msg}
	}
	h.log.Error("request failed", "method", c.Request().Method, "path", c.Path(), "err", err)
	return http.StatusInternalServerError, map[string]any{"error": "internal error; it has been logged"}
}
