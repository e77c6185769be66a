package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ExportChunk is how many rows an export writes between flushes: after every
// ExportChunk rows the buffered bytes are handed to the writer, the progress
// hook is called and a cancelled context (a client that went away) stops the
// export. The rows themselves come from one streaming query (see
// eachExportRaw), so an export's memory is bounded by one row and the write
// buffer, never by the number of claims.
const ExportChunk = 1000

// ExportRow is one claim as the exports write it: the claim with its story,
// entry, claimant and reviewers' names, its standing evidence and the figures
// derived from them. A row handed to an EachExportRow callback is only valid
// during the call: the next row reuses its memory.
type ExportRow struct {
	ID                  int64
	StoryID             int64
	StoryTitle          string
	EntryID             *int64
	EntryPosition       int
	EntryTime           string
	EntryHeadline       string
	ClaimantName        string
	ClaimantRole        string
	ClaimantKind        string
	Text                string
	Quote               string
	Verb                string
	Direct              bool
	Channel             string
	Via                 string
	MadeAt              *time.Time
	ReportedAt          time.Time
	ReportedURL         string
	Verifiability       Verifiability
	VerifiabilityReason string
	Verdict             Verdict
	VerdictRationale    string
	VerdictByName       string
	VerdictAt           *time.Time
	SignedOffByName     string
	SignedOffAt         *time.Time
	// Evidence is the standing (not removed) evidence, oldest first.
	Evidence []Evidence
	// Corroboration counts the independent origins among the supporting
	// evidence (see Corroboration).
	Corroboration int
	// AttributionLine is the ready sentence for copy (see AttributionLine).
	AttributionLine string
}

// Published reports whether the row's verdict is final and signed off: the
// only verdicts the ClaimReview export may show.
func (r *ExportRow) Published() bool { return r.Verdict.Final() && r.SignedOffAt != nil }

// exportSort is an export's order: a whitelisted column (empty: the id alone),
// the index that holds it in order, and the direction. Nothing a client typed
// reaches the SQL.
type exportSort struct {
	col, index string
	desc       bool
}

// exportSorts maps every claim-list sort to an indexed order. "relevance" (the
// list's default with a query) ranks by full-text score, which cannot be
// streamed in index order; an export with it is written newest first.
var exportSorts = map[string]exportSort{
	"-reported": {"claims.reported_at", "claims_reported", true},
	"reported":  {"claims.reported_at", "claims_reported", false},
	"-created":  {"claims.created_at", "claims_created", true},
	"created":   {"claims.created_at", "claims_created", false},
	"-updated":  {"claims.updated_at", "claims_updated", true},
	"updated":   {"claims.updated_at", "claims_updated", false},
	"-id":       {"", "", true},
	"id":        {"", "", false},
	"relevance": {"claims.reported_at", "claims_reported", true},
}

// exportQuery is one export's walk through the claims.
type exportQuery struct {
	s         *Store
	f         ClaimFilter
	published bool
	order     exportSort
	now       time.Time
	// pinned forces the order's own index: set when the planner would
	// otherwise sort every match before the first row goes out.
	pinned bool
}

// EachExportRow calls fn for every claim that matches f, in f's order, from
// one streaming query; f's page and per_page are ignored (an export holds
// every match). It stops at the first error fn returns, and when ctx is
// cancelled (a client that went away).
func (s *Store) EachExportRow(ctx context.Context, f ClaimFilter, fn func(*ExportRow) error) error {
	return s.eachExportRow(ctx, f, false, fn)
}

// EachPublishedRow is EachExportRow restricted to published verdicts (final and
// signed off): what the ClaimReview export may show, filtered in SQL so that an
// unpublished verdict never even leaves the database.
func (s *Store) EachPublishedRow(ctx context.Context, f ClaimFilter, fn func(*ExportRow) error) error {
	return s.eachExportRow(ctx, f, true, fn)
}

// eachExportRow turns the raw rows of the export query into ExportRows.
func (s *Store) eachExportRow(ctx context.Context, f ClaimFilter, published bool, fn func(*ExportRow) error) error {
	var r ExportRow
	var evs []exportEvidence
	scratch := &Claim{}
	return s.eachExportRaw(ctx, f, published, func(x *exportRaw) error {
		var err error
		if evs, err = x.evidence(evs[:0]); err != nil {
			return err
		}
		x.fill(&r, evs)
		r.Corroboration = exportCorroboration(evs)
		*scratch = Claim{ClaimantName: r.ClaimantName, ClaimantRole: r.ClaimantRole, Text: r.Text,
			Verdict: r.Verdict, Verifiability: r.Verifiability, SignedOffAt: r.SignedOffAt}
		r.AttributionLine = AttributionLine(scratch)
		return fn(&r)
	})
}

// query builds the export's one query: the claims matching the list's own
// filters in the export's order, each with its standing evidence aggregated
// into one column.
func (q *exportQuery) query(db *gorm.DB) *gorm.DB {
	table := "claims"
	if q.pinned {
		table = "claims NOT INDEXED"
		if q.order.index != "" {
			table = "claims INDEXED BY " + q.order.index
		}
	}
	db = q.f.apply(db.Table(table), q.now, q.s.staleAfter)
	if q.published {
		db = db.Where("claims.verdict IN ? AND claims.signed_off_at IS NOT NULL",
			verdictStrings([]Verdict{Verified, False, Misleading}))
	}
	dir := " ASC"
	if q.order.desc {
		dir = " DESC"
	}
	orderBy := "claims.id" + dir
	if q.order.col != "" {
		orderBy = q.order.col + dir + ", claims.id" + dir
	}
	return db.Select(exportSelect).Order(orderBy)
}

// statement renders the export query as SQL and its arguments.
func (q *exportQuery) statement(db *gorm.DB) (string, []any) {
	stmt := q.query(db).Session(&gorm.Session{DryRun: true}).Find(&[]map[string]any{}).Statement
	return stmt.SQL.String(), stmt.Vars
}

// choosePlan asks SQLite how it would run the export. A plan that sorts (an
// index on a filter column that does not hold the export's order, as with
// several verdicts at once or a full-text query) would sort every match before
// the first row goes out, holding them all; such an export is pinned to the
// order's own index instead, which it walks once from start to end.
func (q *exportQuery) choosePlan(ctx context.Context) error {
	query, args := q.statement(q.s.read(ctx))
	rows, err := q.s.read(ctx).Raw("EXPLAIN QUERY PLAN "+query, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent, unused int64
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return err
		}
		if strings.Contains(detail, "TEMP B-TREE FOR ORDER BY") && parent == 0 {
			q.pinned = true
		}
	}
	return rows.Err()
}
