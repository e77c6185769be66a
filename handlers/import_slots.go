package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// DefaultImportsAtOnce is how many live-blog previews and imports run at
// once when Config.ImportsAtOnce leaves it zero: one per core of a small
// server. Each may hold a 10 MB paste and what is extracted from it.
const DefaultImportsAtOnce = 2

// importSlot lets a preview or import run only while fewer than
// ImportsAtOnce others do; one more is answered at once with 503 and a
// message, before its body is read, rather than queued in memory.
func (h *Handler) importSlot(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		select {
		case h.imports <- struct{}{}:
		default:
			c.Response().Header().Set("Retry-After", "10")
			return echo.NewHTTPError(http.StatusServiceUnavailable,
				"other live blogs are being imported right now; try again in a few seconds")
		}
		defer func() { <-h.imports }()
		return next(c)
	}
}
