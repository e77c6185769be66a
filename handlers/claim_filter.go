package handlers

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"claimdesk/models"
)

// parseClaimFilter reads the claim list's filters from a query string; the
// API, the desk and every export use it, so a filtered view means the same
// rows everywhere. me is the user "assignee=me" stands for.
func parseClaimFilter(q url.Values, me *models.User) (models.ClaimFilter, error) {
	var f models.ClaimFilter
	errs := map[string]string{}
	for _, v := range splitList(q["verdict"]) {
		f.Verdicts = append(f.Verdicts, models.Verdict(v))
	}
	for _, v := range splitList(q["verifiability"]) {
		f.Verifiability = append(f.Verifiability, models.Verifiability(v))
	}
	f.Unconfirmed = truthy(q.Get("unconfirmed"))
	f.Stale = truthy(q.Get("stale"))
	f.StoryID = positiveInt(q.Get("story"), "story", errs)
	f.SourceID = positiveInt(q.Get("source"), "source", errs)
	switch a := strings.TrimSpace(q.Get("assignee")); a {
	case "":
	case "none":
		f.Unassigned = true
	case "me":
		if me != nil {
			f.AssigneeID = me.ID
		}
	default:
		f.AssigneeID = positiveInt(a, "assignee", errs)
	}
	f.Query = strings.TrimSpace(q.Get("q"))
	f.Since = parseTimeParam(q.Get("since"), "since", errs)
	f.Until = parseTimeParam(q.Get("until"), "until", errs)
	f.Sort = strings.TrimSpace(q.Get("sort"))
	f.Page = int(positiveInt(q.Get("page"), "page", errs))
	f.PerPage = int(positiveInt(q.Get("per_page"), "per_page", errs))
	if len(errs) > 0 {
		return f, &models.ValidationError{Fields: errs}
	}
	if v := f.Validate(); v != nil {
		return f, v
	}
	return f, nil
}

// splitList accepts both ?verdict=a&verdict=b and ?verdict=a,b.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	if len(out) > 20 {
		out = out[:20]
	}
	return out
}

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

func positiveInt(s, field string, errs map[string]string) int64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		errs[field] = "must be a positive whole number"
		return 0
	}
	return n
}

// parseTimeParam accepts RFC 3339 times and plain dates (midnight UTC).
func parseTimeParam(s, field string, errs map[string]string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t
		}
	}
	errs[field] = "must be a date (2026-11-25) or a time (2026-11-25T14:00:00Z)"
	return nil
}
