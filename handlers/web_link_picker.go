package handlers

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// linkPicker is the claim page's way to find a competing account without
// knowing its number: claims suggested from the same entry and story, and a
// search by text, claimant or "#id".
type linkPicker struct {
	Q         string
	Suggested []models.Claim
	Found     []models.Claim
	Searched  bool
}

// maxLinkChoices bounds each list of the picker.
const maxLinkChoices = 8

// pickLinks fills the picker for claim cl: suggestions always, matches when
// the page was opened with link_q.
func (h *Handler) pickLinks(c echo.Context, cl *models.Claim, links []models.LinkedClaim) (*linkPicker, error) {
	ctx := c.Request().Context()
	skip := map[int64]bool{cl.ID: true}
	for _, l := range links {
		skip[l.Claim.ID] = true
	}
	p := &linkPicker{Q: strings.TrimSpace(c.QueryParam("link_q"))}
	same, err := h.store.Claims(ctx, models.ClaimFilter{StoryID: cl.StoryID, Sort: "reported", PerPage: 100})
	if err != nil {
		return nil, err
	}
	// The same entry first (the two sides of one update), then the story.
	for _, sameEntry := range []bool{true, false} {
		for _, o := range same.Claims {
			if len(p.Suggested) == maxLinkChoices || skip[o.ID] {
				continue
			}
			if (cl.EntryID != nil && o.EntryID != nil && *o.EntryID == *cl.EntryID) == sameEntry {
				skip[o.ID] = true
				p.Suggested = append(p.Suggested, o)
			}
		}
	}
	if p.Q == "" {
		return p, nil
	}
	p.Searched = true
	if n, err := strconv.ParseInt(strings.TrimPrefix(p.Q, "#"), 10, 64); err == nil && n > 0 {
		o, err := h.store.Claim(ctx, n)
		if err != nil && !models.IsNotFound(err) {
			return nil, err
		}
		if o != nil && o.ID != cl.ID {
			p.Found = append(p.Found, *o)
		}
		return p, nil
	}
	found, err := h.store.Claims(ctx, models.ClaimFilter{Query: p.Q, PerPage: maxLinkChoices + 1})
	if _, ok := asValidation(err); ok {
		// A query the list refuses (too long) finds nothing.
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	for _, o := range found.Claims {
		if o.ID != cl.ID && len(p.Found) < maxLinkChoices {
			p.Found = append(p.Found, o)
		}
	}
	return p, nil
}

// linkTarget reads the claim a link form points at: a picked claim, or a
// number typed as "123" or "#123".
func linkTarget(picked, typed string) (int64, bool) {
	s := strings.TrimSpace(picked)
	if s == "" {
		s = strings.TrimPrefix(strings.TrimSpace(typed), "#")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}
