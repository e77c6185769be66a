package models

import (
	"context"
	"strings"
	"time"
)

// Walking an order inside its index. Since schema step 19 the indexes that
// give the list's orders hold the columns of the desk's common filters
// (verdict, verifiability, unconfirmed, assignee, story, withdrawn, signed
// off) and the report time (schemaV19). A view whose filters are all among
// those is walked in its order without reading a single claim's row: each
// entry the walk passes over is checked in the index. At a million claims
// (sqlite3, CPU time, five runs each, load 7) such a walk passed over
// 352,000 entries of the id index in 29–39 ms (0.08–0.11 µs an entry) to
// page 200 of a story's unconfirmed unassigned claims, where reading the
// story's 42,500 unconfirmed claims from their index to sort the matches
// took 76–101 ms (1.8–2.4 µs a claim read); page 200 of two verdicts that
// cannot be verified walked 145,000 entries of the report-time index in
// 17–19 ms, and 90 ms when each claim was read to check it. So for these
// views a walk is worth passing over about coveredWalkPerSorted entries
// for each claim a sort would read: the view of one story's claims
// assigned to one fact-checker (2,240 of a million, found before through
// the story's 67,000 claims or the assignee's 33,000, 120–450 ms) now
// walks about 22,000 entries of the order's index for its first page.
//
// A view with a source, a tag, a close match or a search is not held by the
// index: its walk reads each claim as before, and in id order it walks the
// table itself (whose rows are in id order) rather than the index.

// coveredWalkPerSorted is how many index entries a walk inside the index
// passes over in the time a sort spends per claim it reads through a
// filter's index: 1.6–2.4 µs a claim over 0.08–0.12 µs an entry, 13 to 22
// times as much.
const coveredWalkPerSorted = 16

// walkCovered reports whether the widened order indexes hold every filter of
// f (see coveredFilterColumns), so that a walk checks them without reading
// the claims.
func walkCovered(f ClaimFilter) bool {
	return f.SourceID == 0 && f.Tag == "" && !f.CloseMatch && strings.TrimSpace(f.Query) == ""
}

// sortWalk is the table expression that walks the claims in f's order on
// SQLite ("" when no index gives it): by the sort's index, or in id order
// by the narrow id index when it holds f's filters, else by the table.
func sortWalk(f ClaimFilter) string {
	sortBy := strings.TrimPrefix(f.Sort, "-")
	if sortBy == "id" && walkCovered(f) {
		return "claims INDEXED BY claims_id_filters"
	}
	return sortWalks[sortBy]
}

// walkBeatsSort reports whether walking f's order to the page's wanted
// matches costs less than sorting all total matches (see walkSortIndex).
// When the walk stays inside the index, it passes over about
// wanted×rows/total entries, and the sort costs what reading the matches
// from their narrowest index costs (narrowestIndex), at least total entries:
// so a walk that passes over no more than total entries is taken without
// counting the candidates.
func (s *Store) walkBeatsSort(ctx context.Context, f ClaimFilter, now time.Time, wanted, total, rows int64) bool {
	if !walkCovered(f) || total <= 0 {
		return walkSortIndex(wanted, total, rows)
	}
	walk := float64(wanted) * float64(rows) / float64(total)
	if walk <= float64(total) {
		return true
	}
	name, sorted := s.sortedCost(ctx, f, now, wanted, total)
	return name == "" || walk < sorted
}

// coveredRangeLate is walkMeetsRangeLate for a view the order indexes hold
// (walkCovered), given the skipped claims reported before its range: the
// walk passes over those and about wanted×rows/total entries more, the sort
// costs what reading the matches from their narrowest index costs (the
// report-time index's range among the candidates). At a million claims,
// `since=2026-11-01&sort=id` walked 911,000 entries before the range's
// first, where the range's 89,000 entries of the report-time index are
// read and their matches sorted in 9 ms of CPU.
func (s *Store) coveredRangeLate(ctx context.Context, f ClaimFilter, now time.Time, skipped, wanted, total, rows int64) bool {
	name, sorted := s.sortedCost(ctx, f, now, wanted, total)
	// Reading the matches passes over every one of them at least (the
	// counts of a few hours at a range's ends may be a moment older).
	sorted = max(sorted, float64(total))
	walk := float64(skipped) + float64(wanted)*float64(rows)/float64(total)
	return name != "" && walk > sorted
}
