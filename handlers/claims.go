package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// claimRequest is the JSON body for creating or editing a claim. Times are
// strings so that a malformed one is reported against its field.
type claimRequest struct {
	StoryID             *int64  `json:"story_id"`
	EntryID             *int64  `json:"entry_id"`
	SourceID            *int64  `json:"source_id"`
	Claimant            *string `json:"claimant" validate:"omitempty,max=300"`
	Text                *string `json:"text" validate:"omitempty,max=5000"`
	Quote               *string `json:"quote" validate:"omitempty,max=20000"`
	Verb                *string `json:"verb" validate:"omitempty,max=300"`
	Direct              *bool   `json:"direct"`
	Channel             *string `json:"channel" validate:"omitempty,max=300"`
	Via                 *string `json:"via" validate:"omitempty,max=300"`
	MadeAt              *string `json:"made_at"`
	ReportedAt          *string `json:"reported_at"`
	ReportedURL         *string `json:"reported_url" validate:"omitempty,max=2000"`
	Verifiability       *string `json:"verifiability" validate:"omitempty,oneof=unknown verifiable not_verifiable"`
	VerifiabilityReason *string `json:"verifiability_reason" validate:"omitempty,max=5000"`
	// Reason says why a published claim's text, quote or claimant changes.
	Reason  *string `json:"reason" validate:"omitempty,max=5000"`
	Version int64   `json:"version"`
	// NotDuplicate adds a claim even though the story holds one like it.
	NotDuplicate bool `json:"not_duplicate"`
	// Tags, when given, replace the claim's tags (PATCH only).
	Tags *[]string `json:"tags"`
}

func (r claimRequest) input() (models.ClaimInput, error) {
	in := models.ClaimInput{StoryID: r.StoryID, EntryID: r.EntryID, SourceID: r.SourceID, Claimant: r.Claimant,
		Text: r.Text, Quote: r.Quote, Verb: r.Verb, Direct: r.Direct, Channel: r.Channel, Via: r.Via,
		ReportedURL: r.ReportedURL, VerifiabilityReason: r.VerifiabilityReason, Reason: r.Reason}
	errs := map[string]string{}
	in.MadeAt = parseTimeField(r.MadeAt, "made_at", errs)
	in.ReportedAt = parseTimeField(r.ReportedAt, "reported_at", errs)
	if r.Verifiability != nil {
		v := models.Verifiability(*r.Verifiability)
		in.Verifiability = &v
	}
	if len(errs) > 0 {
		return in, &models.ValidationError{Fields: errs}
	}
	return in, nil
}

func parseTimeField(s *string, field string, errs map[string]string) *time.Time {
	if s == nil || *s == "" {
		return nil
	}
	return parseTimeParam(*s, field, errs)
}

// listClaims answers the claim list. The desk asks for the same few views
// over and over, so an answer is encoded once and reused for identical
// queries until this process commits anything, and for at most
// models.ReuseMaxAge (see Store.CachedRead).
func (h *Handler) listClaims(c echo.Context) error {
	f, err := parseClaimFilter(c.QueryParams(), currentUser(c))
	if err != nil {
		return err
	}
	if v := f.Validate(); v != nil {
		return v
	}
	ctx := c.Request().Context()
	if _, pretty := c.QueryParams()["pretty"]; pretty {
		page, err := h.store.Claims(ctx, f)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, page)
	}
	if !h.store.ReusesAnswers() {
		return h.sendComputedClaimPage(c, f)
	}
	body, err := h.store.CachedRead(ctx, "claims?"+f.Key(), func(ctx context.Context) ([]byte, error) {
		page, err := h.store.Claims(ctx, f)
		if err != nil {
			return nil, err
		}
		return appendClaimPage(nil, page)
	})
	if err != nil {
		return err
	}
	return sendJSONBody(c, body)
}

func (h *Handler) createClaim(c echo.Context) error {
	var req claimRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	in, err := req.input()
	if err != nil {
		return err
	}
	cl, err := h.store.CreateClaimAsking(c.Request().Context(), currentUser(c), in, req.NotDuplicate)
	if answered, err := duplicateAnswer(c, err); answered || err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cl)
}

// claimDetail is a claim with everything its page shows.
type claimDetail struct {
	*models.Claim
	Evidence      []models.Evidence    `json:"evidence"`
	Links         []models.LinkedClaim `json:"links"`
	Corroboration int                  `json:"corroboration"`
}

func (h *Handler) showClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	cl, err := h.store.Claim(ctx, id)
	if err != nil {
		return err
	}
	evs, err := h.store.ClaimEvidence(ctx, id)
	if err != nil {
		return err
	}
	links, err := h.store.ClaimLinks(ctx, id)
	if err != nil {
		return err
	}
	n, err := h.store.ClaimCorroboration(ctx, cl, evs)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, claimDetail{Claim: cl, Evidence: evs, Links: links, Corroboration: n})
}

func (h *Handler) updateClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req claimRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	in, err := req.input()
	if err != nil {
		return err
	}
	cl, err := h.updateClaimAndTags(c, id, req, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cl)
}

func (h *Handler) claimActivity(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	acts, err := h.store.ClaimActivity(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"activity": acts})
}
