package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// verdictRequest changes a verdict; version is the claim version it was based on.
type verdictRequest struct {
	Verdict   string `json:"verdict" validate:"required,oneof=unreviewed in_review verified unverified disputed misleading false"`
	Rationale string `json:"rationale" validate:"required,max=5000"`
	Version   int64  `json:"version" validate:"required,gt=0"`
}

func (h *Handler) setVerdict(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req verdictRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	cl, err := h.store.SetVerdict(c.Request().Context(), currentUser(c), id,
		models.VerdictChange{Verdict: models.Verdict(req.Verdict), Rationale: req.Rationale, Version: req.Version})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cl)
}

type verifiabilityRequest struct {
	Verifiability string `json:"verifiability" validate:"required,oneof=unknown verifiable not_verifiable"`
	Reason        string `json:"reason" validate:"max=5000"`
	Version       int64  `json:"version" validate:"required,gt=0"`
}

func (h *Handler) setVerifiability(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req verifiabilityRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	cl, err := h.store.SetVerifiability(c.Request().Context(), currentUser(c), id,
		models.VerifiabilityChange{Verifiability: models.Verifiability(req.Verifiability), Reason: req.Reason, Version: req.Version})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cl)
}

// assignRequest gives a claim to a user; a null assignee_id unassigns it.
type assignRequest struct {
	AssigneeID *int64 `json:"assignee_id"`
	Version    int64  `json:"version" validate:"required,gt=0"`
}

func (h *Handler) assignClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req assignRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	cl, err := h.store.Assign(c.Request().Context(), currentUser(c), id, req.AssigneeID, req.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cl)
}

type signOffRequest struct {
	Version int64 `json:"version" validate:"required,gt=0"`
}

func (h *Handler) signOff(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req signOffRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	cl, err := h.store.SignOff(c.Request().Context(), currentUser(c), id, req.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cl)
}

type noteRequest struct {
	Text string `json:"text" validate:"required,max=20000"`
}

func (h *Handler) addNote(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req noteRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	a, err := h.store.AddNote(c.Request().Context(), currentUser(c), id, req.Text)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, a)
}

// bulkRequest applies one action to many claims: "assign" or "verdict".
type bulkRequest struct {
	IDs        []int64  `json:"ids" validate:"required,min=1,max=500"`
	Action     string   `json:"action" validate:"required,oneof=assign verdict tag"`
	AssigneeID *int64   `json:"assignee_id"`
	Verdict    string   `json:"verdict" validate:"required_if=Action verdict"`
	Rationale  string   `json:"rationale" validate:"required_if=Action verdict,max=5000"`
	Tags       []string `json:"tags" validate:"required_if=Action tag,max=20"`
}

func (h *Handler) bulkClaims(c echo.Context) error {
	var req bulkRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	ctx, u := c.Request().Context(), currentUser(c)
	var res *models.BulkResult
	var err error
	switch req.Action {
	case "assign":
		res, err = h.store.BulkAssign(ctx, u, req.IDs, req.AssigneeID)
	case "tag":
		res, err = h.store.BulkTag(ctx, u, req.IDs, req.Tags)
	default:
		res, err = h.store.BulkVerdict(ctx, u, req.IDs, models.Verdict(req.Verdict), req.Rationale)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

type linkRequest struct {
	ToClaimID int64  `json:"to_claim_id" validate:"required,gt=0"`
	Kind      string `json:"kind" validate:"required,oneof=contradicts corroborates duplicate_of"`
	Note      string `json:"note" validate:"max=20000"`
}

func (h *Handler) createLink(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req linkRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	l, err := h.store.LinkClaims(c.Request().Context(), currentUser(c), id, req.ToClaimID, req.Kind, req.Note)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, l)
}

func (h *Handler) listLinks(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ls, err := h.store.ClaimLinks(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"links": ls})
}
