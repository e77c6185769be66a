package models

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
)

// ExportChunk is how many claims an export reads per round: one
// keyset-paginated query for the next ids in order (on the claims table alone,
// so the planner walks an index in order rather than sorting), one query for
// those claims with their story, entry, claimant and reviewers, and one for
// their evidence. An export's memory is bounded by the chunk, never by the
// number of claims, and no read transaction stays open for the whole export
// (which would keep the WAL from being checkpointed while a million rows go
// out, and hold a pooled connection for as long as a slow client reads).
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

	sourceID, verdictByID, signedOffByID int64
}

// Published reports whether the row's verdict is final and signed off: the
// only verdicts the ClaimReview export may show.
func (r *ExportRow) Published() bool { return r.Verdict.Final() && r.SignedOffAt != nil }

// exportSort is a keyset order: a whitelisted column (empty: the id alone),
// the index that holds it in order, and the direction. Nothing a client typed
// reaches the SQL.
type exportSort struct {
	col, index string
	desc       bool
}

// exportSorts maps every claim-list sort to a keyset order. "relevance" (the
// list's default with a query) ranks by full-text score, which cannot be paged
// by key in bounded memory; an export with it is written newest first.
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

// exportColumns are the claim columns an export reads, in the order
// exportScanner scans them. The names shown beside a claim (story, entry,
// claimant, reviewers) repeat from claim to claim, so they are loaded once per
// chunk by loadExportNames instead of joined into every row.
const exportColumns = `id, story_id, entry_id, source_id, text, quote, verb, direct, channel, via,
	made_at, reported_at, reported_url, verifiability, verifiability_reason,
	verdict, verdict_rationale, verdict_by_id, verdict_at, signed_off_by_id, signed_off_at`

// exportCursor is where the next chunk starts: the last id and its sort value
// as stored.
type exportCursor struct {
	id  int64
	key string
}

// exportQuery is one export's walk through the claims.
type exportQuery struct {
	s         *Store
	f         ClaimFilter
	published bool
	order     exportSort
	now       time.Time
	// pinned forces the order's own index: set when the planner would
	// otherwise sort every remaining match for every chunk.
	pinned bool
}

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

// exportWorkers is how many chunks are loaded at once. Two keep both cores of
// a small server busy (one chunk loading while another is read and the
// previous one written out) and take at most three of the read pool's
// connections, each only for one short query at a time.
const exportWorkers = 2

// exportChunkResult is one loaded chunk, or why it could not be loaded.
type exportChunkResult struct {
	rows []ExportRow
	err  error
}

// exportJob is a chunk to load: its ids in order, and where to put the rows.
type exportJob struct {
	ids []int64
	out chan exportChunkResult
}

