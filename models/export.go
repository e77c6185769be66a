package models

import (
	"bytes"
	"cmp"
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ExportChunk is how many rows an export writes between flushes: after every
// ExportChunk rows the buffered bytes are handed to the writer, the progress
// hook is called and a cancelled context (a client that went away) stops the
// export. The rows themselves stream from the database a few batches of
// exportBatchRows ahead of the writing (see eachExportRaw), so an export's
// memory is bounded by those batches and the write buffer, never by the
// number of claims.
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
	// Corrections are the claim's corrections since it was first
	// published, oldest first (see Correction).
	Corrections []ExportCorrection
	// Tags are the claim's tags in order (see export_tags.go).
	Tags []string
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

// exportReportedAt is the column of the default order, which the export
// reads anyway.
const exportReportedAt = "claims.reported_at"

// exportSorts maps every claim-list sort to an indexed order. "relevance" (the
// list's default with a query) ranks by full-text score, which cannot be
// streamed in index order; an export with it is written newest first.
var exportSorts = map[string]exportSort{
	"-reported": {exportReportedAt, "claims_reported", true},
	"reported":  {exportReportedAt, "claims_reported", false},
	"-created":  {"claims.created_at", "claims_created", true},
	"created":   {"claims.created_at", "claims_created", false},
	"-updated":  {"claims.updated_at", "claims_updated", true},
	"updated":   {"claims.updated_at", "claims_updated", false},
	"-id":       {"", "", true},
	"id":        {"", "", false},
	"relevance": {exportReportedAt, "claims_reported", true},
	// The sign-off queue's orders (see signOffSorts).
	"verdict_at":  {"claims.verdict_at", "claims_verdict_at", false},
	"-verdict_at": {"claims.verdict_at", "claims_verdict_at", true},
}

// before reports whether row a comes before row b in the order: by the
// column's stored values as the database orders them, then by id.
func (o exportSort) before(a, b *exportRaw) bool {
	c := 0
	if o.col != "" {
		c = compareStored(a.orderValue(o), b.orderValue(o))
	}
	if c == 0 {
		c = cmp.Compare(a.id, b.id)
	}
	if o.desc {
		return c > 0
	}
	return c < 0
}

// compareStored orders two stored values as SQLite's ORDER BY does: NULL
// first, then numbers by value, then text and blobs by their bytes (the
// BINARY collation). Times, as other drivers hand them over, by instant.
func compareStored(a, b any) int {
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok {
			return strings.Compare(x, y) // the usual case: times stored as text
		}
	}
	ra, rb := storedRank(a), storedRank(b)
	if ra != rb {
		return cmp.Compare(ra, rb)
	}
	switch x := a.(type) {
	case int64:
		if y, ok := b.(int64); ok {
			return cmp.Compare(x, y)
		}
		return cmp.Compare(float64(x), b.(float64))
	case float64:
		if y, ok := b.(int64); ok {
			return cmp.Compare(x, float64(y))
		}
		return cmp.Compare(x, b.(float64))
	case string:
		return strings.Compare(x, b.(string))
	case []byte:
		return bytes.Compare(x, b.([]byte))
	case time.Time:
		return x.Compare(b.(time.Time))
	}
	return 0
}

// storedRank is the place of a value's storage class in SQLite's order.
func storedRank(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case int64, float64:
		return 1
	case string:
		return 2
	case []byte:
		return 3
	}
	return 4 // time.Time: a column of times holds nothing else
}

// exportQuery is one export's walk through the claims.
type exportQuery struct {
	s         *Store
	f         ClaimFilter
	published bool
	order     exportSort
	now       time.Time
	// full asks for every evidence field (the CSV needs only some).
	full bool
	// pinned forces the order's own index: set when the planner would
	// otherwise sort every match before the first row goes out.
	pinned bool
	// parts, when above 1, splits the claims between readers by runs of
	// exportPartIDs ids: this statement reads the runs whose number modulo
	// parts is part.
	parts, part int
}

// exportPartIDs is how many consecutive claim ids go to the same reader.
// Neighbouring claims share a page: split one by one, every reader would
// read every page.
const exportPartIDs = 64

// EachExportRow calls fn for every claim that matches f, in f's order, as
// the claims stream from the database; f's page and per_page are ignored (an
// export holds every match). It stops at the first error fn returns, and when
// ctx is cancelled (a client that went away).
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
	var attr attributionWriter
	var line []byte
	return s.eachExportRaw(ctx, f, published, true, func(x *exportRaw) error {
		x.fill(&r)
		r.Corroboration = exportCorroboration(x.evs, x.claimant)
		line = attr.appendLine(line[:0], x)
		r.AttributionLine = string(line)
		return fn(&r)
	})
}

// query builds the export's claims statement: the claims matching the
// list's own filters in the export's order, each with its standing evidence
// (see sqliteEvidenceJoin).
func (q *exportQuery) query(db *gorm.DB) *gorm.DB {
	table := "claims"
	if q.pinned {
		table = sqlitePinnedTable(q.order)
	}
	db = q.f.apply(db.Table(table), q.now, q.s.staleAfter)
	if q.parts > 1 {
		db = db.Where("claims.id / ? % ? = ?", exportPartIDs, q.parts, q.part)
	}
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
	return db.Select(sqliteExportSelect(q.order, q.full)).Joins(sqliteEvidenceJoin).Order(orderBy + ", e.id")
}

// statement renders the export query as SQL and its arguments.
func (q *exportQuery) statement(db *gorm.DB) (string, []any) {
	stmt := q.query(db).Session(&gorm.Session{DryRun: true}).Find(&[]map[string]any{}).Statement
	return stmt.SQL.String(), stmt.Vars
}

// choosePlan pins the export to its order's index when the planner would
// otherwise sort every match first (see sqliteNeedsPin).
func (q *exportQuery) choosePlan(ctx context.Context) error {
	db, err := q.s.readDB()
	if err != nil {
		return err
	}
	query, args := q.statement(q.s.read(ctx))
	q.pinned, err = sqliteNeedsPin(ctx, db, query, args)
	return err
}
