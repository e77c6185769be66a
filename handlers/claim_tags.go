package handlers

import (
	"net/url"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// updateClaimAndTags applies a PATCH: the claim's fields and, when the body
// has "tags", its tags, in one transaction.
func (h *Handler) updateClaimAndTags(c echo.Context, id int64, req claimRequest, in models.ClaimInput) (*models.Claim, error) {
	var tags []string
	if req.Tags != nil {
		tags = append([]string{}, *req.Tags...) // not nil: "tags":[] clears them
	}
	return h.store.UpdateClaimAndTags(c.Request().Context(), currentUser(c), id, req.Version, in, tags)
}

// claimTagsForm sets a claim's tags from the claim page (comma-separated).
func (h *Handler) claimTagsForm(c echo.Context) error {
	return h.claimForm(c, "tags", []string{"tags", "version"}, func(id int64, f url.Values) error {
		_, err := h.store.SetTags(c.Request().Context(), currentUser(c), id, formVersion(f), models.SplitTags(f.Get("tags")))
		return err
	}, "Tags saved.")
}
