package models

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// readDB is the read pool under gorm, for the few statements an export runs
// before it reads (see choosePlan).
func (s *Store) readDB() (*sql.DB, error) { return s.r.DB() }

// exportNames are the names shown beside the claims, by id, read once per id
// per export in the export's own transaction (so from the same snapshot as the
// claims) and kept for the rest of the export.
type exportNames struct {
	story, entry, source, user driver.Stmt
	stories                    nameCache[string]
	entries                    nameCache[exportEntry]
	sources                    nameCache[exportSource]
	users                      nameCache[string]
	vals                       []driver.Value
}

type exportEntry struct {
	position       int64
	time, headline string
}

// exportSource is a claimant as the export shows it, with the opening of
// its attribution lines (see attributionOpening), made once per claimant.
type exportSource struct{ name, role, kind, opening string }

// nameCache keeps the names read so far by id: the small ids, which are
// most of them, in a slice (five map lookups per row came to 6% of an
// export's time), any others in a map. Both are bounded.
type nameCache[T any] struct {
	dense  []cached[T]
	sparse map[int64]T
}

type cached[T any] struct {
	v  T
	ok bool
}

// The bounds of nameCache: ids below denseNames go in the slice, at most
// maxNames others in the map, which starts over when full.
const (
	denseNames = 1 << 16
	maxNames   = 10000
)

func (c *nameCache[T]) get(id int64) (T, bool) {
	if id >= 0 && id < int64(len(c.dense)) {
		e := c.dense[id]
		return e.v, e.ok
	}
	v, ok := c.sparse[id]
	return v, ok
}

func (c *nameCache[T]) put(id int64, v T) {
	if id >= 0 && id < denseNames {
		if id >= int64(len(c.dense)) {
			c.dense = append(c.dense, make([]cached[T], int(id)+1-len(c.dense))...)
			c.dense = c.dense[:cap(c.dense)]
		}
		c.dense[id] = cached[T]{v, true}
		return
	}
	if c.sparse == nil || len(c.sparse) >= maxNames {
		c.sparse = make(map[int64]T)
	}
	c.sparse[id] = v
}

// prepareExportNames prepares the name lookups on the reader's connection
// and, for a big export (preload), reads the names with small ids at once.
func prepareExportNames(ctx context.Context, c *exportConn, preload bool) (*exportNames, error) {
	n := &exportNames{vals: make([]driver.Value, 3)}
	var err error
	for _, p := range []struct {
		stmt  *driver.Stmt
		query string
	}{
		{&n.story, `SELECT title FROM stories WHERE id = ?`},
		{&n.entry, `SELECT position, time_text, headline FROM entries WHERE id = ?`},
		{&n.source, `SELECT name, role, kind FROM sources WHERE id = ?`},
		{&n.user, `SELECT name FROM users WHERE id = ?`},
	} {
		if *p.stmt, err = c.prepare(ctx, p.query); err != nil {
			return nil, err
		}
	}
	if preload {
		if err := n.preload(ctx, c); err != nil {
			n.close()
			return nil, err
		}
	}
	return n, nil
}

// preload reads every story, entry, source and user with an id below
// denseNames, in id order: a big export meets most of them, and one pass
// over each table costs far less than a lookup per id (two readers looked
// up some 80,000 names one by one at 1,000,000 claims). Larger ids are still
// looked up as they come.
func (n *exportNames) preload(ctx context.Context, c *exportConn) error {
	for _, p := range []struct {
		query string
		put   func(id int64, v []driver.Value)
	}{
		{`SELECT id, title FROM stories WHERE id < ?`, func(id int64, v []driver.Value) { n.stories.put(id, rawText(v[1])) }},
		{`SELECT id, position, time_text, headline FROM entries WHERE id < ?`, func(id int64, v []driver.Value) {
			n.entries.put(id, exportEntry{rawInt(v[1]), rawText(v[2]), rawText(v[3])})
		}},
		{`SELECT id, name, role, kind FROM sources WHERE id < ?`, func(id int64, v []driver.Value) {
			src := exportSource{name: rawText(v[1]), role: rawText(v[2]), kind: rawText(v[3])}
			src.opening = attributionOpening(src.name, src.role, src.kind)
			n.sources.put(id, src)
		}},
		{`SELECT id, name FROM users WHERE id < ?`, func(id int64, v []driver.Value) { n.users.put(id, rawText(v[1])) }},
	} {
		if err := c.each(ctx, p.query, []any{int64(denseNames)}, func(v []driver.Value) { p.put(rawInt(v[0]), v) }); err != nil {
			return err
		}
	}
	return nil
}

