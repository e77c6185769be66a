package models

import (
	"context"
	"database/sql"
	"net/url"
	"strconv"
	"strings"
)

// What the export says in SQLite's own SQL and how it opens SQLite: the
// claims statement's columns and plan, the export's own connections and the
// one snapshot its readers share. The rest of the SQLite export (the
// filters, the order, the evidence join, the merge of the readers, the row
// assembly) is plain SQL and Go. PostgreSQL reads differently (see
// pg_export.go): its connections run one statement at a time, while a reader
// here looks names up with its claims statement still open.

// The claims statement hands each claim over as one text column: its
// fields (sqliteExportFields, and the order's column when the export does
// not read it anyway) joined by SQLite's concat_ws with sqliteFieldSep
// between them. For every column of every row the driver makes a Go string
// or number and a value to hold it; one column instead of twenty-one
// leaves one of each per row, and exportRaw.scanPacked reads the fields as
// slices of it. Separated fields cost SQLite half of what fields each
// preceded by its length did (every column read twice); a separator is safe
// because Claimdesk stores only valid UTF-8, which never holds the byte
// 0xFF. A row stored by other means whose text holds it does not split into
// the right number of fields, and that claim is read again column by column
// (see sqliteExportPlain). concat_ws leaves NULLs out, so every column that
// may be NULL is given with ifnull as the empty text (0 for the ids).
const (
	// sqliteExportFields are the fields, in the order exportRaw reads
	// them: the ids, the texts, the times (text, as stored), the tags.
	sqliteExportFields = `claims.id, claims.story_id, ifnull(claims.entry_id, 0), claims.source_id,
	ifnull(claims.verdict_by_id, 0), ifnull(claims.signed_off_by_id, 0), claims.direct,
	claims.text, claims.quote, claims.verb, claims.channel, claims.via, claims.reported_url,
	claims.verifiability, claims.verifiability_reason, claims.verdict, claims.verdict_rationale,
	ifnull(claims.made_at, ''), claims.reported_at, ifnull(claims.verdict_at, ''), ifnull(claims.signed_off_at, ''),
	ifnull(` + sqliteExportTags + `, '')`
	// sqliteFieldSep is the separator: the byte 0xFF as SQLite text.
	sqliteFieldSep = `cast(x'ff' AS text)`
	// sqliteExportPlain reads one claim's fields as separate columns, for a
	// claim whose packed column does not split (see exportRaw.scanPlain).
	// Times are selected as +col, SQLite's no-op that drops the column's
	// declared type, so the driver hands the stored text over as it is.
	sqliteExportPlain = `SELECT claims.id, claims.story_id, claims.entry_id, claims.source_id,
	claims.verdict_by_id, claims.signed_off_by_id, claims.direct,
	claims.text, claims.quote, claims.verb, claims.channel, claims.via, claims.reported_url,
	claims.verifiability, claims.verifiability_reason, claims.verdict, claims.verdict_rationale,
	+claims.made_at, +claims.reported_at, +claims.verdict_at, +claims.signed_off_at, ` + sqliteExportTags
)

// sqliteExportSelect is the select list of the claims statement for an
// order: the packed column of sqliteExportFields, and the order's column when
// the export does not read it anyway (the readers' rows are merged by it);
// then the columns of one standing evidence item (see sqliteEvidenceJoin).
func sqliteExportSelect(order exportSort, full bool) string {
	fields := sqliteExportFields
	if order.col != "" && order.col != exportReportedAt {
		fields += ", ifnull(" + order.col + ", '')"
	}
	return "concat_ws(" + sqliteFieldSep + ", " + fields + "), " + sqliteEvidenceColumns(full)
}

// sqliteEvidenceJoin brings each claim's standing evidence into the claims
// statement, one row per item (one row of NULLs for a claim without any),
// the items of a claim in a row and oldest first (the statement orders by
// e.id after the claim's order). Each item is a search of the evidence index
// by the claim's id inside SQLite's own loop: half the CPU of reading a
// batch's evidence by a statement of its own, whether by the list of its
// ids or by a range of them (the claims of a batch in report order are
// spread over many more ids than the batch holds).
const sqliteEvidenceJoin = `LEFT JOIN evidence e ON e.claim_id = claims.id AND e.removed_at IS NULL`

// sqliteExportPlainSelect is sqliteExportPlain for one claim in an order.
func sqliteExportPlainSelect(order exportSort) string {
	cols := sqliteExportPlain
	if order.col != "" && order.col != exportReportedAt {
		cols += ", +" + order.col
	}
	return cols + " FROM claims WHERE claims.id = ?"
}

// sqliteEvidenceColumns are the evidence columns of the claims statement,
// in the order exportEvidence.scan reads them: the CSV needs the first five,
// the other formats all of them (created_at as +col, see sqliteExportPlain).
func sqliteEvidenceColumns(full bool) string {
	cols := `e.id, e.stance, e.url, e.origin, e.file_sha256`
	if full {
		cols += `, e.kind, e.title, e.file_name, e.file_type, +e.created_at`
	}
	return cols
}

