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

// SimilarClaim is a claim like another one, with how alike they are and
// what differs, as the claim page and GET /claims/:id/similar show it.
type SimilarClaim struct {
	Claim       Claim    `json:"claim"`
	Score       float64  `json:"score"`
	SameFigures bool     `json:"same_figures"`
	Differences []string `json:"differences"`
	Reason      string   `json:"reason"`
	// Link is how the two claims are already linked ("contradicts",
	// "corroborates", "duplicate_of"), "" when they are not.
	Link string `json:"link"`
}

// Bounds of the similar-claims answer.
const (
	DefaultSimilarLimit = 10
	MaxSimilarLimit     = 50
)

// Candidate search: how many of a claim's words are searched for, and how
// many of the newest claims holding each are read. Each search is of one word:
// the index reads a word's claims newest first and stops at the limit, so a
// claim of common words costs no more than one of rare names, where a search
// for several words at once would read every claim of each (tens of
// milliseconds at a million claims). A rare word (a place, a name) brings all
// of its claims, however old; a claim of common words only finds the newest
// claims that share them.
const (
	similarWords     = 6
	similarWordLimit = 40
)

// SimilarClaims finds the claims most like claim id across all stories,
// best first, with the link each already has to it.
func (s *Store) SimilarClaims(ctx context.Context, id int64, limit int) ([]SimilarClaim, error) {
	if limit <= 0 {
		limit = DefaultSimilarLimit
	}
	if limit > MaxSimilarLimit {
		return nil, invalid("limit", "must be between 1 and "+strconv.Itoa(MaxSimilarLimit))
	}
	m := newMatcher(s)
	base, err := m.claims(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	self, ok := base[id]
	if !ok {
		return nil, ErrNotFound
	}
	ids, err := m.candidates(ctx, []*matchClaim{self})
	if err != nil {
		return nil, err
	}
	scored, err := m.rank(ctx, self, ids[0], id, limit, 0)
	if err != nil {
		return nil, err
	}
	top := make([]int64, len(scored))
	for i, sc := range scored {
		top[i] = sc.id
	}
	claims, err := s.claimsByID(ctx, top)
	if err != nil {
		return nil, err
	}
	links, err := s.linkKinds(ctx, id, top)
	if err != nil {
		return nil, err
	}
	out := make([]SimilarClaim, 0, len(claims))
	for i, c := range claims {
		r := scored[i].r
		out = append(out, SimilarClaim{Claim: c, Score: r.Score, SameFigures: r.SameFigures,
			Differences: nonNil(r.Differences), Reason: r.Reason, Link: links[c.ID]})
	}
	return out, nil
}

// linkKinds tells, for each of others, how it is already linked to claim id.
func (s *Store) linkKinds(ctx context.Context, id int64, others []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(others) == 0 {
		return out, nil
	}
	var ls []ClaimLink
	err := s.read(ctx).Where("(from_claim_id = ? AND to_claim_id IN ?) OR (to_claim_id = ? AND from_claim_id IN ?)", id, others, id, others).
		Order("id").Find(&ls).Error
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		other := l.ToClaimID
		if other == id {
			other = l.FromClaimID
		}
		out[other] = l.Kind
	}
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

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

func newMatcher(s *Store) *matcher {
	db, _ := s.r.DB()
	return &matcher{s: s, db: db, features: map[int64]*matchClaim{}, searches: map[string][]int64{}}
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
			ids, err := m.search(gctx, w, similarWordLimit)
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
