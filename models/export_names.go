package models

import (
	"context"
	"database/sql/driver"
	"io"
)

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
