package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// followRoutes registers following a story's live blog and the inbox of
// candidates it fills.
func (h *Handler) followRoutes(api *echo.Group) {
	viewer, fc := need(models.RoleViewer), need(models.RoleFactchecker)
	api.GET("/stories/:id/follow", h.showFollow, viewer)
	api.POST("/stories/:id/follow", h.startFollow, fc)
	api.DELETE("/stories/:id/follow", h.stopFollow, fc)
	api.GET("/candidates", h.listCandidates, viewer)
	api.POST("/candidates/bulk", h.bulkCandidates, fc)
	api.POST("/candidates/:id/accept", h.acceptCandidate, fc)
	api.POST("/candidates/:id/dismiss", h.dismissCandidate, fc)
}

// followRequest starts or changes the following of a story's blog.
type followRequest struct {
	URL          string `json:"url" validate:"required,max=2000"`
	EverySeconds int64  `json:"every_seconds" validate:"gte=0"`
}

func (h *Handler) showFollow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	fl, err := h.store.FollowOf(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, fl)
}

func (h *Handler) startFollow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req followRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	fl, err := h.store.StartFollow(c.Request().Context(), currentUser(c), id,
		models.FollowInput{URL: req.URL, EverySeconds: req.EverySeconds, Floor: h.cfg.FollowFloor})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, fl)
}

func (h *Handler) stopFollow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	fl, err := h.store.StopFollow(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, fl)
}

func (h *Handler) listCandidates(c echo.Context) error {
	f := models.CandidateFilter{State: c.QueryParam("state")}
	if v := c.QueryParam("story"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return &models.ValidationError{Fields: map[string]string{"story": "must be a story id"}}
		}
		f.StoryID = id
	}
	if v := c.QueryParam("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 || n > models.MaxCandidatesListed {
			return &models.ValidationError{Fields: map[string]string{"limit": "must be between 1 and 500"}}
		}
		f.Limit = n
	}
	cs, err := h.store.Candidates(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"candidates": cs})
}

// acceptRequest holds the fields a fact-checker edited before accepting;
// absent fields keep what was proposed.
type acceptRequest struct {
	Claim        *string `json:"claim" validate:"omitempty,max=20000"`
	Claimant     *string `json:"claimant" validate:"omitempty,max=1000"`
	SourceID     *int64  `json:"source_id"`
	Quote        *string `json:"quote" validate:"omitempty,max=40000"`
	Verb         *string `json:"verb" validate:"omitempty,max=1000"`
	Direct       *bool   `json:"direct"`
	Channel      *string `json:"channel" validate:"omitempty,max=1000"`
	Via          *string `json:"via" validate:"omitempty,max=1000"`
	Unverifiable *bool   `json:"unverifiable"`
	Caveat       *string `json:"caveat" validate:"omitempty,max=20000"`
}

// acceptedClaim is the answer to an accept: the new claim, with claim_id
// beside its id so clients of the inbox need not know the claim's shape.
type acceptedClaim struct {
	*models.Claim
	ClaimID     int64 `json:"claim_id"`
	CandidateID int64 `json:"candidate_id"`
}

func (h *Handler) acceptCandidate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req acceptRequest
	if c.Request().ContentLength != 0 {
		if err := h.bindJSON(c, &req); err != nil {
			return err
		}
	}
	claim, err := h.store.AcceptCandidate(c.Request().Context(), currentUser(c), id, models.CandidateEdits{
		Claim: req.Claim, Claimant: req.Claimant, Quote: req.Quote, Verb: req.Verb, Channel: req.Channel, Via: req.Via,
		Caveat: req.Caveat, Direct: req.Direct, Unverifiable: req.Unverifiable, SourceID: req.SourceID})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, acceptedClaim{Claim: claim, ClaimID: claim.ID, CandidateID: id})
}

type dismissRequest struct {
	Reason string `json:"reason" validate:"max=20000"`
}

func (h *Handler) dismissCandidate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req dismissRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	cand, err := h.store.DismissCandidate(c.Request().Context(), currentUser(c), id, req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cand)
}

// bulkCandidatesRequest accepts or dismisses many candidates at once.
type bulkCandidatesRequest struct {
	IDs    []int64 `json:"ids" validate:"max=500"`
	Action string  `json:"action" validate:"required,oneof=accept dismiss"`
	Reason string  `json:"reason" validate:"max=20000"`
}

func (h *Handler) bulkCandidates(c echo.Context) error {
	var req bulkCandidatesRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	out, err := h.store.DecideCandidates(c.Request().Context(), currentUser(c), req.IDs, req.Action == "accept", req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"results": out})
}

// importToInbox sends a pasted blog's candidates to its story's inbox.
func (h *Handler) importToInbox(c echo.Context, req models.ImportRequest) error {
	res, err := h.store.SendImportToInbox(c.Request().Context(), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, res)
}
