package models

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"claimdesk/models/similar"
)

// matcher finds and scores candidate claims, reading each claim and each
// search at most once however many texts it matches.
type matcher struct {
	s  *Store
	db *sql.DB
	mu sync.Mutex // guards the two maps: searches and reads run two at a time
	// features are the claims read so far, by id.
	features map[int64]*matchClaim
	// searches are the answers of the word searches made so far.
	searches map[string][]int64
	// perWord is how many of the newest claims holding a word are read.
	perWord int
}

// matchWorkers is how many searches, reads and scorings run at once: the
// two cores of the machine Claimdesk is sized for.
const matchWorkers = 2

// matchClaim is a stored claim as matching reads it.
type matchClaim struct {
	id, storyID int64
	verdict     Verdict
	f           *similar.Features
}

func newMatcher(s *Store, perWord int) (*matcher, error) {
	db, err := s.r.DB()
	if err != nil {
		return nil, err
	}
	return &matcher{s: s, db: db, features: map[int64]*matchClaim{}, searches: map[string][]int64{}, perWord: perWord}, nil
}

// claims reads the features of the given claims (those not read yet) and
// returns them all by id.
func (m *matcher) claims(ctx context.Context, ids []int64) (map[int64]*matchClaim, error) {
	if err := m.read(ctx, ids); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[int64]*matchClaim, len(ids))
	for _, id := range ids {
		if c, ok := m.features[id]; ok {
			out[id] = c
		}
	}
	return out, nil
}

// read reads the claims of ids not read yet, in chunks, two at a time.
func (m *matcher) read(ctx context.Context, ids []int64) error {
	m.mu.Lock()
	var missing []int64
	seen := map[int64]bool{}
	for _, id := range ids {
		if _, ok := m.features[id]; !ok && !seen[id] {
			seen[id] = true
			missing = append(missing, id)
		}
	}
	m.mu.Unlock()
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(matchWorkers)
	for len(missing) > 0 {
		chunk := missing[:min(len(missing), 400)]
		missing = missing[len(chunk):]
		g.Go(func() error { return m.load(ctx, chunk) })
	}
	return g.Wait()
}

