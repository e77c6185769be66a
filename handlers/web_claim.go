package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// claimPage is everything the claim page shows. Evidence is what stands;
// Removed is what was taken off the claim, still on record.
type claimPage struct {
	Claim         *models.Claim
	Entry         *models.Entry
	Evidence      []models.Evidence
	Removed       []removedEvidence
	Corroboration int
	Links         []models.LinkedClaim
	Similar       []models.SimilarClaim
	Activity      []models.Activity
	Corrections   []models.Correction
	// Edits words each "edited" activity row, one line per field.
	Edits map[int64][]string
	// Picker finds claims to link (web_link_picker.go).
	Picker *linkPicker
	// Changed names what changed since the version a refused form was based on.
	Changed   []string
	Assignees []models.User
	Conflict  bool
	MaxUpload int64
	// Captures are the captured copies under each link evidence item.
	Captures map[int64]*evidenceCaptureView
}

// Err returns the message for field of the form that was just submitted, so a
// message shows under the right form when several forms share field names.
func (v view) Err(form, field string) string {
	if v.Form.Get("_form") != form {
		return ""
	}
	return v.Errors[field]
}

// Val returns what the user typed into field of the form that was just
// submitted, so nothing typed is lost when the form comes back.
func (v view) Val(form, field string) string {
	if v.Form.Get("_form") != form {
		return ""
	}
	return v.Form.Get(field)
}

func (h *Handler) claimPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderClaim(c, id, http.StatusOK, newView(c, "", "desk"))
}

// renderClaim loads the claim page's data and shows it with status.
func (h *Handler) renderClaim(c echo.Context, id int64, status int, v view) error {
	ctx := c.Request().Context()
	cl, err := h.store.Claim(ctx, id)
	if err != nil {
		return err
	}
	p := claimPage{Claim: cl, MaxUpload: h.store.MaxUploadBytes(), Conflict: status == http.StatusConflict}
	if cl.EntryID != nil {
		if p.Entry, err = h.store.Entry(ctx, *cl.EntryID); err != nil {
			return err
		}
	}
	evs, err := h.store.ClaimEvidence(ctx, id)
	if err != nil {
		return err
	}
	if p.Corroboration, err = h.store.ClaimCorroboration(ctx, cl, evs); err != nil {
		return err
	}
	if p.Evidence, p.Removed, err = h.splitRemoved(c, evs); err != nil {
		return err
	}
	if p.Captures, err = h.evidenceCaptures(c, v, id, p.Evidence); err != nil {
		return err
	}
	if p.Links, err = h.store.ClaimLinks(ctx, id); err != nil {
		return err
	}
	if p.Similar, err = h.store.SimilarClaims(ctx, id, models.DefaultSimilarLimit); err != nil {
		return err
	}
	if p.Picker, err = h.pickLinks(c, cl, p.Links); err != nil {
		return err
	}
	if p.Activity, err = h.store.ClaimActivity(ctx, id); err != nil {
		return err
	}
	if p.Corrections, err = h.store.Corrections(ctx, models.CorrectionFilter{ClaimID: id, Oldest: true}); err != nil {
		return err
	}
	if p.Edits, err = h.editLines(ctx, p.Activity); err != nil {
		return err
	}
	if p.Conflict {
		p.Changed = conflictChanges(p.Activity, formVersion(v.Form), cl.Version)
	}
	if p.Assignees, err = h.reviewers(c); err != nil {
		return err
	}
	v.Title = "Claim #" + strconv.FormatInt(id, 10) + ": " + truncate(cl.Text, 60)
	v.D = p
	return h.render(c, status, "claim", v)
}

// claimForm runs one of the claim page's forms: on success it redirects back
// to the claim with a flash message; on invalid input it shows the page again
// with the messages (422); on a stale version it shows the current state with
// "someone changed this meanwhile" (409). Either way what was typed is kept.
func (h *Handler) claimForm(c echo.Context, form string, fields []string, do func(id int64, f url.Values) error, done string) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, fields...)
	f.Set("_form", form)
	err = do(id, f)
	var ce *models.ConflictError
	var fe *models.ForbiddenError
	switch {
	case errors.As(err, &fe):
		v := newView(c, "", "desk")
		v.Form, v.Errors = f, map[string]string{"_": fe.Reason}
		return h.renderClaim(c, id, http.StatusForbidden, v)
	case err == nil:
		setFlash(c, done)
		return c.Redirect(http.StatusSeeOther, "/claims/"+strconv.FormatInt(id, 10)+"#"+form)
	case errors.As(err, &ce):
		v := newView(c, "", "desk")
		v.Form = f
		return h.renderClaim(c, id, http.StatusConflict, v)
	}
	if ve, ok := asValidation(err); ok {
		v := newView(c, "", "desk")
		v.Form, v.Errors = f, ve.Fields
		return h.renderClaim(c, id, http.StatusUnprocessableEntity, v)
	}
	return err
}

// formVersion reads the claim version a form was based on.
func formVersion(f url.Values) int64 {
	n, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	return n
}

func (h *Handler) claimVerdict(c echo.Context) error {
	return h.claimForm(c, "verdict", []string{"verdict", "rationale", "version"}, func(id int64, f url.Values) error {
		_, err := h.store.SetVerdict(c.Request().Context(), currentUser(c), id, models.VerdictChange{
			Verdict: models.Verdict(f.Get("verdict")), Rationale: f.Get("rationale"), Version: formVersion(f)})
		return err
	}, "Verdict changed.")
}

