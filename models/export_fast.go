package models

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// readDB is the read pool under gorm, for the few statements an export runs
// before it reads (see choosePlan).
func (s *Store) readDB() (*sql.DB, error) { return s.r.DB() }

// on.
const exportBatchRows = 256

// exportBatches is how many batches each reader has: one being read, one
// being written, and the rest queued between the two.
const exportBatches = 4

// exportBatch is up to exportBatchRows claims in the export's order, with
// their evidence. Batches go round between a reader and the writing
// goroutine and are reused; they grow as rows come, so that a small export
// does not pay for big batches.
type exportBatch struct {
	rows []exportRaw // rows[:n] are this round's
	n    int
	// evs is the rows' evidence, in the rows' order.
	evs []exportEvidence
}

// add makes room for one more row and returns it.
func (b *exportBatch) add() *exportRaw {
	if b.n == len(b.rows) {
		b.rows = append(b.rows, make([]exportRaw, min(max(len(b.rows), 16), exportBatchRows-len(b.rows)))...)
	}
	b.n++
	return &b.rows[b.n-1]
}

// exportReaders is how many readers share a big export's claims. Stepping
// through SQLite and turning every column into Go values costs more than
// writing the rows out; two readers, each on its own connection, keep both
// cores of a small server busy.
const exportReaders = 2

// exportFewClaims is how many claims one reader reads alone, on a pooled
// connection: opening connections of the export's own and taking them to
// one snapshot costs about as much as reading a thousand claims.
const exportFewClaims = 2048

// exportReaderCount is how many readers an export of the matches of f gets:
// one for fewer than exportFewClaims matches (counted as the list counts
// them), else exportReaders.
func (s *Store) exportReaderCount(ctx context.Context, f ClaimFilter, now time.Time) (int, error) {
	capped := s.matching(ctx, f, now).Select("1").Limit(exportFewClaims)
	var n int64
	if err := s.read(ctx).Table("(?) AS capped", capped).Count(&n).Error; err != nil {
		return 0, err
	}
	if n < exportFewClaims {
		return 1, nil
	}
	return exportReaders, nil
}

// exportTx is one reader's read transaction and the connection it holds.
type exportTx struct {
	conn *sql.Conn
	tx   *sql.Tx
}

// end rolls the transaction back (it only read) and hands the connection
// back.
func (t exportTx) end() error {
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		t.conn.Close()
		return err
	}
	return t.conn.Close()
}

// exportStream is one reader's batches as the writing goroutine consumes
// them: the batch at hand and the next row in it.
type exportStream struct {
	read, free chan *exportBatch
	done       chan error
	b          *exportBatch
	i          int
}

// next moves to the stream's next row, fetching the next batch when this
// one is used up; it reports false at the end of the stream, with the
// reader's error if it failed.
func (st *exportStream) next() (bool, error) {
	if st.b != nil {
		if st.i++; st.i < st.b.n {
			return true, nil
		}
		st.free <- st.b
	}
	b, ok := <-st.read
	if !ok {
		st.b, st.read = nil, nil
		return false, <-st.done
	}
	st.b, st.i = b, 0
	return true, nil
}

func (st *exportStream) row() *exportRaw { return &st.b.rows[st.i] }