// load reads claims with their claimant's name and aliases in two statements.
func (m *matcher) load(ctx context.Context, ids []int64) error {
	list := idList(ids)
	in := `SELECT value FROM json_each(?)`
	if m.s.d.pg {
		in = `SELECT value::bigint FROM json_array_elements_text(?::json)`
	}
	rows, err := m.db.QueryContext(ctx, m.s.d.rebind(`SELECT c.id, c.story_id, c.source_id, c.text, c.verb, c.verdict, c.reported_at, s.name
		FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id IN (`+in+`)`), list)
	if err != nil {
		return err
	}
	type row struct {
		mc       *matchClaim
		c        similar.Claim
		sourceID int64
	}
	var got []row
	sources := map[int64][]string{}
	for rows.Next() {
		var r row
		r.mc = &matchClaim{}
		if err := rows.Scan(&r.mc.id, &r.mc.storyID, &r.sourceID, &r.c.Text, &r.c.Verb, (*string)(&r.mc.verdict), &r.c.At, &r.c.Claimant); err != nil {
			rows.Close()
			return err
		}
		r.c.SourceID = r.sourceID
		sources[r.sourceID] = nil
		got = append(got, r)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	srcIDs := make([]int64, 0, len(sources))
	for id := range sources {
		srcIDs = append(srcIDs, id)
	}
	arows, err := m.db.QueryContext(ctx, m.s.d.rebind(`SELECT source_id, alias FROM source_aliases WHERE source_id IN (`+in+`)`), idList(srcIDs))
	if err != nil {
		return err
	}
	for arows.Next() {
		var id int64
		var alias string
		if err := arows.Scan(&id, &alias); err != nil {
			arows.Close()
			return err
		}
		sources[id] = append(sources[id], alias)
	}
	if err := arows.Close(); err != nil {
		return err
	}
	for _, r := range got {
		r.c.Aliases = sources[r.sourceID]
		r.mc.f = similar.Extract(r.c)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range got {
		m.features[r.mc.id] = r.mc
	}
	return nil
}

// idList writes ids as a JSON array, the one argument the statements that
// load claims by id take (see claimListSQL).
func idList(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// candidates finds, for each of cs, the claims that may be like it: the
// newest claims holding each of its most telling words. The searches of the
// whole batch run two at a time, each word once.
func (m *matcher) candidates(ctx context.Context, cs []*matchClaim) ([][]int64, error) {
	words := make([][]string, len(cs))
	var all []string
	seen := map[string]bool{}
	for i, c := range cs {
		words[i] = c.f.Words(similarWords)
		for _, w := range words[i] {
			if !seen[w] {
				seen[w] = true
				all = append(all, w)
			}
		}
	}
	found := make([][]int64, len(all))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(matchWorkers)
	for k, w := range all {
		g.Go(func() error {
			ids, err := m.search(gctx, w, m.perWord)
			found[k] = ids
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	byWord := make(map[string][]int64, len(all))
	for k, w := range all {
		byWord[w] = found[k]
	}
	out := make([][]int64, len(cs))
	for i := range cs {
		in := map[int64]bool{}
		for _, w := range words[i] {
			for _, id := range byWord[w] {
				if !in[id] {
					in[id] = true
					out[i] = append(out[i], id)
				}
			}
		}
	}
	return out, nil
}

// search returns the newest claims holding word, at most limit of them,
// remembering the answer for the rest of the batch.
func (m *matcher) search(ctx context.Context, word string, limit int) ([]int64, error) {
	arg := m.s.d.wordArg(word)
	key := strconv.Itoa(limit) + "|" + arg
	m.mu.Lock()
	ids, ok := m.searches[key]
	m.mu.Unlock()
	if ok {
		return ids, nil
	}
	rows, err := m.db.QueryContext(ctx, m.s.d.rebind(`SELECT docid FROM claim_search WHERE `+m.s.d.searchMatch()+` ORDER BY docid DESC LIMIT ?`), arg, limit)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.searches[key] = ids
	m.mu.Unlock()
	return ids, nil
}

// wordArg is the search argument for one whole word. Words come from
// similar.Features.Words: runs of letters and digits, with at most a hyphen
// or an apostrophe inside, which the quotes keep as one phrase.
func (d dialect) wordArg(w string) string {
	if d.pg {
		return "'" + strings.ReplaceAll(w, "'", "''") + "'"
	}
	return `"` + strings.ReplaceAll(w, `"`, "") + `"`
}

// scoredClaim is a candidate with its score against the claim matched.
type scoredClaim struct {
	id int64
	mc *matchClaim
	r  similar.Result
}

// rank scores the candidates against c and keeps the best limit of them
// with a score of at least min, leaving out claim skip.
func (m *matcher) rank(ctx context.Context, c *matchClaim, ids []int64, skip int64, limit int, min float64) ([]scoredClaim, error) {
	cands, err := m.claims(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]scoredClaim, 0, len(cands))
	for _, id := range ids {
		mc, ok := cands[id]
		if !ok || id == skip || similar.MaxScore(c.f, mc.f) < min {
			continue
		}
		r := similar.Compare(c.f, mc.f)
		if r.Score < min || r.Score <= 0 {
			continue
		}
		out = append(out, scoredClaim{id: id, mc: mc, r: r})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].r.Score != out[j].r.Score {
			return out[i].r.Score > out[j].r.Score
		}
		return out[i].id > out[j].id
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// textClaim wraps a text that is not stored yet (an import's or the inbox's
// candidate) for matching.
func textClaim(in MatchInput, now time.Time) *matchClaim {
	at := in.At
	if at.IsZero() {
		at = now
	}
	return &matchClaim{storyID: in.StoryID, f: similar.Extract(similar.Claim{Text: in.Text, Claimant: in.Claimant,
		Aliases: in.Aliases, SourceID: in.SourceID, Verb: in.Verb, At: at})}
}
