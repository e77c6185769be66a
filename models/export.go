package models

import (
	"context"
	"database/sql"
	"strconv"
	"time"
)

// ExportChunk is how many claims an export reads per query. Each chunk is one
// keyset-paginated claims query plus one IN query for their evidence, so an
// export's memory is bounded by the chunk, never by the number of claims, and
// no read transaction stays open for the whole export (which would keep the
// WAL from being checkpointed while a million rows go out).
const ExportChunk = 1000

// ExportRow is one claim as the exports write it: the claim with its story,
// entry, claimant and reviewers' names, its standing evidence and the figures
// derived from them. A row handed to an EachExportRow callback is only valid
// during the call: the next chunk reuses its memory.
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

	sortKey sql.NullString // the keyset cursor's sort column, as stored
}

// Published reports whether the row's verdict is final and signed off: the
// only verdicts the ClaimReview export may show.
func (r *ExportRow) Published() bool { return r.Verdict.Final() && r.SignedOffAt != nil }

// exportSort is a keyset order: a whitelisted column (empty: the id alone)
// and its direction. Nothing a client typed reaches the SQL.
type exportSort struct {
	col  string
	desc bool
}

// exportSorts maps every claim-list sort to a keyset order. "relevance" (the
// list's default with a query) ranks by full-text score, which cannot be paged
// by key in bounded memory; an export with it is written newest first.
var exportSorts = map[string]exportSort{
	"-reported": {"claims.reported_at", true},
	"reported":  {"claims.reported_at", false},
	"-created":  {"claims.created_at", true},
	"created":   {"claims.created_at", false},
	"-updated":  {"claims.updated_at", true},
	"updated":   {"claims.updated_at", false},
	"-id":       {"", true},
	"id":        {"", false},
	"relevance": {"claims.reported_at", true},
}

// exportColumns are the columns an export reads, in the order scanRow scans them.
const exportColumns = `claims.id, claims.story_id, st.title, claims.entry_id, COALESCE(e.position, 0),
	COALESCE(e.time_text, ''), COALESCE(e.headline, ''), s.name, s.role, s.kind,
	claims.text, claims.quote, claims.verb, claims.direct, claims.channel, claims.via,
	claims.made_at, claims.reported_at, claims.reported_url, claims.verifiability, claims.verifiability_reason,
	claims.verdict, claims.verdict_rationale, COALESCE(uv.name, ''), claims.verdict_at,
	COALESCE(us.name, ''), claims.signed_off_at`

// EachExportRow calls fn for every claim that matches f, in f's order, reading
// ExportChunk claims at a time; f's page and per_page are ignored (an export
// holds every match). It stops at the first error fn returns, and when ctx is
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

func (s *Store) eachExportRow(ctx context.Context, f ClaimFilter, published bool, fn func(*ExportRow) error) error {
	f.Page, f.PerPage = 0, 0
	if v := f.Validate(); v != nil {
		return v
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Two goroutines, two chunk buffers: while fn writes out one chunk, the
	// next is read from the database, so an export keeps both of a small
	// server's cores busy. Memory stays at two chunks.
	free := make(chan []ExportRow, 2)
	free <- make([]ExportRow, 0, ExportChunk)
	free <- make([]ExportRow, 0, ExportChunk)
	full := make(chan []ExportRow, 1)
	var readErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(full)
		readErr = s.readExportChunks(ctx, f, published, free, full)
	}()
	var fnErr error
	for chunk := range full {
		for i := range chunk {
			if fnErr = fn(&chunk[i]); fnErr != nil {
				break
			}
		}
		if fnErr != nil {
			break
		}
		free <- chunk
	}
	cancel()
	<-done
	if fnErr != nil {
		return fnErr
	}
	return readErr
}

// readExportChunks reads chunk after chunk into buffers taken from free and
// hands them on through full, until the last chunk, an error, or ctx ends.
func (s *Store) readExportChunks(ctx context.Context, f ClaimFilter, published bool, free <-chan []ExportRow, full chan<- []ExportRow) error {
	order := exportSorts[f.Sort]
	now := s.Now()
	var last *ExportRow
	scratch := &Claim{}
	for {
		var buf []ExportRow
		select {
		case buf = <-free:
		case <-ctx.Done():
			return ctx.Err()
		}
		chunk, err := s.exportChunk(ctx, f, published, order, last, now, buf[:0])
		if err != nil {
			return err
		}
		if len(chunk) == 0 {
			return nil
		}
		if err := s.loadExportEvidence(ctx, chunk); err != nil {
			return err
		}
		for i := range chunk {
			r := &chunk[i]
			r.Corroboration = Corroboration(r.Evidence)
			*scratch = Claim{ClaimantName: r.ClaimantName, ClaimantRole: r.ClaimantRole, Text: r.Text,
				Verdict: r.Verdict, Verifiability: r.Verifiability, SignedOffAt: r.SignedOffAt}
			r.AttributionLine = AttributionLine(scratch)
		}
		// The cursor must outlive the buffer, which the consumer will reuse.
		cur := chunk[len(chunk)-1]
		last = &ExportRow{ID: cur.ID, sortKey: cur.sortKey}
		select {
		case full <- chunk:
		case <-ctx.Done():
			return ctx.Err()
		}
		if len(chunk) < ExportChunk {
			return nil
		}
	}
}

