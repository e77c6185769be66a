package handlers

import (
	"strings"

	"claimdesk/models"
)

// versionActions are the activity rows that come with a new version of the
// claim, and the field each changed (an edit names its own fields).
var versionActions = map[string]string{
	models.ActVerdictChanged: "verdict", models.ActVerifiabilityChanged: "verifiability", models.ActAssigned: "assignee",
	models.ActSignedOff: "sign-off", models.ActWithdrawn: "withdrawn", models.ActRestored: "restored",
	models.ActTagged: "tags",
}

// conflictChanges names every field changed since version from, and by
// whom, from the newest activity rows that made the versions after it: what
// a refused (409) form tells the person whose change was based on from.
func conflictChanges(acts []models.Activity, from, current int64) []string {
	n := current - from
	if from <= 0 || n <= 0 {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(field, by string) {
		s := field
		if by != "" {
			s += " (by " + by + ")"
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := len(acts) - 1; i >= 0 && n > 0; i-- {
		a := acts[i]
		if a.Action == models.ActEdited {
			n--
			for _, ch := range a.Changes() {
				f := strings.ReplaceAll(ch.Field, "_", " ")
				if ch.Field == "source_id" {
					f = "claimant"
				}
				add(f, a.ActorName)
			}
			continue
		}
		if f, ok := versionActions[a.Action]; ok {
			n--
			add(f, a.ActorName)
		}
	}
	// Reverse to the order they happened in.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