// eachExportRaw runs the export and calls fn for every row, in order, until
// the last row, an error or ctx ends (a cancelled ctx interrupts the
// statements). The claims are split between readers (see exportReaderCount)
// by runs of ids (see exportQuery.parts), each reading its share in the
// export's order on its own connection and goroutine, a few batches ahead; fn
// runs on the calling goroutine, which merges the readers' rows back into the
// one order. Every reader's transaction sees the same snapshot. Nothing else
// accumulates. full asks for every evidence field (the CSV needs only some).
func (s *Store) eachExportRaw(ctx context.Context, f ClaimFilter, published, full bool, fn func(*exportRaw) error) (err error) {
	f.Page, f.PerPage = 0, 0
	if v := f.Validate(); v != nil {
		return v
	}
	if s.d.pg {
		// The reading below is SQLite's (see export_sqlite.go); PostgreSQL
		// has its own (see pg_export.go).
		return s.eachExportRawPostgres(ctx, f, published, fn)
	}
	q := exportQuery{s: s, f: f, published: published, full: full, order: exportSorts[f.Sort], now: s.Now()}
	if err := q.choosePlan(ctx); err != nil {
		return err
	}
	// A small export reads on a connection of the read pool; a big one
	// opens connections of its own (see sqliteExportDSN).
	db, err := s.readDB()
	if err != nil {
		return err
	}
	readers, err := s.exportReaderCount(ctx, f, q.now)
	if err != nil {
		return err
	}
	if readers > 1 {
		if db, err = sqliteExportDB(s.path, readers); err != nil {
			return err
		}
		defer func() {
			if cerr := db.Close(); err == nil {
				err = cerr
			}
		}()
	}
	txs, err := sqliteExportSnapshot(ctx, db, readers)
	if err != nil {
		return err
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	streams := make([]*exportStream, len(txs))
	for i, t := range txs {
		st := &exportStream{read: make(chan *exportBatch, exportBatches), free: make(chan *exportBatch, exportBatches),
			done: make(chan error, 1)}
		for range exportBatches {
			st.free <- &exportBatch{}
		}
		streams[i] = st
		part := q
		part.parts, part.part = len(txs), i
		go func() {
			err := readExport(rctx, t, &part, st.free, st.read)
			if eerr := t.end(); err == nil {
				err = eerr
			}
			close(st.read)
			st.done <- err
		}()
	}
	defer func() {
		// Stop the readers that are still going, and wait until they are
		// done with their connections.
		cancel()
		for _, st := range streams {
			if st.read == nil {
				continue
			}
			for range st.read {
			}
			if rerr := <-st.done; err == nil && !errors.Is(rerr, context.Canceled) {
				err = rerr
			}
		}
	}()
	// live are the streams at a row, to be merged.
	live := make([]*exportStream, 0, len(streams))
	for _, st := range streams {
		ok, err := st.next()
		if err != nil {
			return err
		}
		if ok {
			live = append(live, st)
		}
	}
	for len(live) > 0 {
		first := 0
		for i := 1; i < len(live); i++ {
			if q.order.before(live[i].row(), live[first].row()) {
				first = i
			}
		}
		st := live[first]
		if err := fn(st.row()); err != nil {
			return err
		}
		ok, err := st.next()
		if err != nil {
			return err
		}
		if !ok {
			live = append(live[:first], live[first+1:]...)
		}
	}
	return ctx.Err()
}

// readExport is one reader of eachExportRaw: it runs its part of the claims
// statement and the name lookups in t's transaction, fills the batches it
// takes from free and sends them on out in order. It talks to the
// connection's driver directly (see exportConn); the transaction was begun
// on that same connection.
func readExport(ctx context.Context, t exportTx, q *exportQuery, free <-chan *exportBatch, out chan<- *exportBatch) error {
	stmt, args := q.statement(q.s.read(ctx))
	return t.conn.Raw(func(dc any) error {
		c, err := newExportConn(dc)
		if err != nil {
			return err
		}
		names, err := prepareExportNames(ctx, c, q.parts > 1)
		if err != nil {
			return err
		}
		defer names.close()
		corrections, err := loadExportCorrections(ctx, c, q.parts, q.part)
		if err != nil {
			return err
		}
		plain := exportPlainReader{c: c, order: q.order}
		defer plain.close()
		rows, done, err := c.run(ctx, stmt, args)
		if err != nil {
			return err
		}
		defer done()
		vals := make([]driver.Value, len(rows.Columns()))
		var b *exportBatch
		var last *exportRaw // the claim of the row before
		for {
			if err := rows.Next(vals); err == io.EOF {
				break
			} else if err != nil {
				return err
			}
			p, ok := vals[0].(string)
			if !ok {
				return fmt.Errorf("export: a claim's packed column is %T", vals[0])
			}
			if last != nil && packedID(p) == last.id {
				b.addEvidence(last, vals[1:]) // another item of the same claim
				continue
			}
			// A claim's rows are all read before its batch goes.
			if b != nil && b.n == exportBatchRows {
				if err := sendBatch(ctx, b, out); err != nil {
					return err
				}
				b = nil
			}
			if b == nil {
				select {
				case b = <-free:
				case <-ctx.Done():
					return ctx.Err()
				}
				b.n, b.evs = 0, b.evs[:0]
			}
			last = b.add()
			if err := plain.scan(ctx, last, p); err != nil {
				return err
			}
			if err := names.fill(ctx, last); err != nil {
				return err
			}
			last.corrections = corrections[last.id]
			last.nev = 0
			b.addEvidence(last, vals[1:])
		}
		if b != nil && b.n > 0 {
			if err := sendBatch(ctx, b, out); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// sendBatch gives the batch's rows their evidence and sends it on out.
func sendBatch(ctx context.Context, b *exportBatch, out chan<- *exportBatch) error {
	k := 0
	for i := range b.n {
		x := &b.rows[i]
		x.evs = b.evs[k : k+x.nev : k+x.nev]
		k += x.nev
	}
	select {
	case out <- b:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// addEvidence adds the evidence item of a row of the claims statement (v:
// its evidence columns) to x, the batch's last claim; a claim without
// evidence has one row with NULLs.
func (b *exportBatch) addEvidence(x *exportRaw, v []driver.Value) {
	if v[0] == nil {
		return
	}
	b.evs = append(b.evs, exportEvidence{claimID: x.id})
	b.evs[len(b.evs)-1].scan(v)
	x.nev++
}

// (see exportRaw.scanPacked) again, column by column, on the reader's
// connection and in its transaction.
type exportPlainReader struct {
	c     *exportConn
	order exportSort
	st    driver.Stmt // prepared when first needed
	args  []driver.NamedValue
	vals  []driver.Value
}

// scan sets x from the packed column p of the claims statement.
func (r *exportPlainReader) scan(ctx context.Context, x *exportRaw, p string) error {
	if x.scanPacked(p, r.order.col != "" && r.order.col != exportReportedAt) {
		return nil
	}
	if x.id == 0 {
		return fmt.Errorf("export: a claim's packed column does not start with its id")
	}
	if r.st == nil {
		st, err := r.c.prepare(ctx, sqliteExportPlainSelect(r.order))
		if err != nil {
			return err
		}
		r.st, r.args = st, []driver.NamedValue{{Ordinal: 1}}
	}
	r.args[0].Value = x.id
	rows, err := queryStmt(ctx, r.st, r.args)
	if err != nil {
		return err
	}
	defer rows.Close()
	if r.vals == nil {
		r.vals = make([]driver.Value, len(rows.Columns()))
	}
	if err := rows.Next(r.vals); err != nil {
		return fmt.Errorf("export: claim %d read column by column: %w", x.id, err)
	}
	x.scanPlain(r.vals)
	return nil
}

func (r *exportPlainReader) close() {
	if r.st != nil {
		r.st.Close()
	}
}

// independent origins among the supporting items.
func exportCorroboration(evs []exportEvidence, claimant string) int {
	var seenBuf [8]string
	seen := seenBuf[:0]
	var self claimantSelf
next:
	for i := range evs {
		ev := &evs[i]
		if ev.stance != "supports" {
			continue
		}
		if self == nil {
			self = newClaimantSelf(claimant)
		}
		if self.is(ev.origin, ev.url) {
			continue
		}
		o := exportOrigin(ev.origin, ev.url)
		if o == "" && ev.hasSHA {
			o = "file:" + ev.sha
		}
		if o == "" {
			continue
		}
		for _, s := range seen {
			if s == o {
				continue next
			}
		}
		seen = append(seen, o)
	}
	return len(seen)
}

// exportOrigin is originOf without url.Parse for the usual link: http or
// https, a plain host name (letters, digits, dots and hyphens) ended by a
// slash, a query or a fragment, and nothing after it that url.Parse would
// refuse (a control character, a percent sign that might start a bad escape).
// For such a link the host is the text between "//" and that end, as Parse
// finds it; anything else goes through originOf.
func exportOrigin(origin, rawURL string) string {
	if origin != "" {
		return originOf(origin, rawURL)
	}
	rest, ok := strings.CutPrefix(rawURL, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(rawURL, "http://"); !ok {
			return originOf(origin, rawURL)
		}
	}
	n := 0
	for n < len(rest) && hostByte(rest[n]) {
		n++
	}
	if n == 0 || n < len(rest) && rest[n] != '/' && rest[n] != '?' && rest[n] != '#' {
		return originOf(origin, rawURL)
	}
	for i := n; i < len(rest); i++ {
		if c := rest[i]; c < ' ' || c == 0x7f || c == '%' {
			return originOf(origin, rawURL)
		}
	}
	return strings.TrimPrefix(strings.ToLower(rest[:n]), "www.")
}

// hostByte reports whether c may be part of a plain host name (see
// exportOrigin).
func hostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}
