package models

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// SeedOptions sizes a generated desk.
type SeedOptions struct {
	Claims int
	// Seed makes the data repeatable.
	Seed uint64
	// Progress, when set, is called after each batch with the claims written so far.
	Progress func(done int)
}

// Seed fills the database with a realistic desk for demos and benchmarks:
// stories with entries, sources with aliases, claims with a newsroom's mix of
// verdicts and verifiability entered over the last year in the order of their
// ids (see seedClaimTime), evidence and activity.
// It writes raw rows in large transactions (the search index is filled by the
// same triggers as every other write), so a million claims take minutes.
func (s *Store) Seed(ctx context.Context, opt SeedOptions) error {
	if opt.Claims <= 0 {
		return invalid("claims", "must be a positive number")
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	db, err := s.w.DB()
	if err != nil {
		return err
	}
	now := s.Now()
	hash, err := bcrypt.GenerateFromPassword([]byte("seeded-password-"+fmt.Sprint(opt.Seed)), bcrypt.MinCost)
	if err != nil {
		return err
	}
	// Users: a desk of twelve reviewers.
	var userIDs []int64
	err = seedTx(ctx, db, func(tx *sql.Tx) error {
		roles := []Role{RoleEditor, RoleEditor, RoleEditor, RoleFactchecker, RoleFactchecker, RoleFactchecker, RoleFactchecker, RoleFactchecker, RoleFactchecker, RoleFactchecker, RoleViewer, RoleViewer}
		for i, r := range roles {
			id, err := s.d.insertID(ctx, tx, `INSERT INTO users(name, email, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT(email) DO UPDATE SET name = excluded.name`,
				seedFirst[i%len(seedFirst)]+" "+seedLast[(i*7)%len(seedLast)], fmt.Sprintf("seed%d-%d@desk.example", opt.Seed, i), string(r), string(hash), now, now)
			if err != nil {
				return err
			}
			if r != RoleViewer {
				userIDs = append(userIDs, id)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	nStories := max(1, opt.Claims/2000)
	nSources := max(5, opt.Claims/50)
	stories := make([]seedStory, nStories)
	sources := make([]int64, nSources)
	err = seedTx(ctx, db, func(tx *sql.Tx) error {
		for i := range stories {
			// Opened when its first claims come in: pickStory gives story
			// big+k the claims of stretches k-2 to k of the year.
			created := now.Add(-seedSpan)
			if big := min(len(stories), 5); i >= big {
				created = created.Add(time.Duration(max(0, i-big-2)) * (seedSpan / time.Duration(len(stories)-big)))
			}
			id, err := s.d.insertID(ctx, tx, `INSERT INTO stories(title, url, language, created_at, updated_at, created_by_id) VALUES (?, ?, 'en', ?, ?, ?)`,
				fmt.Sprintf("%s %s – live updates", seedPlaces[rng.IntN(len(seedPlaces))], seedEvents[rng.IntN(len(seedEvents))]),
				fmt.Sprintf("https://news.example/live/%d", i+1), created, created, userIDs[rng.IntN(len(userIDs))])
			if err != nil {
				return err
			}
			stories[i].id = id
			for e := 0; e < 40; e++ {
				h, m := (6+e/3)%24, (e*17)%60
				id, err := s.d.insertID(ctx, tx, `INSERT INTO entries(story_id, position, time_text, headline, body, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
					stories[i].id, e, fmt.Sprintf("%02d:%02d", h, m), seedHeadlines[rng.IntN(len(seedHeadlines))], "", fmt.Sprintf("seed-%d-%d", i, e), created)
				if err != nil {
					return err
				}
				stories[i].entries = append(stories[i].entries, id)
			}
		}
		for i := range sources {
			kind := sourceKinds[rng.IntN(len(sourceKinds))]
			name := fmt.Sprintf("%s %s", seedFirst[rng.IntN(len(seedFirst))], seedLast[rng.IntN(len(seedLast))])
			role := ""
			if kind != "person" && kind != "anonymous" {
				name = fmt.Sprintf("%s %s", seedPlaces[rng.IntN(len(seedPlaces))], seedBodies[rng.IntN(len(seedBodies))])
			} else {
				role = seedRoles[rng.IntN(len(seedRoles))] + " of " + seedPlaces[rng.IntN(len(seedPlaces))]
			}
			name = fmt.Sprintf("%s (%d)", name, i+1)
			sources[i], err = s.d.insertID(ctx, tx, `INSERT INTO sources(name, norm_name, role, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
				name, normName(name), role, kind, now, now)
			if err != nil {
				return err
			}
			alias := strings.Fields(name)[1] + fmt.Sprintf(" %d", i+1)
			if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO source_aliases(source_id, alias, norm_alias) VALUES (?, ?, ?)`), sources[i], alias, normName(alias)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var existing int64
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM claims").Scan(&existing); err != nil {
		return err
	}
	if existing == 0 && !s.d.pg {
		// An empty desk: one transaction that drops the claim indexes and the
		// search trigger, inserts everything, then builds the indexes and the
		// search index in bulk — several times faster than maintaining them
		// row by row, and all or nothing if it is interrupted.
		return seedTx(ctx, db, func(tx *sql.Tx) error {
			idx, trig := claimIndexStatements()
			for _, stmt := range append(idx, trig...) {
				if _, err := tx.ExecContext(ctx, "DROP "+strings.Fields(stmt)[1]+" "+strings.Fields(stmt)[2]); err != nil {
					return err
				}
			}
			if err := seedClaims(ctx, s.d, tx, rng, now, opt, 0, opt.Claims, stories, sources, userIDs); err != nil {
				return err
			}
			for _, stmt := range idx {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return err
				}
			}
			for _, fill := range []string{searchFillV22SQL, countFillSQL, dayCountFillSQL, storyCountFillSQL, dayBoundsFillSQL} {
				if _, err := tx.ExecContext(ctx, fill); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO claim_search(claim_search) VALUES('optimize')`); err != nil {
				return err
			}
			for _, stmt := range trig {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, "ANALYZE")
			return err
		})
	}
	const batch = 5000
	for done := 0; done < opt.Claims; {
		n := min(batch, opt.Claims-done)
		err := seedTx(ctx, db, func(tx *sql.Tx) error {
			o := opt
			o.Progress = nil
			return seedClaims(ctx, s.d, tx, rng, now, o, done, n, stories, sources, userIDs)
		})
		if err != nil {
			return err
		}
		done += n
		if opt.Progress != nil {
			opt.Progress(done)
		}
	}
	return nil
}

// claimIndexStatements finds, in the migrations, the statements that create
// the claims table's indexes and its search and count triggers, so the bulk seed can
// drop and rebuild exactly what the schema defines.
func claimIndexStatements() (indexes, triggers []string) {
	// A later migration may create the same object again (v4 recreates the
	// search trigger); the last definition of each name is the current one.
	seen := map[string]int{}
	add := func(list *[]string, stmt string) {
		name := strings.Fields(stmt)[2]
		if i, ok := seen[name]; ok {
			(*list)[i] = stmt
			return
		}
		seen[name] = len(*list)
		*list = append(*list, stmt)
	}
	for _, m := range migrations {
		for _, stmt := range m.sql {
			switch {
			case strings.HasPrefix(stmt, "CREATE INDEX claims_"):
				add(&indexes, stmt)
			case strings.HasPrefix(stmt, "CREATE TRIGGER claims_search_ins"), strings.HasPrefix(stmt, "CREATE TRIGGER claims_counts_"):
				add(&triggers, stmt)
			}
		}
	}
	return indexes, triggers
}

// seedClaims inserts claims first to first+n-1 of the opt.Claims generated
// ones, with their evidence and activity, in tx, reporting progress every few
// thousand.
func seedClaims(ctx context.Context, d dialect, tx *sql.Tx, rng *rand.Rand, now time.Time, opt SeedOptions, first, n int, stories []seedStory, sources, userIDs []int64) error {
	insClaim, err := tx.PrepareContext(ctx, d.returningID(`INSERT INTO claims(story_id, entry_id, source_id, text, quote, verb, direct, channel, via,
		reported_at, reported_url, verifiability, verifiability_reason, verdict, unconfirmed, verdict_rationale, verdict_by_id, verdict_at,
		signed_off_by_id, signed_off_at, assignee_id, content_hash, version, created_by_id, updated_by_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer insClaim.Close()
	insAct, err := tx.PrepareContext(ctx, d.rebind(`INSERT INTO activities(claim_id, actor_id, action, from_value, to_value, text, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer insAct.Close()
	insEv, err := tx.PrepareContext(ctx, d.rebind(`INSERT INTO evidence(claim_id, kind, stance, url, title, origin, added_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer insEv.Close()
	stmts := seedStmts{insClaim, insAct, insEv}
	for i := first; i < first+n; i++ {
		at := seedClaimTime(rng, now, i, opt.Claims)
		st := stories[pickStory(len(stories), i, opt.Claims, rng)]
		if err := seedClaim(ctx, rng, now, at, stmts, st, sources[rng.IntN(len(sources))], userIDs, i); err != nil {
			return err
		}
		if opt.Progress != nil && (i+1)%5000 == 0 {
			opt.Progress(i + 1)
		}
	}
	if opt.Progress != nil {
		opt.Progress(first + n)
	}
	return nil
}

// seedSpan is how far back the generated desk goes.
const seedSpan = 365 * 24 * time.Hour

// seedClaimTimes are when generated claim i of n was entered and when it was
// reported. Claims are entered in the order of their ids, spread evenly over
// the last year, as a desk enters them during coverage; most were reported
// shortly before they were entered, some a day or two earlier, and a few are
// older reports entered later (a backfill of an earlier live blog).
type seedClaimTimes struct{ created, reported time.Time }

func seedClaimTime(rng *rand.Rand, now time.Time, i, n int) seedClaimTimes {
	step := seedSpan / time.Duration(max(n, 1))
	created := now.Add(-seedSpan + time.Duration(i)*step + time.Duration(rng.Int64N(int64(max(step, 1)))))
	var delay time.Duration
	switch r := rng.IntN(100); {
	case r < 80:
		delay = time.Duration(rng.Int64N(int64(2 * time.Hour)))
	case r < 95:
		delay = 2*time.Hour + time.Duration(rng.Int64N(int64(46*time.Hour)))
	default:
		delay = 2*24*time.Hour + time.Duration(rng.Int64N(int64(28*24*time.Hour)))
	}
	return seedClaimTimes{created: created, reported: created.Add(-delay)}
}

// seedStory is a generated story and its entries.
type seedStory struct {
	id      int64
	entries []int64
}

// seedStmts are the prepared inserts of one batch.
type seedStmts struct{ claim, act, ev *sql.Stmt }

// pickStory picks the story of generated claim i of total, out of n: a third
// of the claims go to five big stories that run all year, as real desks have
// a few long-running live blogs; the others to one of the few stories being
// covered at the time of the claim, each of which runs for a stretch of the
// year (stories are spread over the year in the order of their ids).
func pickStory(n, i, total int, rng *rand.Rand) int {
	big := min(n, 5)
	if n == big || rng.IntN(3) == 0 {
		return rng.IntN(big)
	}
	rest := n - big
	at := i * rest / max(total, 1)
	return big + min(rest-1, at+rng.IntN(3))
}

func seedClaim(ctx context.Context, rng *rand.Rand, now time.Time, at seedClaimTimes, st seedStmts, story seedStory, sourceID int64, users []int64, n int) error {
	verdicts := []Verdict{Unreviewed, Unreviewed, Unreviewed, InReview, Verified, Verified, Unverified, Unverified, Disputed, Misleading, False}
	v := verdicts[rng.IntN(len(verdicts))]
	verif, reason := VerifUnknown, ""
	switch rng.IntN(4) {
	case 0:
		verif, reason = VerifNotVerifiable, "The report says the claim could not be independently verified."
	case 1:
		verif = VerifVerifiable
	}
	reported, created := at.reported, at.created
	text := fmt.Sprintf("%s %s %s in %s", seedSubjects[rng.IntN(len(seedSubjects))], seedPredicates[rng.IntN(len(seedPredicates))],
		seedObjects[rng.IntN(len(seedObjects))], seedPlaces[rng.IntN(len(seedPlaces))])
	verb := seedVerbs[rng.IntN(len(seedVerbs))]
	quote := text + ", the source " + verb + "."
	actor := users[rng.IntN(len(users))]
	var verdictBy, signedBy, assignee any
	var verdictAt, signedAt any
	rationale := ""
	version := 1
	updated := created
	if v != Unreviewed {
		updated = earlier(now, created.Add(time.Hour))
		verdictBy, verdictAt, rationale = actor, updated, "Checked against "+seedObjects[rng.IntN(len(seedObjects))]
		version++
		if v.Final() && rng.IntN(2) == 0 {
			other := users[rng.IntN(len(users))]
			if other != actor {
				updated = earlier(now, created.Add(2*time.Hour))
				signedBy, signedAt = other, updated
				version++
			}
		}
	}
	if rng.IntN(3) == 0 {
		assignee = users[rng.IntN(len(users))]
	}
	entry := story.entries[rng.IntN(len(story.entries))]
	var id int64
	err := st.claim.QueryRowContext(ctx, story.id, entry, sourceID, text, quote, verb, rng.IntN(2) == 1, seedChannels[rng.IntN(len(seedChannels))], "",
		reported, "", string(verif), reason, string(v), v.Unconfirmed(), rationale, verdictBy, verdictAt, signedBy, signedAt, assignee,
		fmt.Sprintf("seed-%x", rng.Uint64()), version, actor, actor, created, updated).Scan(&id)
	if err != nil {
		return err
	}
	if _, err := st.act.ExecContext(ctx, id, actor, ActCreated, "", string(Unreviewed), text, "", created); err != nil {
		return err
	}
	if v.Final() || rng.IntN(4) == 0 {
		if _, err := st.ev.ExecContext(ctx, id, "document", "supports", fmt.Sprintf("https://%s.example/%d", seedOutlets[rng.IntN(len(seedOutlets))], n), "Report", "", actor, created); err != nil {
			return err
		}
	}
	if v != Unreviewed {
		if _, err := st.act.ExecContext(ctx, id, actor, ActVerdictChanged, string(Unreviewed), string(v), rationale, `{"evidence_ids":[]}`, verdictAt); err != nil {
			return err
		}
	}
	return nil
}

// earlier returns the earlier of two times.
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func seedTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

var (
	seedFirst      = []string{"Marta", "Jonas", "Ana", "Dario", "Carmen", "Yusuf", "Olena", "Pierre", "Aisha", "Tomasz", "Mei", "Ibrahim", "Sofia", "Kwame", "Lucia", "Arjun"}
	seedLast       = []string{"Kellner", "Brandt", "Ferro", "Pellet", "Ruiz", "Demir", "Kovalenko", "Laurent", "Bello", "Nowak", "Chen", "Haddad", "Rossi", "Mensah", "Vidal", "Rao"}
	seedPlaces     = []string{"Vellamar", "Belgorod", "Kherson", "Serrano", "Port Alba", "Nordheim", "Casavieja", "Tallmarsh", "Red Hill", "Ostrava", "Mirela", "Santa Cruz"}
	seedEvents     = []string{"earthquake", "floods", "port strike", "shelling", "election", "wildfires", "protests", "ceasefire talks"}
	seedBodies     = []string{"interior ministry", "defence ministry", "civil rescue corps", "regional council", "police", "armed forces", "militia", "hospital management", "port authority", "Red Cross office"}
	seedRoles      = []string{"Governor", "Mayor", "Spokesperson", "Commander", "Minister", "Doctor", "Union leader", "Resident"}
	seedHeadlines  = []string{"Rescue teams reach the area", "Officials give new figures", "Ministry denies report", "Aftershock felt", "Talks resume", "Casualty toll rises", "Power restored"}
	seedSubjects   = []string{"Two women", "Rescue teams", "Twelve drones", "The dam", "Troops", "Hundreds of residents", "The first army units", "Aid convoys", "Protesters", "The port"}
	seedPredicates = []string{"were killed by shelling", "pulled 140 people from rubble", "were shot down", "would hold", "were deployed within two hours", "were evacuated", "arrived six hours late", "were blocked", "clashed with police", "remains closed"}
	seedObjects    = []string{"near the border", "since the morning", "overnight", "after the quake", "despite the ceasefire", "according to the plan", "north of the city", "at the bridge"}
	seedVerbs      = []string{"said", "claimed", "alleged", "denied", "estimated", "told reporters", "reported"}
	seedChannels   = []string{"", "in a statement", "on Telegram", "told reporters", "at a news conference", "according to Russian sources", "on X"}
	seedOutlets    = []string{"reuters", "apnews", "afp", "bbc", "localpaper", "ministry", "ngo"}
)
