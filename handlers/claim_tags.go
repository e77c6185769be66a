package handlers

import (
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// updateClaimAndTags applies a PATCH: the claim's fields, then its tags when
// the body has "tags" and they differ. The tags are checked before anything
// is written, so a bad tag changes nothing.
func (h *Handler) updateClaimAndTags(c echo.Context, id int64, req claimRequest, in models.ClaimInput) (*models.Claim, error) {
	ctx, u := c.Request().Context(), currentUser(c)
	var tags []string
	if req.Tags != nil {
		var err error
		if tags, err = models.NormTags(*req.Tags); err != nil {
			return nil, err
		}
	}
	cl, err := h.store.UpdateClaim(ctx, u, id, req.Version, in)
	if err != nil || req.Tags == nil || slices.Equal(cl.Tags, tags) {
		return cl, err
	}
	return h.store.SetTags(ctx, u, id, cl.Version, tags)
}

// claimTagsForm sets a claim's tags from the claim page (comma-separated).
func (h *Handler) claimTagsForm(c echo.Context) error {
	return h.claimForm(c, "tags", []string{"tags", "version"}, func(id int64, f url.Values) error {
		_, err := h.store.SetTags(c.Request().Context(), currentUser(c), id, formVersion(f), models.SplitTags(f.Get("tags")))
		return err
	}, "Tags saved.")
}