// lookup reads the row with the id into n.vals; no row leaves them nil (the
// zero values, as a LEFT JOIN would give).
func (n *exportNames) lookup(ctx context.Context, st driver.Stmt, id int64) error {
	clear(n.vals)
	rows, err := st.(driver.StmtQueryContext).QueryContext(ctx, []driver.NamedValue{{Ordinal: 1, Value: id}})
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := rows.Next(n.vals[:len(rows.Columns())]); err != nil && err != io.EOF {
		return err
	}
	return nil
}

// fill sets the row's names from its ids.
func (n *exportNames) fill(ctx context.Context, x *exportRaw) error {
	x.story = ""
	if id := x.storyID; id != 0 {
		t, ok := n.stories.get(id)
		if !ok {
			if err := n.lookup(ctx, n.story, id); err != nil {
				return err
			}
			t = rawText(n.vals[0])
			n.stories.put(id, t)
		}
		x.story = t
	}
	var e exportEntry
	if id := x.entryID; id != 0 {
		var ok bool
		if e, ok = n.entries.get(id); !ok {
			if err := n.lookup(ctx, n.entry, id); err != nil {
				return err
			}
			e = exportEntry{rawInt(n.vals[0]), rawText(n.vals[1]), rawText(n.vals[2])}
			n.entries.put(id, e)
		}
	}
	x.entryPosition, x.entryTime, x.entryHeadline = e.position, e.time, e.headline
	var src exportSource
	if id := x.sourceID; id != 0 {
		var ok bool
		if src, ok = n.sources.get(id); !ok {
			if err := n.lookup(ctx, n.source, id); err != nil {
				return err
			}
			src = exportSource{name: rawText(n.vals[0]), role: rawText(n.vals[1]), kind: rawText(n.vals[2])}
			src.opening = attributionOpening(src.name, src.role, src.kind)
			n.sources.put(id, src)
		}
	}
	x.claimant, x.claimantRole, x.claimantKind, x.opening = src.name, src.role, src.kind, src.opening
	var err error
	if x.verdictBy, err = n.userName(ctx, x.verdictByID); err != nil {
		return err
	}
	x.signedOffBy, err = n.userName(ctx, x.signedOffByID)
	return err
}

func (n *exportNames) userName(ctx context.Context, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	name, ok := n.users.get(id)
	if !ok {
		if err := n.lookup(ctx, n.user, id); err != nil {
			return "", err
		}
		name = rawText(n.vals[0])
		n.users.put(id, name)
	}
	return name, nil
}

func (n *exportNames) close() {
	for _, st := range []driver.Stmt{n.story, n.entry, n.source, n.user} {
		if st != nil {
			st.Close()
		}
	}
}

// exportRaw is one row of the claims statement as the driver hands it over:
// text as strings (which the driver has already made, so keeping them costs
// nothing more), integers, NULLs and times as they are stored, with the
// claim's names and standing evidence. The exportRaws of a batch are filled
// again and again.
type exportRaw struct {
	// The ids; 0 for none (NULL).
	id, storyID, entryID, sourceID, verdictByID, signedOffByID int64
	direct                                                     bool
	madeAt, reportedAt, verdictAt, signedOffAt                 any
	entryPosition                                              int64

	text, quote, verb, channel, via, reportedURL           string
	verifiability, verifiabilityReason, verdict, rationale string
	story, entryTime, entryHeadline                        string
	claimant, claimantRole, claimantKind                   string
	// opening is attributionOpening of the claimant, when already made.
	opening                string
	verdictBy, signedOffBy string

	// evs is the claim's standing evidence, oldest first: a window on its
	// batch's evidence, set when the batch is full; nev counts them
	// until then.
	evs []exportEvidence
	nev int
	// sortValue is the order's column when it is not one of the above.
	sortValue any
	// corrections are the claim's, oldest first (nil: none).
	corrections []ExportCorrection
	// tags are the claim's tags in order, joined by exportTagSep (see
	// sqliteExportTags).
	tags string
}

// orderValue is the row's value of the order's column (see
// exportSort.before).
func (x *exportRaw) orderValue(order exportSort) any {
	if order.col == exportReportedAt {
		return x.reportedAt
	}
	return x.sortValue
}

// exportFieldCount is how many fields sqliteExportFields packs.
const exportFieldCount = 22