// sqlitePinnedTable is the claims table named so that SQLite walks the
// export order's own index (or the table itself, for the id order) instead
// of the plan it would pick; see sqliteNeedsPin.
func sqlitePinnedTable(order exportSort) string {
	if order.index != "" {
		return "claims INDEXED BY " + order.index
	}
	return "claims NOT INDEXED"
}

// sqliteNeedsPin asks SQLite how it would run the export statement. A plan
// that sorts (an index on a filter column that does not hold the export's
// order, as with several verdicts at once or a full-text query) would sort
// every match before the first row goes out, holding them all; such an
// export is pinned to the order's own index instead, which it walks once from
// start to end.
func sqliteNeedsPin(ctx context.Context, db *sql.DB, query string, args []any) (bool, error) {
	rows, err := db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	pin := false
	for rows.Next() {
		var id, parent, unused int64
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return false, err
		}
		if strings.Contains(detail, "TEMP B-TREE FOR ORDER BY") && parent == 0 {
			pin = true
		}
	}
	return pin, rows.Err()
}

// sqliteDriver is the database/sql driver the store's SQLite pools use.
const sqliteDriver = "sqlite3"

// exportCacheKiB is the page cache of each export connection, in KiB. An
// export reads every page of a big table once: a small page cache serves it
// as well as a big one, and keeps the export's memory small.
const exportCacheKiB = 4096

// sqliteExportDSN is the DSN of an export's own read connections: the read
// pool's settings (no mutex around every call into SQLite among them, which
// for an export reading every column of a million rows came to a seventh of
// its time) and a small page cache. Being the export's own, the connections
// leave the read pool to the desk while a long export runs, and their
// memory goes when they close.
func sqliteExportDSN(path string) (string, error) {
	base, query, _ := strings.Cut(sqliteDSN(path, false, "NORMAL"), "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		return "", err
	}
	q.Set("_cache_size", "-"+strconv.Itoa(exportCacheKiB))
	return base + "?" + q.Encode(), nil
}

// sqliteExportDB opens a handle on the database for n readers of a big
// export, on connections of their own (see sqliteExportDSN).
func sqliteExportDB(path string, n int) (*sql.DB, error) {
	dsn, err := sqliteExportDSN(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(sqliteDriver, dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	return db, nil
}

// exportSnapshotTries bounds how often sqliteExportSnapshot starts over
// because a write came in between the readers' transactions.
const exportSnapshotTries = 3

// sqliteExportSnapshot begins n read transactions on n connections of db
// that all see the same snapshot of the database: a write committed while
// they begin would give the readers different claims. PRAGMA data_version
// on one connection changes when another commits, so the last connection
// reads it before the first transaction begins and again inside its own
// transaction, which begins last: the same value means nothing was committed
// in between. Else all is rolled back and tried again; under a steady stream
// of writes the export makes do with one transaction.
func sqliteExportSnapshot(ctx context.Context, db *sql.DB, n int) ([]exportTx, error) {
	for try := 1; ; try++ {
		if try > exportSnapshotTries {
			n = 1
		}
		txs, same, err := sqliteBeginSnapshot(ctx, db, n)
		if err != nil || same {
			return txs, err
		}
		for _, t := range txs {
			t.end()
		}
	}
}

// sqliteBeginSnapshot is one try of sqliteExportSnapshot.
func sqliteBeginSnapshot(ctx context.Context, db *sql.DB, n int) (txs []exportTx, same bool, err error) {
	defer func() {
		if err != nil {
			for _, t := range txs {
				t.end()
			}
			txs = nil
		}
	}()
	conns := make([]*sql.Conn, n)
	for i := range conns {
		if conns[i], err = db.Conn(ctx); err != nil {
			for _, c := range conns[:i] {
				c.Close()
			}
			return nil, false, err
		}
	}
	var before, after int64
	if n > 1 {
		if err := conns[n-1].QueryRowContext(ctx, "PRAGMA data_version").Scan(&before); err != nil {
			for _, c := range conns {
				c.Close()
			}
			return nil, false, err
		}
	}
	for i, c := range conns {
		tx, err := c.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			for _, c := range conns[i:] {
				c.Close()
			}
			return txs, false, err
		}
		txs = append(txs, exportTx{c, tx})
		// A deferred transaction takes its snapshot at its first read.
		var tables int64
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
			for _, c := range conns[i+1:] {
				c.Close()
			}
			return txs, false, err
		}
	}
	if n == 1 {
		return txs, true, nil // one transaction sees one snapshot
	}
	if err := txs[n-1].tx.QueryRowContext(ctx, "PRAGMA data_version").Scan(&after); err != nil {
		return txs, false, err
	}
	return txs, before == after, nil
}
