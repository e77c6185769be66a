package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// listCorrections answers GET /api/v1/corrections: every correction, or
// those of one story (?story=ID) or one claim (?claim=ID), newest first.
func (h *Handler) listCorrections(c echo.Context) error {
	var f models.CorrectionFilter
	errs := map[string]string{}
	for name, dst := range map[string]*int64{"story": &f.StoryID, "claim": &f.ClaimID} {
		if v := c.QueryParam(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				errs[name] = "must be a positive number"
			}
			*dst = n
		}
	}
	if len(errs) > 0 {
		return &models.ValidationError{Fields: errs}
	}
	cs, err := h.store.Corrections(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"corrections": cs})
}
