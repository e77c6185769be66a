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
// filters, the order, the evidence statements, the merge of the readers, the
// row assembly) is plain SQL and Go. PostgreSQL reads differently (see
// pg_export.go): its connections run one statement at a time, while a reader
// here looks names and evidence up with its claims statement still open.

// sqliteExportColumns are the columns of the claims statement, in the order
// exportRaw.scan reads them: the claim's ids and text packed into one
// column (see sqlitePacked), then its times. Times are selected as
// expressions (+col is SQLite's no-op that drops the column's declared type),
// so the driver hands over the stored text instead of parsing every time it
// reads; the row assembly reads a time.Time just as well, as another driver
// would send it. The names shown beside a claim (story, entry, claimant,
// reviewers) repeat from claim to claim, so only their ids are read here and
// the names come from exportNames.
var sqliteExportColumns = sqlitePacked(
	[]string{"claims.id", "claims.story_id", "ifnull(claims.entry_id, 0)", "claims.source_id",
		"ifnull(claims.verdict_by_id, 0)", "ifnull(claims.signed_off_by_id, 0)", "claims.direct"},
	[]string{"claims.text", "claims.quote", "claims.verb", "claims.channel", "claims.via", "claims.reported_url",
		"claims.verifiability", "claims.verifiability_reason", "claims.verdict", "claims.verdict_rationale"}) +
	`, +claims.made_at, +claims.reported_at, +claims.verdict_at, +claims.signed_off_at`

// sqlitePacked is one column holding the values of ints (each followed by
// a comma) and then of texts (each as its length in bytes, a colon and the
// text), for exportRaw.scan to read back with unpacker. For every column of
// every row the driver makes a Go string or number and a value to hold it;
// one column instead of seventeen leaves one of each per row (about a tenth
// less CPU for a whole export). SQLite's concat() builds the column in one go (a chain of || would
// make and grow a string per step, each through SQLite's allocator and its
// lock, which two readers then contend for). The columns must not be NULL
// (the statement says ifnull where they may be): concat() would write
// nothing for NULL, and octet_length would be NULL.
func sqlitePacked(ints, texts []string) string {
	var parts []string
	for _, c := range ints {
		parts = append(parts, c, "','")
	}
	for _, c := range texts {
		parts = append(parts, "octet_length("+c+")", "':'", c)
	}
	return "concat(" + strings.Join(parts, ", ") + ")"
}

// sqliteEvidenceColumns are the columns of the evidence statements, in the
// order exportEvidence.scan reads them: the CSV needs the first six, the other
// formats all of them (created_at with the same +col as above).
func sqliteEvidenceColumns(full bool) string {
	cols := `e.claim_id, e.id, e.stance, e.url, e.origin, e.file_sha256`
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

// sqliteExportSelect is the select list of the claims statement for an
// order: sqliteExportColumns, and the order's column when the export does not
// read it anyway (the readers' rows are merged by it).
func sqliteExportSelect(order exportSort) string {
	if order.col == "" || order.col == exportReportedAt {
		return sqliteExportColumns
	}
	return sqliteExportColumns + ", +" + order.col
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