// eachExportRow runs the export as a pipeline: one goroutine pages through
// the matching ids in order, workers load the claims, evidence and
// attribution of a chunk each, and the caller's goroutine hands the rows to
// fn chunk by chunk in the original order. At most exportWorkers+2 chunks are
// in memory at any time.
func (s *Store) eachExportRow(ctx context.Context, f ClaimFilter, published bool, fn func(*ExportRow) error) error {
	f.Page, f.PerPage = 0, 0
	if v := f.Validate(); v != nil {
		return v
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q := &exportQuery{s: s, f: f, published: published, order: exportSorts[f.Sort], now: s.Now()}
	if err := q.choosePlan(ctx); err != nil {
		return err
	}
	jobs := make(chan exportJob)
	inOrder := make(chan chan exportChunkResult, exportWorkers)
	var wg sync.WaitGroup
	for range exportWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rows, err := s.loadExportChunk(ctx, j.ids)
				j.out <- exportChunkResult{rows, err} // buffered: never blocks
			}
		}()
	}
	var pageErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		defer close(inOrder)
		pageErr = q.pageIDs(ctx, func(ids []int64) error {
			out := make(chan exportChunkResult, 1)
			select {
			case inOrder <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- exportJob{ids: ids, out: out}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var err error
	for out := range inOrder {
		if err = ctx.Err(); err != nil {
			break
		}
		var res exportChunkResult
		select {
		case res = <-out:
		case <-ctx.Done():
			res.err = ctx.Err()
		}
		if err = res.err; err != nil {
			break
		}
		for i := range res.rows {
			if err = fn(&res.rows[i]); err != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	cancel()
	wg.Wait()
	if err != nil {
		return err
	}
	// The pager finished before the loop above ended, so its error (nil, a
	// query's, or the caller's cancellation) is not one cancel() caused.
	return pageErr
}

// pageIDs walks the matching ids in order, a chunk at a time, handing each
// chunk to fn, until the last chunk, an error or ctx ends.
func (q *exportQuery) pageIDs(ctx context.Context, fn func(ids []int64) error) error {
	var last *exportCursor
	for {
		var ids []int64
		var next *exportCursor
		err := q.s.withReadConn(ctx, func(db *gorm.DB) error {
			var err error
			ids, next, err = q.nextIDs(db, last, make([]int64, 0, ExportChunk))
			return err
		})
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if err := fn(ids); err != nil {
			return err
		}
		if len(ids) < ExportChunk {
			return nil
		}
		last = next
	}
}

// loadExportChunk loads the claims with these ids, in order, with their
// standing evidence, corroboration and attribution line.
func (s *Store) loadExportChunk(ctx context.Context, ids []int64) ([]ExportRow, error) {
	var chunk []ExportRow
	err := s.withReadConn(ctx, func(db *gorm.DB) error {
		var err error
		if chunk, err = exportRows(db, ids, make([]ExportRow, 0, len(ids))); err != nil {
			return err
		}
		if err := loadExportNames(db, chunk); err != nil {
			return err
		}
		return loadExportEvidence(db, chunk)
	})
	if err != nil {
		return nil, err
	}
	scratch := &Claim{}
	for i := range chunk {
		r := &chunk[i]
		r.Corroboration = Corroboration(r.Evidence)
		*scratch = Claim{ClaimantName: r.ClaimantName, ClaimantRole: r.ClaimantRole, Text: r.Text,
			Verdict: r.Verdict, Verifiability: r.Verifiability, SignedOffAt: r.SignedOffAt}
		r.AttributionLine = AttributionLine(scratch)
	}
	return chunk, nil
}

// withReadConn runs fn on one read connection, then has SQLite hand back the
// page cache the work filled. An export reads every page of a big table once;
// left in the caches of the pool's connections, those pages would make a
// million-row export hold a hundred megabytes it will never read again.
func (s *Store) withReadConn(ctx context.Context, fn func(db *gorm.DB) error) error {
	return s.read(ctx).Connection(func(db *gorm.DB) error {
		err := fn(db)
		if serr := db.Exec("PRAGMA shrink_memory").Error; err == nil {
			err = serr
		}
		return err
	})
}

// idQuery builds the query for the ids of the chunk after last (nil: the
// first chunk), on the claims table alone, with the list's own filters.
func (q *exportQuery) idQuery(db *gorm.DB, last *exportCursor) *gorm.DB {
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
	cols, orderBy, cmp := "claims.id, ''", "claims.id ASC", ">"
	if q.order.desc {
		orderBy, cmp = "claims.id DESC", "<"
	}
	if q.order.col != "" {
		// CAST: the cursor compares against the text as stored, exactly.
		cols = "claims.id, CAST(" + q.order.col + " AS TEXT)"
		dir := " ASC"
		if q.order.desc {
			dir = " DESC"
		}
		orderBy = q.order.col + dir + ", claims.id" + dir
	}
	if last != nil {
		if q.order.col == "" {
			db = db.Where("claims.id "+cmp+" ?", last.id)
		} else {
			// A row value comparison walks the (column, id) index on from the cursor.
			db = db.Where("("+q.order.col+", claims.id) "+cmp+" (?, ?)", last.key, last.id)
		}
	}
	return db.Select(cols).Order(orderBy).Limit(ExportChunk)
}

// choosePlan asks SQLite how it would read the first chunk. A plan that sorts
// (an index on a filter column that does not hold the export's order, as with
// several verdicts at once or a full-text query) would sort every remaining
// match again for every chunk; such an export is pinned to the order's own
// index instead, which it walks once from start to end.
func (q *exportQuery) choosePlan(ctx context.Context) error {
	stmt := q.idQuery(q.s.read(ctx), nil).Session(&gorm.Session{DryRun: true}).Find(&[]map[string]any{}).Statement
	rows, err := q.s.read(ctx).Raw("EXPLAIN QUERY PLAN "+stmt.SQL.String(), stmt.Vars...).Rows()
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
		if strings.Contains(detail, "TEMP B-TREE") {
			q.pinned = true
		}
	}
	return rows.Err()
}

// nextIDs reads the ids of the chunk after last, in order, into ids.
func (q *exportQuery) nextIDs(db *gorm.DB, last *exportCursor, ids []int64) ([]int64, *exportCursor, error) {
	rows, err := q.idQuery(db, last).Rows()
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var next exportCursor
	for rows.Next() {
		if err := rows.Scan(&next.id, &next.key); err != nil {
			return nil, nil, err
		}
		ids = append(ids, next.id)
	}
	return ids, &next, rows.Err()
}

// exportRows loads the claims with these ids into buf, in the order of ids,
// with one query.
func exportRows(db *gorm.DB, ids []int64, buf []ExportRow) ([]ExportRow, error) {
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	buf = buf[:len(ids)]
	found := make([]bool, len(ids))
	rows, err := db.Raw(`SELECT `+exportColumns+` FROM claims
		WHERE id IN (SELECT value FROM json_each(?))`, idsJSON(ids)).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sc := newExportScanner()
	for rows.Next() {
		r, err := sc.scan(rows)
		if err != nil {
			return nil, err
		}
		if i, ok := pos[r.ID]; ok {
			buf[i], found[i] = r, true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Claims are never deleted, so every id is found; keep the order even if not.
	out := buf[:0]
	for i := range buf {
		if found[i] {
			out = append(out, buf[i])
		}
	}
	return out, nil
}

// idsJSON writes ids as a JSON array: one argument for json_each, so the
// statement stays the same whatever the chunk, instead of a thousand
// placeholders to prepare and bind.
func idsJSON(ids []int64) string {
	b := make([]byte, 0, len(ids)*8+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// exportScanner scans rows of exportColumns. Its destinations are made once
// per query, not once per row: at a million rows the difference is felt.
type exportScanner struct {
	r                            ExportRow
	entryID, verdictBy, signedBy sql.NullInt64
	madeAt, verdictAt, signedAt  sql.NullTime
	verifiability, verdict       string
	dest                         []any
}

func newExportScanner() *exportScanner {
	sc := &exportScanner{}
	r := &sc.r
	sc.dest = []any{&r.ID, &r.StoryID, &sc.entryID, &r.sourceID, &r.Text, &r.Quote, &r.Verb, &r.Direct, &r.Channel, &r.Via,
		&sc.madeAt, &r.ReportedAt, &r.ReportedURL, &sc.verifiability, &r.VerifiabilityReason,
		&sc.verdict, &r.VerdictRationale, &sc.verdictBy, &sc.verdictAt, &sc.signedBy, &sc.signedAt}
	return sc
}

// scan reads the current row into a fresh ExportRow.
func (sc *exportScanner) scan(rows *sql.Rows) (ExportRow, error) {
	sc.r = ExportRow{}
	if err := rows.Scan(sc.dest...); err != nil {
		return ExportRow{}, err
	}
	r := sc.r
	r.Verifiability, r.Verdict = Verifiability(sc.verifiability), Verdict(sc.verdict)
	if sc.entryID.Valid {
		id := sc.entryID.Int64
		r.EntryID = &id
	}
	r.verdictByID, r.signedOffByID = sc.verdictBy.Int64, sc.signedBy.Int64
	r.MadeAt, r.VerdictAt, r.SignedOffAt = nullTime(sc.madeAt), nullTime(sc.verdictAt), nullTime(sc.signedAt)
	r.ReportedAt = r.ReportedAt.UTC()
	return r, nil
}

// exportNames are the names of one chunk's stories, entries, claimants and
// reviewers, by id.
type exportNames struct {
	stories map[int64]string
	entries map[int64]exportEntry
	sources map[int64]exportSource
	users   map[int64]string
}

type exportEntry struct {
	position       int
	time, headline string
}

type exportSource struct{ name, role, kind string }

// loadExportNames fills the story, entry, claimant and reviewer names of a
// chunk with one query per table over the distinct ids the chunk holds.
func loadExportNames(db *gorm.DB, chunk []ExportRow) error {
	var storyIDs, entryIDs, sourceIDs, userIDs []int64
	seen := map[[2]int64]bool{}
	add := func(list *[]int64, table, id int64) {
		if id > 0 && !seen[[2]int64{table, id}] {
			seen[[2]int64{table, id}] = true
			*list = append(*list, id)
		}
	}
	for i := range chunk {
		r := &chunk[i]
		add(&storyIDs, 0, r.StoryID)
		if r.EntryID != nil {
			add(&entryIDs, 1, *r.EntryID)
		}
		add(&sourceIDs, 2, r.sourceID)
		add(&userIDs, 3, r.verdictByID)
		add(&userIDs, 3, r.signedOffByID)
	}
	n := exportNames{stories: map[int64]string{}, entries: map[int64]exportEntry{},
		sources: map[int64]exportSource{}, users: map[int64]string{}}
	type lookup struct {
		sql  string
		ids  []int64
		scan func(rows *sql.Rows) error
	}
	for _, l := range []lookup{
		{`SELECT id, title FROM stories WHERE id IN (SELECT value FROM json_each(?))`, storyIDs, func(rows *sql.Rows) error {
			var id int64
			var title string
			err := rows.Scan(&id, &title)
			n.stories[id] = title
			return err
		}},
		{`SELECT id, position, time_text, headline FROM entries WHERE id IN (SELECT value FROM json_each(?))`, entryIDs, func(rows *sql.Rows) error {
			var id int64
			var e exportEntry
			err := rows.Scan(&id, &e.position, &e.time, &e.headline)
			n.entries[id] = e
			return err
		}},
		{`SELECT id, name, role, kind FROM sources WHERE id IN (SELECT value FROM json_each(?))`, sourceIDs, func(rows *sql.Rows) error {
			var id int64
			var src exportSource
			err := rows.Scan(&id, &src.name, &src.role, &src.kind)
			n.sources[id] = src
			return err
		}},
		{`SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))`, userIDs, func(rows *sql.Rows) error {
			var id int64
			var name string
			err := rows.Scan(&id, &name)
			n.users[id] = name
			return err
		}},
	} {
		if len(l.ids) == 0 {
			continue
		}
		if err := scanAll(db, l.scan, l.sql, idsJSON(l.ids)); err != nil {
			return err
		}
	}
	for i := range chunk {
		r := &chunk[i]
		r.StoryTitle = n.stories[r.StoryID]
		if r.EntryID != nil {
			e := n.entries[*r.EntryID]
			r.EntryPosition, r.EntryTime, r.EntryHeadline = e.position, e.time, e.headline
		}
		src := n.sources[r.sourceID]
		r.ClaimantName, r.ClaimantRole, r.ClaimantKind = src.name, src.role, src.kind
		r.VerdictByName, r.SignedOffByName = n.users[r.verdictByID], n.users[r.signedOffByID]
	}
	return nil
}

// scanAll runs a read query and calls scan for each row.
func scanAll(db *gorm.DB, scan func(*sql.Rows) error, query string, args ...any) error {
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
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
func loadExportEvidence(db *gorm.DB, chunk []ExportRow) error {
	ids := make([]int64, len(chunk))
	byID := make(map[int64]int, len(chunk))
	for i := range chunk {
		ids[i] = chunk[i].ID
		byID[chunk[i].ID] = i
		chunk[i].Evidence = chunk[i].Evidence[:0]
	}
	rows, err := db.Raw(`SELECT id, claim_id, kind, stance, url, title, origin, file_sha256, file_name,
		file_type, created_at FROM evidence
		WHERE removed_at IS NULL AND claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, id`, idsJSON(ids)).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ev Evidence
		var sha sql.NullString
		if err := rows.Scan(&ev.ID, &ev.ClaimID, &ev.Kind, &ev.Stance, &ev.URL, &ev.Title, &ev.Origin, &sha,
			&ev.FileName, &ev.FileType, &ev.CreatedAt); err != nil {
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
