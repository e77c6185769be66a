package handlers

import (
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// evidenceCaptureView is what the claim page shows under a link evidence
// item: its captures, the queue, the last live-page check and the buttons.
type evidenceCaptureView struct {
	ClaimID      int64
	EvidenceID   int64
	CSRF         string
	Captures     []models.Capture
	HasGood      bool
	Pending      bool
	CheckPending bool
	Check        liveCheckResult
	Err          string
}

// evidenceCaptures loads the captures of the standing link evidence, in two
// queries for all items, for users who may see them (fact-checkers and up).
func (h *Handler) evidenceCaptures(c echo.Context, v view, claimID int64, evs []models.Evidence) (map[int64]*evidenceCaptureView, error) {
	out := map[int64]*evidenceCaptureView{}
	if !v.Can(string(models.RoleFactchecker)) {
		return out, nil
	}
	var ids []int64
	for _, ev := range evs {
		if ev.URL != "" {
			ids = append(ids, ev.ID)
		}
	}
	ctx := c.Request().Context()
	caps, err := h.store.CapturesByEvidence(ctx, ids)
	if err != nil {
		return nil, err
	}
	states, err := h.store.CaptureTaskStates(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		cv := &evidenceCaptureView{ClaimID: claimID, EvidenceID: id, CSRF: v.CSRF, Captures: caps[id],
			Check: newLiveCheck(states[id], caps[id])}
		if st := states[id]; st != nil {
			cv.Pending, cv.CheckPending = st.CapturePending, st.CheckPending
		}
		for _, cp := range caps[id] {
			cv.HasGood = cv.HasGood || cp.Status == models.CaptureOK
		}
		if form := captureForm(id); v.Form.Get("_form") == form {
			for _, m := range v.Errors {
				cv.Err = m
			}
		}
		out[id] = cv
	}
	return out, nil
}

// captureForm names the capture buttons' form of an evidence item, which is
// also the anchor the page returns to.
func captureForm(evidenceID int64) string { return "cap-" + strconv.FormatInt(evidenceID, 10) }

// claimCaptureAgain queues another capture of an evidence link.
func (h *Handler) claimCaptureAgain(c echo.Context) error {
	return h.claimCaptureTask(c, models.TaskCapture, "Capture queued: it appears here when done.")
}

// claimCheckLive queues a comparison of the live page with the last capture.
func (h *Handler) claimCheckLive(c echo.Context) error {
	return h.claimCaptureTask(c, models.TaskCheck, "Checking the live page against the last capture.")
}

func (h *Handler) claimCaptureTask(c echo.Context, kind, done string) error {
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	return h.claimForm(c, captureForm(eid), nil, func(id int64, _ url.Values) error {
		ev, err := h.store.EvidenceItem(c.Request().Context(), eid)
		if err != nil {
			return err
		}
		if ev.ClaimID != id {
			return models.ErrNotFound
		}
		_, err = h.queueCapture(c, eid, kind)
		return err
	}, done)
}