// exportChunk reads the next chunk after last (nil: the first chunk) into buf.
func (s *Store) exportChunk(ctx context.Context, f ClaimFilter, published bool, order exportSort,
	last *ExportRow, now time.Time, buf []ExportRow) ([]ExportRow, error) {
	cols := exportColumns + `, NULL`
	orderBy := "claims.id ASC"
	cmp := ">"
	if order.desc {
		orderBy, cmp = "claims.id DESC", "<"
	}
	if order.col != "" {
		// CAST: the cursor compares against the text as stored, exactly.
		cols = exportColumns + `, CAST(` + order.col + ` AS TEXT)`
		if order.desc {
			orderBy = order.col + " DESC, claims.id DESC"
		} else {
			orderBy = order.col + " ASC, claims.id ASC"
		}
	}
	db := f.apply(s.read(ctx).Table("claims"), now, s.staleAfter).
		Select(cols).
		Joins("JOIN sources s ON s.id = claims.source_id").
		Joins("JOIN stories st ON st.id = claims.story_id").
		Joins("LEFT JOIN entries e ON e.id = claims.entry_id").
		Joins("LEFT JOIN users uv ON uv.id = claims.verdict_by_id").
		Joins("LEFT JOIN users us ON us.id = claims.signed_off_by_id")
	if published {
		db = db.Where("claims.verdict IN ? AND claims.signed_off_at IS NOT NULL",
			verdictStrings([]Verdict{Verified, False, Misleading}))
	}
	if last != nil {
		if order.col == "" {
			db = db.Where("claims.id "+cmp+" ?", last.ID)
		} else {
			// A row value comparison walks the (column, id) index from the cursor on.
			db = db.Where("("+order.col+", claims.id) "+cmp+" (?, ?)", last.sortKey.String, last.ID)
		}
	}
	rows, err := db.Order(orderBy).Limit(ExportChunk).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		buf = append(buf, ExportRow{})
		if err := scanExportRow(rows, &buf[len(buf)-1]); err != nil {
			return nil, err
		}
	}
	return buf, rows.Err()
}

// scanExportRow scans one row of exportColumns (plus the sort key) into r.
func scanExportRow(rows *sql.Rows, r *ExportRow) error {
	var entryID sql.NullInt64
	var madeAt, verdictAt, signedAt sql.NullTime
	var verifiability, verdict string
	err := rows.Scan(&r.ID, &r.StoryID, &r.StoryTitle, &entryID, &r.EntryPosition,
		&r.EntryTime, &r.EntryHeadline, &r.ClaimantName, &r.ClaimantRole, &r.ClaimantKind,
		&r.Text, &r.Quote, &r.Verb, &r.Direct, &r.Channel, &r.Via,
		&madeAt, &r.ReportedAt, &r.ReportedURL, &verifiability, &r.VerifiabilityReason,
		&verdict, &r.VerdictRationale, &r.VerdictByName, &verdictAt,
		&r.SignedOffByName, &signedAt, &r.sortKey)
	if err != nil {
		return err
	}
	r.Verifiability, r.Verdict = Verifiability(verifiability), Verdict(verdict)
	if entryID.Valid {
		id := entryID.Int64
		r.EntryID = &id
	}
	r.MadeAt, r.VerdictAt, r.SignedOffAt = nullTime(madeAt), nullTime(verdictAt), nullTime(signedAt)
	r.ReportedAt = r.ReportedAt.UTC()
	return nil
}

func nullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

// loadExportEvidence fills the standing evidence of every row of the chunk
// with one IN query: never one query per claim.
func (s *Store) loadExportEvidence(ctx context.Context, chunk []ExportRow) error {
	ids := make([]byte, 0, len(chunk)*8)
	ids = append(ids, '[')
	byID := make(map[int64]int, len(chunk))
	for i := range chunk {
		if i > 0 {
			ids = append(ids, ',')
		}
		ids = strconv.AppendInt(ids, chunk[i].ID, 10)
		byID[chunk[i].ID] = i
		chunk[i].Evidence = chunk[i].Evidence[:0]
	}
	ids = append(ids, ']')
	// The ids go in as one JSON array argument: the statement stays the same
	// whatever the chunk, instead of a thousand placeholders to prepare and bind.
	rows, err := s.read(ctx).Raw(`SELECT id, claim_id, kind, stance, url, title, origin, file_sha256, file_name,
		file_size, file_type, created_at FROM evidence
		WHERE removed_at IS NULL AND claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, id`, string(ids)).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ev Evidence
		var sha sql.NullString
		if err := rows.Scan(&ev.ID, &ev.ClaimID, &ev.Kind, &ev.Stance, &ev.URL, &ev.Title, &ev.Origin, &sha,
			&ev.FileName, &ev.FileSize, &ev.FileType, &ev.CreatedAt); err != nil {
			return err
		}
		if sha.Valid {
			ev.FileSHA256 = &sha.String
		}
		ev.CreatedAt = ev.CreatedAt.UTC()
		if i, ok := byID[ev.ClaimID]; ok {
			chunk[i].Evidence = append(chunk[i].Evidence, ev)
		}
	}
	return rows.Err()
}