// scanPacked sets x from the packed column of the claims statement (see
// sqliteExportFields); sorted says the order's column follows. It reports
// false when the column does not split into those fields, or an id field
// is not a number: a claim stored by other means than Claimdesk, to be
// read again with scanPlain (x.id is set all the same, 0 when the first
// field is not a number). The texts are slices of the column, so reading
// a row makes no string of its own.
func (x *exportRaw) scanPacked(p string, sorted bool) bool {
	var f [exportFieldCount + 1]string
	want := exportFieldCount
	if sorted {
		want++
	}
	n := 0
	for ; n < want-1; n++ {
		i := strings.IndexByte(p, 0xFF)
		if i < 0 {
			break
		}
		f[n], p = p[:i], p[i+1:]
	}
	f[n] = p
	ok := n == want-1 && strings.IndexByte(p, 0xFF) < 0
	x.id = packedInt(f[0], &ok) // the first field is the id however the rest splits
	if !ok {
		return false
	}
	for i, dst := range [...]*int64{&x.storyID, &x.entryID, &x.sourceID, &x.verdictByID, &x.signedOffByID} {
		*dst = packedInt(f[1+i], &ok)
	}
	x.direct = packedInt(f[6], &ok) != 0
	x.text, x.quote, x.verb, x.channel, x.via, x.reportedURL = f[7], f[8], f[9], f[10], f[11], f[12]
	x.verifiability, x.verifiabilityReason, x.verdict, x.rationale = f[13], f[14], f[15], f[16]
	x.madeAt, x.reportedAt, x.verdictAt, x.signedOffAt = packedTime(f[17]), packedTime(f[18]), packedTime(f[19]), packedTime(f[20])
	x.tags = orderedTags(f[21])
	x.sortValue = nil
	if sorted {
		x.sortValue = packedTime(f[22])
	}
	return ok
}

// packedInt reads a packed integer field; one that is not clears ok.
func packedInt(s string, ok *bool) int64 {
	if len(s) == 0 || len(s) > 18 {
		*ok = false
		return 0
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			*ok = false
			return 0
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

// packedTime is a packed time field as the driver would hand the stored
// value over: nil for NULL (packed as ""), an integer for a Unix time, else
// the stored text.
func packedTime(s string) any {
	if s == "" {
		return nil
	}
	if c := s[0]; c == '-' || '0' <= c && c <= '9' {
		if strings.IndexByte(s, ':') < 0 {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				return n
			}
		}
	}
	return s
}

// scanPlain sets x from the columns of sqliteExportPlainSelect.
func (x *exportRaw) scanPlain(v []driver.Value) {
	for i, dst := range [...]*int64{&x.id, &x.storyID, &x.entryID, &x.sourceID, &x.verdictByID, &x.signedOffByID} {
		*dst = rawInt(v[i])
	}
	x.direct = rawInt(v[6]) != 0
	for i, dst := range [...]*string{&x.text, &x.quote, &x.verb, &x.channel, &x.via, &x.reportedURL,
		&x.verifiability, &x.verifiabilityReason, &x.verdict, &x.rationale} {
		*dst = rawText(v[7+i])
	}
	x.madeAt, x.reportedAt = rawOwn(v[17]), rawOwn(v[18])
	x.verdictAt, x.signedOffAt = rawOwn(v[19]), rawOwn(v[20])
	x.tags = orderedTags(rawText(v[21]))
	x.sortValue = nil
	if len(v) > exportFieldCount {
		x.sortValue = rawOwn(v[exportFieldCount])
	}
}

// exportEvidence is one standing evidence item as the claims statement
// reads it (kind to createdAt only for the formats that show them).
type exportEvidence struct {
	claimID, id int64
	stance, url string
	origin, sha string
	hasSHA      bool
	kind, title string
	fileName    string
	fileType    string
	createdAt   any
}

// scan sets ev from the evidence columns of a row of the claims statement
// (see sqliteEvidenceColumns).
func (ev *exportEvidence) scan(v []driver.Value) {
	ev.id = rawInt(v[0])
	ev.stance, ev.url, ev.origin = rawText(v[1]), rawText(v[2]), rawText(v[3])
	ev.sha, ev.hasSHA = rawText(v[4]), v[4] != nil
	if len(v) > 5 {
		ev.kind, ev.title, ev.fileName, ev.fileType = rawText(v[5]), rawText(v[6]), rawText(v[7]), rawText(v[8])
		ev.createdAt = rawOwn(v[9])
	}
}

// exportConn runs statements on a reader's connection through its driver
// directly: an export reads every column of every claim, and database/sql's
// locks and conversions per row and column came to a tenth of an export's
// time. Values arrive as the driver hands them over (see rawText and rawOwn
// for what may be kept).
type exportConn struct {
	conn  driver.Conn
	check driver.NamedValueChecker
}

func newExportConn(dc any) (*exportConn, error) {
	conn, ok := dc.(driver.Conn)
	if !ok {
		return nil, errors.New("export: not a database/sql driver connection")
	}
	if _, ok := conn.(driver.ConnPrepareContext); !ok {
		return nil, errors.New("export: the database driver cannot prepare with a context")
	}
	c := &exportConn{conn: conn}
	c.check, _ = conn.(driver.NamedValueChecker)
	return c, nil
}

// args converts arguments as database/sql would.
func (c *exportConn) args(args []any) ([]driver.NamedValue, error) {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv := driver.NamedValue{Ordinal: i + 1, Value: a}
		err := driver.ErrSkip
		if c.check != nil {
			err = c.check.CheckNamedValue(&nv)
		}
		if err == driver.ErrSkip {
			nv.Value, err = driver.DefaultParameterConverter.ConvertValue(a)
		}
		if err != nil {
			return nil, fmt.Errorf("export: argument %d: %w", i+1, err)
		}
		out[i] = nv
	}
	return out, nil
}

