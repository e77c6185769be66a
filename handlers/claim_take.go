package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// takeClaim serves POST /api/v1/claims/:id/take: the claim is assigned to
// whoever asks, unless someone has it already (409 naming them, with the
// claim as it stands).
func (h *Handler) takeClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cl, err := h.store.Take(c.Request().Context(), currentUser(c), id)
	var te *models.TakenError
	if errors.As(err, &te) {
		return c.JSON(http.StatusConflict, map[string]any{"error": te.Error(), "current": te.Current})
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cl)
}

// claimTake is the desk's and claim page's "Take" button: back to where it
// was pressed, with a message saying who got the claim.
func (h *Handler) claimTake(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	back := "/claims/" + strconv.FormatInt(id, 10)
	_, err = h.store.Take(c.Request().Context(), currentUser(c), id)
	var te *models.TakenError
	switch {
	case errors.As(err, &te):
		setFlash(c, "Not taken: "+te.Error()+".")
	case err != nil:
		return err
	default:
		setFlash(c, "You took claim #"+strconv.FormatInt(id, 10)+".")
	}
	return redirectBack(c, c.FormValue("next"), back)
}
