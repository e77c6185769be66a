package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// claimEditFields are the fields of the claim page's edit form.
var claimEditFields = []string{"text", "quote", "claimant", "verb", "direct", "channel", "via", "reported_at", "reported_url", "reason", "version"}

// editTimeLayout is how the edit form shows and reads the reported time (UTC).
const editTimeLayout = "2006-01-02T15:04"

// ValOr returns what the user typed into field of the form just submitted,
// else def: the edit form starts from the claim and keeps what was typed.
func (v view) ValOr(form, field, def string) string {
	if v.Form.Get("_form") != form {
		return def
	}
	return v.Form.Get(field)
}

// Checked says whether a checkbox of the edit form is ticked: as submitted
// when the form came back, else as the claim has it.
func (v view) Checked(form, field string, def bool) bool {
	if v.Form.Get("_form") != form {
		return def
	}
	return v.Form.Get(field) == "on"
}

// claimEdit saves the claim page's edit form through the same models
// function as the API's PATCH, so versions, the activity row and the rules
// for published claims are the same everywhere.
func (h *Handler) claimEdit(c echo.Context) error {
	return h.claimForm(c, "edit", claimEditFields, func(id int64, f url.Values) error {
		ctx := c.Request().Context()
		cur, err := h.store.Claim(ctx, id)
		if err != nil {
			return err
		}
		in, err := editInput(cur, f)
		if err != nil {
			return err
		}
		_, err = h.store.UpdateClaim(ctx, currentUser(c), id, formVersion(f), in)
		return err
	}, "Claim saved.")
}

// editInput turns the edit form into a change of the fields that differ from
// the claim as it is; the claimant only when its name was changed, so an
// unchanged name never re-matches the claim to another source.
func editInput(cur *models.Claim, f url.Values) (models.ClaimInput, error) {
	str := func(k string) *string { v := f.Get(k); return &v }
	direct := f.Get("direct") == "on"
	in := models.ClaimInput{Text: str("text"), Quote: str("quote"), Verb: str("verb"), Direct: &direct,
		Channel: str("channel"), Via: str("via"), ReportedURL: str("reported_url"), Reason: str("reason")}
	if name := strings.TrimSpace(f.Get("claimant")); name != strings.TrimSpace(cur.ClaimantName) {
		if name == "" {
			return in, &models.ValidationError{Fields: map[string]string{"claimant": "is required"}}
		}
		in.Claimant = &name
	}
	if s := strings.TrimSpace(f.Get("reported_at")); s != cur.ReportedAt.UTC().Format(editTimeLayout) {
		t, err := time.ParseInLocation(editTimeLayout, s, time.UTC)
		if err != nil {
			return in, &models.ValidationError{Fields: map[string]string{"reported_at": "must be a date and time (UTC)"}}
		}
		in.ReportedAt = &t
	}
	return in, nil
}

// editLines words the "edited" rows of a claim's activity, one line per
// changed field ("claimant: Gladkov → Ivanov"), keyed by activity id. Claimants
// are named with one query for every source the edits mention.
func (h *Handler) editLines(ctx context.Context, acts []models.Activity) (map[int64][]string, error) {
	var ids []int64
	for _, a := range acts {
		for _, ch := range a.Changes() {
			if ch.Field == "source_id" {
				ids = append(ids, changeID(ch.Old), changeID(ch.New))
			}
		}
	}
	names, err := h.store.SourceNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, a := range acts {
		for _, ch := range a.Changes() {
			field, old, new := strings.ReplaceAll(ch.Field, "_", " "), models.ChangeValue(ch.Old), models.ChangeValue(ch.New)
			if ch.Field == "source_id" {
				field, old, new = "claimant", names[changeID(ch.Old)], names[changeID(ch.New)]
			}
			out[a.ID] = append(out[a.ID], fmt.Sprintf("%s: %s → %s", field, truncate(old, 300), truncate(new, 300)))
		}
	}
	return out, nil
}

// changeID reads a source id recorded in an edit's JSON.
func changeID(v any) int64 {
	if f, ok := v.(float64); ok {
		return int64(f)
	}
	return 0
}
