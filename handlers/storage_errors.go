package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// storageRetrySeconds is the Retry-After of a write refused for want of
// storage: long enough not to hammer a full disk, short enough that scripts
// resume soon after space is freed.
const storageRetrySeconds = "60"

// storageUnavailable answers a write the storage could not take (full disk,
// read-only database) with 503 and a message that says so; the server goes
// on serving reads and takes writes again as soon as the storage does.
func (h *Handler) storageUnavailable(c echo.Context, se *models.StorageError) (int, map[string]any) {
	h.log.Error("write refused by the storage", "kind", se.Kind, "method", c.Request().Method, "path", c.Path(), "err", se.Err)
	c.Response().Header().Set("Retry-After", storageRetrySeconds)
	return http.StatusServiceUnavailable, map[string]any{"error": se.Error()}
}
