package models

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ParseClaimFilter reads the claim list's filters from a query string. The API,
// the desk, every export and the export command (which turns its flags into a
// query string) all use it, so one filtered view means the same rows
// everywhere. meID is the user "assignee=me" stands for; 0 when nobody is
// signed in, in which case "me" is refused rather than silently ignored.
func ParseClaimFilter(q url.Values, meID int64) (ClaimFilter, error) {
	var f ClaimFilter
	errs := map[string]string{}
	for _, v := range splitList(q["verdict"]) {
		f.Verdicts = append(f.Verdicts, Verdict(v))
	}
	for _, v := range splitList(q["verifiability"]) {
		f.Verifiability = append(f.Verifiability, Verifiability(v))
	}
	f.Unconfirmed = truthy(q.Get("unconfirmed"))
	f.Stale = truthy(q.Get("stale"))
	f.CloseMatch = truthy(q.Get("close_match"))
	f.StoryID = positiveInt(q.Get("story"), "story", errs)
	f.SourceID = positiveInt(q.Get("source"), "source", errs)
	switch a := strings.TrimSpace(q.Get("assignee")); a {
	case "":
	case "none":
		f.Unassigned = true
	case "me":
		if meID <= 0 {
			errs["assignee"] = "\"me\" needs a signed-in user; give a user id"
		}
		f.AssigneeID = meID
	default:
		f.AssigneeID = positiveInt(a, "assignee", errs)
	}
	f.Query = strings.TrimSpace(q.Get("q"))
	f.Since = timeParam(q.Get("since"), "since", errs)
	f.Until = timeParam(q.Get("until"), "until", errs)
	f.Sort = strings.TrimSpace(q.Get("sort"))
	switch w := strings.ToLower(strings.TrimSpace(q.Get("withdrawn"))); {
	case w == "only":
		f.Withdrawn = WithdrawnOnly
	case truthy(w):
		f.Withdrawn = WithdrawnIncluded
	}
	if t := q.Get("tag"); strings.TrimSpace(t) != "" {
		if f.Tag = NormTag(t); f.Tag == "" {
			errs["tag"] = "is not a tag"
		}
	}
	f.AwaitingSignOff = truthy(q.Get("awaiting_signoff"))
	f.Page = int(positiveInt(q.Get("page"), "page", errs))
	f.PerPage = int(positiveInt(q.Get("per_page"), "per_page", errs))
	f.After = strings.TrimSpace(q.Get("after"))
	if len(errs) > 0 {
		return f, &ValidationError{Fields: errs}
	}
	if v := f.Validate(); v != nil {
		return f, v
	}
	return f, nil
}

// TimeParamMessage is the message for a since/until (or any time field) that
// ParseFilterTime could not read, so every caller words it the same way.
const TimeParamMessage = "must be a date (2026-11-25) or a time (2026-11-25T14:00:00Z)"

// ParseFilterTime accepts RFC 3339 times, minutes without a zone, and plain
// dates (midnight UTC): what people type into a filter box or a flag. ok is
// false for anything else; an empty s is (nil, true).
func ParseFilterTime(s string) (t *time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t, true
		}
	}
	return nil, false
}

func timeParam(s, field string, errs map[string]string) *time.Time {
	t, ok := ParseFilterTime(s)
	if !ok {
		errs[field] = TimeParamMessage
	}
	return t
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
