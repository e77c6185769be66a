package handlers

import (
	"context"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// withdrawRequest takes a claim off the desk (or brings it back) with a
// reason; version is the claim version it was based on.
type withdrawRequest struct {
	Reason  string `json:"reason" validate:"max=5000"`
	Version int64  `json:"version" validate:"required,gt=0"`
}

// withdrawFunc is WithdrawClaim or RestoreClaim.
type withdrawFunc func(ctx context.Context, actor *models.User, id, version int64, reason string) (*models.Claim, error)

// withdrawAPI answers POST /claims/:id/withdraw and /restore.
func (h *Handler) withdrawAPI(do withdrawFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		var req withdrawRequest
		if err := h.bindJSON(c, &req); err != nil {
			return err
		}
		cl, err := do(c.Request().Context(), currentUser(c), id, req.Version, req.Reason)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, cl)
	}
}

// withdrawForm runs the claim page's "Not a claim" and "Restore" forms.
func (h *Handler) withdrawForm(form, done string, do withdrawFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		return h.claimForm(c, form, []string{"reason", "version"}, func(id int64, f url.Values) error {
			_, err := do(c.Request().Context(), currentUser(c), id, formVersion(f), f.Get("reason"))
			return err
		}, done)
	}
}
