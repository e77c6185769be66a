package handlers

import (
	"net/url"
	"time"

	"claimdesk/models"
)

// parseClaimFilter reads the claim list's filters from a query string; the
// API, the desk and every export use it (and the export command, through
// models.ParseClaimFilter), so a filtered view means the same rows everywhere.
// me is the user "assignee=me" stands for.
func parseClaimFilter(q url.Values, me *models.User) (models.ClaimFilter, error) {
	var meID int64
	if me != nil {
		meID = me.ID
	}
	return models.ParseClaimFilter(q, meID)
}

// parseTimeParam accepts RFC 3339 times and plain dates (midnight UTC),
// recording a message for field in errs otherwise.
func parseTimeParam(s, field string, errs map[string]string) *time.Time {
	t, ok := models.ParseFilterTime(s)
	if !ok {
		errs[field] = models.TimeParamMessage
	}
	return t
}
