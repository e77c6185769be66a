package models

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// readDB is the read pool under gorm: the export streams its one query
// through database/sql directly, since gorm's reflection per row would cost
// more than everything else an export does.
func (s *Store) readDB() (*sql.DB, error) { return s.r.DB() }

// exportEvidenceSQL aggregates a claim's standing evidence, oldest first, into
// one text column (in the index's order, which is the ids'; evidence checks):
// per item, the fields below each as its length in bytes, a
// colon and the bytes (file_sha256 is a dash when NULL). Lengths rather than
// separators, because a title may hold any character.
const exportEvidenceSQL = `(SELECT group_concat(
		octet_length(e.id)||':'||e.id||
		octet_length(e.stance)||':'||e.stance||
		octet_length(e.url)||':'||e.url||
		octet_length(e.origin)||':'||e.origin||
		ifnull(octet_length(e.file_sha256)||':'||e.file_sha256, '-')||
		octet_length(e.kind)||':'||e.kind||
		octet_length(e.title)||':'||e.title||
		octet_length(e.file_name)||':'||e.file_name||
		octet_length(e.file_type)||':'||e.file_type||
		octet_length(e.created_at)||':'||e.created_at, '')
	FROM evidence e WHERE e.claim_id = claims.id AND e.removed_at IS NULL)`

// exportSelect are the columns of the export query, in the order exportRaw
// scans them. Times are selected as expressions (+col is a no-op that drops
// the column's declared type), so the driver hands over the stored text
// instead of parsing every time it reads. The names shown beside a claim
// (story, entry, claimant, reviewers) repeat from claim to claim, so only
// their ids are read here and the names come from exportNames.
const exportSelect = `claims.id, claims.story_id, claims.entry_id, claims.source_id,
	claims.verdict_by_id, claims.signed_off_by_id, claims.direct,
	claims.text, claims.quote, claims.verb, claims.channel, claims.via,
	+claims.made_at, +claims.reported_at, claims.reported_url,
	claims.verifiability, claims.verifiability_reason, claims.verdict, claims.verdict_rationale,
	+claims.verdict_at, +claims.signed_off_at,
	ifnull(` + exportEvidenceSQL + `, '')`

// exportNames are the names shown beside the claims, by id, read once per id
// per export on the export's own connection (so from the same snapshot as the
// claims) and kept for the rest of the export. Each map is bounded: past
// maxNames ids it starts over.
type exportNames struct {
	story, entry, source, user *sql.Stmt
	stories                    map[int64]string
	entries                    map[int64]exportEntry
	sources                    map[int64]exportSource
	users                      map[int64]string
}

type exportEntry struct {
	position       int64
	time, headline string
}

type exportSource struct{ name, role, kind string }

// maxNames bounds each of exportNames' maps.
const maxNames = 10000

func prepareExportNames(ctx context.Context, conn *sql.Conn) (*exportNames, error) {
	n := &exportNames{stories: map[int64]string{}, entries: map[int64]exportEntry{},
		sources: map[int64]exportSource{}, users: map[int64]string{}}
	var err error
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&n.story, `SELECT title FROM stories WHERE id = ?`},
		{&n.entry, `SELECT position, time_text, headline FROM entries WHERE id = ?`},
		{&n.source, `SELECT name, role, kind FROM sources WHERE id = ?`},
		{&n.user, `SELECT name FROM users WHERE id = ?`},
	} {
		if *p.stmt, err = conn.PrepareContext(ctx, p.query); err != nil {
			n.close()
			return nil, err
		}
	}
	return n, nil
}

func (n *exportNames) close() {
	for _, st := range []*sql.Stmt{n.story, n.entry, n.source, n.user} {
		if st != nil {
			st.Close()
		}
	}
}