func (c *exportConn) prepare(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if _, ok := st.(driver.StmtQueryContext); !ok {
		st.Close()
		return nil, errors.New("export: the database driver cannot query with a context")
	}
	return st, nil
}

// run prepares query and runs it once with args; done closes the rows and
// the statement.
func (c *exportConn) run(ctx context.Context, query string, args []any) (rows driver.Rows, done func(), err error) {
	st, err := c.prepare(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	nargs, err := c.args(args)
	if err == nil {
		rows, err = queryStmt(ctx, st, nargs)
	}
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return rows, func() { rows.Close(); st.Close() }, nil
}

// each runs query once with args and calls fn for every row; the values
// are the driver's and valid until fn returns.
func (c *exportConn) each(ctx context.Context, query string, args []any, fn func([]driver.Value)) error {
	rows, done, err := c.run(ctx, query, args)
	if err != nil {
		return err
	}
	defer done()
	vals := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(vals); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		fn(vals)
	}
}

// queryStmt runs a statement prepared by exportConn.prepare.
func queryStmt(ctx context.Context, st driver.Stmt, args []driver.NamedValue) (driver.Rows, error) {
	return st.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// exportBatchRows is how many claims a reader reads before it hands them
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

// packedID is the id at the start of a packed column (see
// sqliteExportFields), or 0.
func packedID(p string) int64 {
	ok := true
	i := strings.IndexByte(p, 0xFF)
	if i < 0 {
		return 0
	}
	return packedInt(p[:i], &ok)
}

// exportPlainReader reads the claims whose packed column does not split
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

// rawInt reads an integer column (NULL: 0).
func rawInt(v any) int64 {
	n, _ := v.(int64)
	return n
}

// rawText reads a text column as database/sql would scan it into a string
// (NULL: ""). Bytes are copied: a driver may reuse them for the next row.
func rawText(v driver.Value) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(s, 10)
	case float64:
		return strconv.FormatFloat(s, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(s)
	case time.Time:
		return s.Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

// rawOwn is a value to keep past the next row: bytes copied, as rawText.
func rawOwn(v driver.Value) any {
	if b, ok := v.([]byte); ok {
		return bytes.Clone(b)
	}
	return v
}

// exportCorroboration is Corroboration over the export's evidence: the
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

// fill sets r from the raw row and its evidence.
func (x *exportRaw) fill(r *ExportRow) {
	evOut, tags := r.Evidence[:0], r.Tags[:0]
	*r = ExportRow{
		ID: x.id, StoryID: x.storyID, StoryTitle: x.story,
		EntryPosition: int(x.entryPosition), EntryTime: x.entryTime, EntryHeadline: x.entryHeadline,
		ClaimantName: x.claimant, ClaimantRole: x.claimantRole, ClaimantKind: x.claimantKind,
		Text: x.text, Quote: x.quote, Verb: x.verb, Direct: x.direct, Channel: x.channel, Via: x.via,
		MadeAt: rawTimePtr(x.madeAt), ReportedAt: rawTime(x.reportedAt), ReportedURL: x.reportedURL,
		Verifiability: Verifiability(x.verifiability), VerifiabilityReason: x.verifiabilityReason,
		Verdict: Verdict(x.verdict), VerdictRationale: x.rationale, VerdictByName: x.verdictBy,
		VerdictAt: rawTimePtr(x.verdictAt), SignedOffByName: x.signedOffBy, SignedOffAt: rawTimePtr(x.signedOffAt),
		Corrections: x.corrections, Tags: splitTags(tags, x.tags),
	}
	if x.entryID != 0 {
		id := x.entryID
		r.EntryID = &id
	}
	for i := range x.evs {
		ev := &x.evs[i]
		out := Evidence{ID: ev.id, ClaimID: r.ID, Kind: ev.kind, Stance: ev.stance, URL: ev.url, Title: ev.title,
			Origin: ev.origin, FileName: ev.fileName, FileType: ev.fileType, CreatedAt: rawTime(ev.createdAt)}
		if ev.hasSHA {
			sha := ev.sha
			out.FileSHA256 = &sha
		}
		evOut = append(evOut, out)
	}
	r.Evidence = evOut
}