func (h *Handler) claimVerifiability(c echo.Context) error {
	return h.claimForm(c, "verifiability", []string{"verifiability", "reason", "version"}, func(id int64, f url.Values) error {
		_, err := h.store.SetVerifiability(c.Request().Context(), currentUser(c), id, models.VerifiabilityChange{
			Verifiability: models.Verifiability(f.Get("verifiability")), Reason: f.Get("reason"), Version: formVersion(f)})
		return err
	}, "Verifiability changed.")
}

func (h *Handler) claimEvidence(c echo.Context) error {
	return h.claimForm(c, "evidence", []string{"kind", "stance", "url", "title", "note", "origin", "capture"}, func(id int64, f url.Values) error {
		in := models.EvidenceInput{Kind: f.Get("kind"), Stance: f.Get("stance"), URL: f.Get("url"),
			Title: f.Get("title"), Note: f.Get("note"), Origin: f.Get("origin")}
		file, hdr, err := c.Request().FormFile("file")
		switch {
		case err == nil:
			defer file.Close()
			in.File, in.FileName = file, hdr.Filename
		case !errors.Is(err, http.ErrMissingFile) && !errors.Is(err, http.ErrNotMultipart):
			return &models.ValidationError{Fields: map[string]string{"file": "could not be read"}}
		}
		ev, err := h.store.AddEvidence(c.Request().Context(), currentUser(c), id, in)
		if err == nil && formBool(f.Get("capture")) && ev.URL != "" {
			_, err = h.queueCapture(c, ev.ID, models.TaskCapture)
		}
		return err
	}, "Evidence added.")
}

// removedEvidence is an evidence item taken off a claim, with who did it.
type removedEvidence struct {
	models.Evidence
	RemovedByName string
}

// splitRemoved separates the standing evidence from the removed, naming who
// removed each with one query for all of them (none when nothing was removed).
func (h *Handler) splitRemoved(c echo.Context, evs []models.Evidence) ([]models.Evidence, []removedEvidence, error) {
	var standing []models.Evidence
	var removed []removedEvidence
	var by []int64
	for _, ev := range evs {
		if ev.RemovedAt == nil {
			standing = append(standing, ev)
			continue
		}
		removed = append(removed, removedEvidence{Evidence: ev})
		if ev.RemovedByID != nil {
			by = append(by, *ev.RemovedByID)
		}
	}
	names, err := h.store.UserNames(c.Request().Context(), by)
	if err != nil {
		return nil, nil, err
	}
	for i := range removed {
		removed[i].RemovedByName = names[derefID(removed[i].RemovedByID)]
	}
	return standing, removed, nil
}

// claimEvidenceRemove takes an evidence item off the claim with a reason. The
// item stays on record, struck through, and the activity log says who and why.
func (h *Handler) claimEvidenceRemove(c echo.Context) error {
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	return h.claimForm(c, "ev-"+strconv.FormatInt(eid, 10), []string{"reason"}, func(id int64, f url.Values) error {
		return h.store.RemoveEvidence(c.Request().Context(), currentUser(c), id, eid, f.Get("reason"))
	}, "Evidence removed. It stays on record below, struck through.")
}

func (h *Handler) claimLink(c echo.Context) error {
	return h.claimForm(c, "links", []string{"to_claim_id", "to_claim_number", "kind", "note"}, func(id int64, f url.Values) error {
		to, ok := linkTarget(f.Get("to_claim_id"), f.Get("to_claim_number"))
		if !ok {
			return &models.ValidationError{Fields: map[string]string{"to_claim_id": "choose a claim, or give its number"}}
		}
		_, err := h.store.LinkClaims(c.Request().Context(), currentUser(c), id, to, f.Get("kind"), f.Get("note"))
		return err
	}, "Claims linked.")
}

func (h *Handler) claimAssign(c echo.Context) error {
	return h.claimForm(c, "assign", []string{"assignee", "version"}, func(id int64, f url.Values) error {
		u := currentUser(c)
		var assignee *int64
		switch a := f.Get("assignee"); a {
		case "none", "":
		case "me":
			assignee = &u.ID
		default:
			n, err := strconv.ParseInt(a, 10, 64)
			if err != nil {
				return &models.ValidationError{Fields: map[string]string{"assignee": "choose someone"}}
			}
			assignee = &n
		}
		_, err := h.store.Assign(c.Request().Context(), u, id, assignee, formVersion(f))
		return err
	}, "Assignment changed.")
}

func (h *Handler) claimNote(c echo.Context) error {
	return h.claimForm(c, "note", []string{"text"}, func(id int64, f url.Values) error {
		_, err := h.store.AddNote(c.Request().Context(), currentUser(c), id, f.Get("text"))
		return err
	}, "Note added.")
}

func (h *Handler) claimSignOff(c echo.Context) error {
	return h.claimForm(c, "signoff", []string{"version"}, func(id int64, f url.Values) error {
		_, err := h.store.SignOff(c.Request().Context(), currentUser(c), id, formVersion(f))
		return err
	}, "Verdict signed off: it is now published.")
}