// lookup reads one row by id; no row leaves dest as it is (the zero values,
// as a LEFT JOIN would give).
func lookup(ctx context.Context, st *sql.Stmt, id int64, dest ...any) error {
	err := st.QueryRowContext(ctx, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// fill sets the row's names from its ids.
func (n *exportNames) fill(ctx context.Context, x *exportRaw) error {
	if id := rawInt(x.storyID); id != 0 {
		t, ok := n.stories[id]
		if !ok {
			if err := lookup(ctx, n.story, id, &t); err != nil {
				return err
			}
			if len(n.stories) >= maxNames {
				clear(n.stories)
			}
			n.stories[id] = t
		}
		x.story = t
	} else {
		x.story = ""
	}
	var e exportEntry
	if id := rawInt(x.entryID); id != 0 {
		var ok bool
		if e, ok = n.entries[id]; !ok {
			if err := lookup(ctx, n.entry, id, &e.position, &e.time, &e.headline); err != nil {
				return err
			}
			if len(n.entries) >= maxNames {
				clear(n.entries)
			}
			n.entries[id] = e
		}
	}
	x.entryPosition, x.entryTime, x.entryHeadline = e.position, e.time, e.headline
	var src exportSource
	if id := rawInt(x.sourceID); id != 0 {
		var ok bool
		if src, ok = n.sources[id]; !ok {
			if err := lookup(ctx, n.source, id, &src.name, &src.role, &src.kind); err != nil {
				return err
			}
			if len(n.sources) >= maxNames {
				clear(n.sources)
			}
			n.sources[id] = src
		}
	}
	x.claimant, x.claimantRole, x.claimantKind = src.name, src.role, src.kind
	var err error
	if x.verdictBy, err = n.userName(ctx, rawInt(x.verdictByID)); err != nil {
		return err
	}
	x.signedOffBy, err = n.userName(ctx, rawInt(x.signedOffByID))
	return err
}

func (n *exportNames) userName(ctx context.Context, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	name, ok := n.users[id]
	if !ok {
		if err := lookup(ctx, n.user, id, &name); err != nil {
			return "", err
		}
		if len(n.users) >= maxNames {
			clear(n.users)
		}
		n.users[id] = name
	}
	return name, nil
}

// exportRaw is one row of the export query as the driver hands it over:
// text as strings (which the driver has already made, so keeping them costs
// nothing more), integers, NULLs and times as they are stored. One exportRaw
// is scanned into again and again.
type exportRaw struct {
	id, storyID, entryID, sourceID, verdictByID, signedOffByID, direct any
	madeAt, reportedAt, verdictAt, signedOffAt                         any
	entryPosition                                                      int64

	text, quote, verb, channel, via, reportedURL           string
	verifiability, verifiabilityReason, verdict, rationale string
	story, entryTime, entryHeadline                        string
	claimant, claimantRole, claimantKind                   string
	verdictBy, signedOffBy, evidenceText                   string

	dest []any
}

func newExportRaw() *exportRaw {
	x := &exportRaw{}
	x.dest = []any{&x.id, &x.storyID, &x.entryID, &x.sourceID, &x.verdictByID, &x.signedOffByID, &x.direct,
		&x.text, &x.quote, &x.verb, &x.channel, &x.via,
		&x.madeAt, &x.reportedAt, &x.reportedURL,
		&x.verifiability, &x.verifiabilityReason, &x.verdict, &x.rationale,
		&x.verdictAt, &x.signedOffAt, &x.evidenceText}
	return x
}

// eachExportRaw runs the export's one query on one read connection and calls
// fn for every row, in order, until the last row, an error or ctx ends (a
// cancelled ctx interrupts the query). Nothing accumulates: memory is one row
// and SQLite's page cache, which is handed back when the export ends.
func (s *Store) eachExportRaw(ctx context.Context, f ClaimFilter, published bool, fn func(*exportRaw) error) (err error) {
	f.Page, f.PerPage = 0, 0
	if v := f.Validate(); v != nil {
		return v
	}
	q := &exportQuery{s: s, f: f, published: published, order: exportSorts[f.Sort], now: s.Now()}
	if err := q.choosePlan(ctx); err != nil {
		return err
	}
	query, args := q.statement(s.read(ctx))
	db, err := s.readDB()
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	// An export reads every page of a big table once: a small page cache
	// serves it as well as a big one, and keeps the export's memory small.
	var cacheSize int64
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cacheSize); err != nil {
		conn.Close()
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -"+strconv.Itoa(exportCacheKiB)); err != nil {
		conn.Close()
		return err
	}
	defer func() {
		// Left in the connection's cache, the pages read would make the pool
		// hold memory it will never read again; the connection goes back to
		// the pool with its own cache size.
		bg := context.WithoutCancel(ctx)
		_, serr := conn.ExecContext(bg, "PRAGMA cache_size = "+strconv.FormatInt(cacheSize, 10))
		if _, err := conn.ExecContext(bg, "PRAGMA shrink_memory"); serr == nil {
			serr = err
		}
		if cerr := conn.Close(); serr == nil {
			serr = cerr
		}
		if err == nil {
			err = serr
		}
	}()
	names, err := prepareExportNames(ctx, conn)
	if err != nil {
		return err
	}
	defer names.close()
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	x := newExportRaw()
	for rows.Next() {
		if err := rows.Scan(x.dest...); err != nil {
			return err
		}
		if err := names.fill(ctx, x); err != nil {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// exportCacheKiB is the page cache an export reads through, in KiB.
const exportCacheKiB = 4096

// rawInt reads an integer column (NULL: 0).
func rawInt(v any) int64 {
	n, _ := v.(int64)
	return n
}

// exportEvidence is one evidence item as exportEvidenceSQL encodes it; the
// strings share the memory of the row's evidence column.
type exportEvidence struct {
	id, stance, url, origin, sha               string
	hasSHA                                     bool
	kind, title, fileName, fileType, createdAt string
}

var errExportEvidence = errors.New("export: malformed evidence column")

// evidence decodes the row's evidence column into evs.
func (x *exportRaw) evidence(evs []exportEvidence) ([]exportEvidence, error) {
	s := x.evidenceText
	field := func() (string, bool) {
		i := strings.IndexByte(s, ':')
		if i <= 0 {
			return "", false
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil || n < 0 || n > len(s)-i-1 {
			return "", false
		}
		v := s[i+1 : i+1+n]
		s = s[i+1+n:]
		return v, true
	}
	for s != "" {
		var ev exportEvidence
		ok := true
		next := func(dst *string) {
			if ok {
				*dst, ok = field()
			}
		}
		next(&ev.id)
		next(&ev.stance)
		next(&ev.url)
		next(&ev.origin)
		if ok && strings.HasPrefix(s, "-") {
			s = s[1:]
		} else {
			next(&ev.sha)
			ev.hasSHA = true
		}
		next(&ev.kind)
		next(&ev.title)
		next(&ev.fileName)
		next(&ev.fileType)
		next(&ev.createdAt)
		if !ok {
			return evs, errExportEvidence
		}
		evs = append(evs, ev)
	}
	// group_concat follows the evidence_claim index, so the items come oldest
	// (lowest id) first; SQLite does not promise it, so check and sort if not.
	for i := 1; i < len(evs); i++ {
		if evidenceIDLess(evs[i].id, evs[i-1].id) {
			sort.SliceStable(evs, func(a, b int) bool { return evidenceIDLess(evs[a].id, evs[b].id) })
			break
		}
	}
	return evs, nil
}

// evidenceIDLess compares two ids as written in decimal.
func evidenceIDLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// exportCorroboration is Corroboration over encoded evidence: the independent
// origins among the supporting items.
func exportCorroboration(evs []exportEvidence) int {
	var seenBuf [8]string
	seen := seenBuf[:0]
next:
	for i := range evs {
		ev := &evs[i]
		if ev.stance != "supports" {
			continue
		}
		o := originOf(ev.origin, ev.url)
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

// fill sets r from the raw row and its decoded evidence.
func (x *exportRaw) fill(r *ExportRow, evs []exportEvidence) {
	evOut := r.Evidence[:0]
	*r = ExportRow{
		ID: rawInt(x.id), StoryID: rawInt(x.storyID), StoryTitle: x.story,
		EntryPosition: int(x.entryPosition), EntryTime: x.entryTime, EntryHeadline: x.entryHeadline,
		ClaimantName: x.claimant, ClaimantRole: x.claimantRole, ClaimantKind: x.claimantKind,
		Text: x.text, Quote: x.quote, Verb: x.verb, Direct: rawInt(x.direct) != 0, Channel: x.channel, Via: x.via,
		MadeAt: rawTimePtr(x.madeAt), ReportedAt: rawTime(x.reportedAt), ReportedURL: x.reportedURL,
		Verifiability: Verifiability(x.verifiability), VerifiabilityReason: x.verifiabilityReason,
		Verdict: Verdict(x.verdict), VerdictRationale: x.rationale, VerdictByName: x.verdictBy,
		VerdictAt: rawTimePtr(x.verdictAt), SignedOffByName: x.signedOffBy, SignedOffAt: rawTimePtr(x.signedOffAt),
	}
	if id, ok := x.entryID.(int64); ok {
		r.EntryID = &id
	}
	for i := range evs {
		ev := &evs[i]
		id, _ := strconv.ParseInt(ev.id, 10, 64)
		out := Evidence{ID: id, ClaimID: r.ID, Kind: ev.kind, Stance: ev.stance, URL: ev.url, Title: ev.title,
			Origin: ev.origin, FileName: ev.fileName, FileType: ev.fileType, CreatedAt: parseDBTime(ev.createdAt)}
		if ev.hasSHA {
			sha := ev.sha
			out.FileSHA256 = &sha
		}
		evOut = append(evOut, out)
	}
	r.Evidence = evOut
}

// parseDBTime reads a stored time as the driver would for a DATETIME column
// (the zero time when it cannot), in UTC.
func parseDBTime(s string) time.Time {
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqliteTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// sqliteTimeLayouts are the layouts the sqlite3 driver reads times in, in
// its order (its SQLiteTimestampFormats).
var sqliteTimeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// unixDBTime reads an integer time as the driver does: milliseconds when too
// large for seconds.
func unixDBTime(v int64) time.Time {
	if v > 1e12 || v < -1e12 {
		return time.Unix(0, v*int64(time.Millisecond)).UTC()
	}
	return time.Unix(v, 0).UTC()
}

// rawTime reads a time column as stored (text or integer; NULL: zero).
func rawTime(v any) time.Time {
	switch t := v.(type) {
	case string:
		return parseDBTime(t)
	case int64:
		return unixDBTime(t)
	case time.Time:
		return t.UTC()
	}
	return time.Time{}
}

func rawTimePtr(v any) *time.Time {
	if v == nil {
		return nil
	}
	t := rawTime(v)
	return &t
}

// appendRFC3339 appends a stored time as formatTime writes it (RFC 3339 in
// UTC, whole seconds), or nothing for NULL. The stored form
// ("2006-01-02 15:04:05.999999999+00:00") is rewritten byte for byte; any
// other goes through the parser.
func appendRFC3339(dst []byte, v any) []byte {
	switch t := v.(type) {
	case nil:
		return dst
	case string:
		if utcStamp(t) {
			dst = append(dst, t[:10]...)
			dst = append(dst, 'T')
			dst = append(dst, t[11:19]...)
			return append(dst, 'Z')
		}
	}
	return rawTime(v).AppendFormat(dst, time.RFC3339)
}

// utcStamp reports whether s is a plain UTC time the parser would read as
// written: date, space or T, time with whole seconds, optional fraction, and
// no offset or a zero one. Days past the 28th go the slow way, which checks
// the month's length.
func utcStamp(s string) bool {
	if len(s) < 19 {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return false
	}
	two := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	if m := two(5); m < 1 || m > 12 {
		return false
	}
	if d := two(8); d < 1 || d > 28 {
		return false
	}
	if two(11) > 23 || two(14) > 59 || two(17) > 59 {
		return false
	}
	rest := s[19:]
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	return rest == "" || rest == "Z" || rest == "+00:00" || rest == "-00:00"
}

// csvWriter writes the CSV export straight from the raw rows: the same bytes
// encoding/csv wrote (CRLF line ends, quotes only where needed, a newline
// inside a cell as CRLF, every cell neutralised), without the ExportRow, the
// times or the strings in between.
type csvWriter struct {
	w    *bufio.Writer
	base string
	row  []byte
	cell []byte
	evs  []exportEvidence
	attr attributionWriter
}

func newCSVWriter(w *bufio.Writer, opt ExportOptions) *csvWriter {
	return &csvWriter{w: w, base: strings.TrimRight(opt.BaseURL, "/"), row: make([]byte, 0, 4096),
		cell: make([]byte, 0, 512)}
}

func (e *csvWriter) header() error {
	b := e.row[:0]
	for i, c := range CSVColumns() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVCell(b, c)
	}
	e.row = append(b, '\r', '\n')
	_, err := e.w.Write(e.row)
	return err
}

func (e *csvWriter) write(x *exportRaw) error {
	var err error
	if e.evs, err = x.evidence(e.evs[:0]); err != nil {
		return err
	}
	id := rawInt(x.id)
	b := e.row[:0]
	b = appendCSVInt(b, id)
	b = append(b, ',')
	b = appendCSVInt(b, rawInt(x.storyID))
	b = append(b, ',')
	for _, s := range [...]string{x.story, x.entryTime, x.entryHeadline, x.claimant, x.claimantRole, x.claimantKind,
		x.text, x.quote, x.verb} {
		b = appendCSVCell(b, s)
		b = append(b, ',')
	}
	if rawInt(x.direct) != 0 {
		b = append(b, "direct,"...)
	} else {
		b = append(b, "indirect,"...)
	}
	b = appendCSVCell(b, x.channel)
	b = append(b, ',')
	b = appendCSVCell(b, x.via)
	b = append(b, ',')
	b = appendRFC3339(b, x.madeAt)
	b = append(b, ',')
	b = appendRFC3339(b, x.reportedAt)
	b = append(b, ',')
	for _, s := range [...]string{x.reportedURL, x.verifiability, x.verifiabilityReason, x.verdict, x.rationale, x.verdictBy} {
		b = appendCSVCell(b, s)
		b = append(b, ',')
	}
	b = appendRFC3339(b, x.verdictAt)
	b = append(b, ',')
	b = appendCSVCell(b, x.signedOffBy)
	b = append(b, ',')
	b = appendRFC3339(b, x.signedOffAt)
	signed := x.signedOffAt != nil
	if Verdict(x.verdict).Final() && signed {
		b = append(b, ",yes,"...)
	} else {
		b = append(b, ",no,"...)
	}
	// evidence_urls: each item's EvidenceURL, newline-separated.
	c := e.cell[:0]
	for i := range e.evs {
		ev := &e.evs[i]
		if ev.url == "" && !ev.hasSHA {
			continue
		}
		if len(c) > 0 {
			c = append(c, EvidenceURLSeparator...)
		}
		if ev.url != "" {
			c = append(c, ev.url...)
		} else {
			c = append(c, e.base...)
			c = append(c, "/api/v1/evidence/"...)
			c = append(c, ev.id...)
			c = append(c, "/file"...)
		}
	}
	b = appendCSVCell(b, c)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(exportCorroboration(e.evs)), 10)
	b = append(b, ',')
	c = e.attr.appendLine(c[:0], x.claimant, x.claimantRole, x.text, Verdict(x.verdict), Verifiability(x.verifiability), signed)
	b = appendCSVCell(b, c)
	b = append(b, ',')
	c = append(c[:0], e.base...)
	c = append(c, "/claims/"...)
	c = strconv.AppendInt(c, id, 10)
	b = appendCSVCell(b, c)
	e.cell = c
	e.row = append(b, '\r', '\n')
	_, err = e.w.Write(e.row)
	return err
}

// appendCSVInt appends a number cell (a negative one neutralised, as
// NeutraliseCell would).
func appendCSVInt(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '\'')
	}
	return strconv.AppendInt(b, n, 10)
}

// appendCSVCell appends one cell as csvEncoder wrote it: NeutraliseCell, then
// encoding/csv's quoting with UseCRLF (quoted when the cell holds a comma, a
// quote, CR or LF, starts with a space or is `\.`; inside quotes, a quote
// doubled, CR dropped, LF written as CRLF).
func appendCSVCell[T ~string | ~[]byte](b []byte, s T) []byte {
	if len(s) == 0 {
		return b
	}
	neut := neutralise(s)
	quote := false
	for i := 0; i < len(s); i++ {
		if csvSpecial[s[i]] {
			quote = true
			break
		}
	}
	if !quote && !neut {
		if string(s) == `\.` {
			quote = true
		} else if c := s[0]; c < utf8.RuneSelf {
			quote = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			r, _ := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
			quote = unicode.IsSpace(r)
		}
	}
	if !quote {
		if neut {
			b = append(b, '\'')
		}
		return append(b, s...)
	}
	b = append(b, '"')
	if neut {
		b = append(b, '\'')
	}
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			b = append(b, s[start:i+1]...)
			b = append(b, '"')
			start = i + 1
		case '\r':
			b = append(b, s[start:i]...)
			start = i + 1
		case '\n':
			b = append(b, s[start:i]...)
			b = append(b, '\r', '\n')
			start = i + 1
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// csvSpecial marks the bytes that make encoding/csv quote a cell.
var csvSpecial = [256]bool{',': true, '"': true, '\r': true, '\n': true}

// neutralise reports whether NeutraliseCell would prefix s with a quote.
func neutralise[T ~string | ~[]byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	case 0xEF: // the full-width ＝ ＋ － ＠: EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0
		if len(s) >= 3 && s[1] == 0xBC {
			switch s[2] {
			case 0x9D, 0x8B, 0x8D, 0xA0:
				return true
			}
		}
	}
	return false
}

// attributionWriter appends AttributionLine's sentence without building a
// Claim or a string per row: the opening ("According to NAME, the role, ")
// depends only on the claimant, so it is kept per name and role.
type attributionWriter struct {
	opening map[[2]string]string
	claim   Claim
	stamp   time.Time
}

// maxOpenings bounds the cache of openings: past it, the cache starts over.
const maxOpenings = 4096

func (a *attributionWriter) appendLine(b []byte, name, role, text string, verdict Verdict, verif Verifiability, signed bool) []byte {
	key := [2]string{name, role}
	open, ok := a.opening[key]
	if !ok {
		if a.opening == nil || len(a.opening) >= maxOpenings {
			a.opening = make(map[[2]string]string)
		}
		var sb strings.Builder
		sb.WriteString("According to ")
		sb.WriteString(name)
		if r := strings.TrimSpace(role); r != "" && !strings.EqualFold(r, name) {
			sb.WriteString(", ")
			sb.WriteString(roleWithArticle(r))
		}
		sb.WriteString(", ")
		open = sb.String()
		a.opening[key] = open
	}
	b = append(b, open...)
	b = appendClaimClause(b, text)
	b = append(b, '.')
	a.claim.Verdict, a.claim.Verifiability, a.claim.SignedOffAt = verdict, verif, nil
	if signed {
		a.claim.SignedOffAt = &a.stamp // attributionTail only asks whether it is set
	}
	if tail := attributionTail(&a.claim); tail != "" {
		b = append(b, ' ')
		b = append(b, tail...)
	}
	return b
}

// appendClaimClause appends claimClause(text) without allocating for the
// usual ASCII opening word.
func appendClaimClause(b []byte, text string) []byte {
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, ".;:!? ")
	if t == "" {
		return b
	}
	word := t
	if i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }); i > 0 {
		word = t[:i]
	}
	var low bool
	if isASCII(word) {
		var buf [16]byte // longer than any of lowerFirstWords
		if n := len(word); n <= len(buf) {
			for i := 0; i < n; i++ {
				c := word[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			low = lowerFirstWords[string(buf[:n])]
		}
	} else {
		low = lowerFirstWords[strings.ToLower(word)]
	}
	if !low {
		return append(b, t...)
	}
	// lowerFirst, appended.
	r, n := utf8.DecodeRuneInString(t)
	if r == utf8.RuneError {
		return append(b, t...)
	}
	if n < len(t) {
		if r2, _ := utf8.DecodeRuneInString(t[n:]); unicode.IsUpper(r2) {
			return append(b, t...)
		}
	}
	b = utf8.AppendRune(b, unicode.ToLower(r))
	return append(b, t[n:]...)
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
