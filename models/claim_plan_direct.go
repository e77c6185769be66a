package models

import (
	"sort"
	"strings"
)

// A view that is nothing but equal values on an index's leading columns,
// sorted by the index's next column, is served by that index alone: it
// hands over the view's claims already in order, reading no claim that does
// not match. walkSortIndex's choice is between walking the sort's index and
// sorting every match; neither is needed then. At a million claims the
// desk's "unconfirmed in my story" or "assigned to me, unconfirmed" first
// page walked the reported-time index over one to two thousand claims to
// find fifty, and a story's verified claims over four thousand.

// directIndexes names, by the filter's columns (sorted, joined by "+") and
// the sort (without its direction), the index that serves such a view.
var directIndexes = map[string]string{
	"story reported":                     "claims_story",
	"source reported":                    "claims_source",
	"assignee reported":                  "claims_assignee",
	"unconfirmed reported":               "claims_unconfirmed",
	"verdict reported":                   "claims_verdict",
	"verifiability reported":             "claims_verifiability",
	"story+unconfirmed reported":         "claims_story_unconfirmed",
	"source+unconfirmed reported":        "claims_source_unconfirmed",
	"assignee+unconfirmed reported":      "claims_assignee_unconfirmed",
	"unconfirmed+verifiability reported": "claims_verifiability_unconfirmed",
	"story+verdict reported":             "claims_story_verdict_reported",
	"source+verdict reported":            "claims_source_verdict_reported",
	"unconfirmed updated":                "claims_unconfirmed_updated",
	"story updated":                      "claims_story_updated",
}

// directIndex is the index that serves f's page by itself (see
// directIndexes), or "" when f has any other condition: a second value of
// a column, a search, a tag, a date range, unassigned claims, close
// matches, the sign-off queue, or withdrawn claims alone (few, found by
// their own index). The stale view is the unconfirmed view cut off at a
// reported time, which the reported-time order serves as well.
func directIndex(f ClaimFilter) string {
	if f.Withdrawn == WithdrawnOnly || f.Query != "" || f.Tag != "" || f.Since != nil || f.Until != nil ||
		f.Unassigned || f.CloseMatch || f.AwaitingSignOff || len(f.Verdicts) > 1 || len(f.Verifiability) > 1 {
		return ""
	}
	sortBy := strings.TrimPrefix(f.Sort, "-")
	if f.Stale && sortBy != "reported" {
		return ""
	}
	var cols []string
	for _, c := range []struct {
		on   bool
		name string
	}{
		{len(f.Verdicts) == 1, "verdict"}, {len(f.Verifiability) == 1, "verifiability"}, {f.Unconfirmed || f.Stale, "unconfirmed"},
		{f.StoryID > 0, "story"}, {f.SourceID > 0, "source"}, {f.AssigneeID > 0, "assignee"},
	} {
		if c.on {
			cols = append(cols, c.name)
		}
	}
	if len(cols) == 0 {
		return ""
	}
	sort.Strings(cols)
	return directIndexes[strings.Join(cols, "+")+" "+sortBy]
}

// coveringDirect are the direct indexes that hold every filter column the
// order indexes hold (schemaV19, schemaV21): their walk checks the view
// without reading a claim.
var coveringDirect = map[string]bool{"claims_story": true, "claims_assignee": true, "claims_story_updated": true}

// directOnPage reports whether direct serves f's page of wanted claims: a
// page deep by offset of a view the order indexes hold is not read through
// a narrow direct index, which reads the row of every claim it skips to
// check that it is not withdrawn (10,000 rows for page 200, 25–30 ms of CPU
// at a million claims), where a covered walk checks the index alone.
func directOnPage(direct string, f ClaimFilter, wanted int64) bool {
	return direct != "" && (wanted <= int64(f.PerPage) || f.Withdrawn == WithdrawnIncluded || !walkCovered(f) || coveringDirect[direct])
}
