package models

import (
	"context"
	"database/sql"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"claimdesk/models/dbtest"
)

// compileWatch is a database/sql driver for SQLite that counts the SELECT
// statements SQLite compiles on its connections: its authorizer is asked
// while a statement is compiled, never while it runs, so a prepared
// statement that runs again without being compiled again adds nothing.
type compileWatch struct {
	once     sync.Once
	compiles atomic.Int64
}

// watch is the one compileWatch of the test binary (a driver name can be
// registered once per process).
var watch compileWatch

// driver registers the watching driver the first time and returns its name.
func (w *compileWatch) driver() string {
	const name = "sqlite3-compile-watch"
	w.once.Do(func() {
		sql.Register(name, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
			c.RegisterAuthorizer(func(action int, _, _, _ string) int {
				if action == sqlite3.SQLITE_SELECT {
					w.compiles.Add(1)
				}
				return sqlite3.SQLITE_OK
			})
			return nil
		}})
	})
	return name
}

// watchedStore is a store on a fresh database seeded with claims, opened
// through the watching driver, every answer computed.
func watchedStore(t *testing.T, clock *testClock, claims int) *Store {
	t.Helper()
	cfg := testConfig(t)
	cfg.Now, cfg.NoReuse, cfg.sqliteDriver = clock.Now, true, watch.driver()
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Seed(context.Background(), SeedOptions{Claims: claims, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDeskStatementsCompiledOnce checks that a desk view asked again, a
// minute later, compiles no statement: its token's owner, its counts, its
// page and what the desk page adds (counts per verdict, story picker,
// reviewers, saved views, tags, the source filtered on) run as prepared the
// first time. A "?" compared by "=" made SQLite
// compile such statements again on every request (see dialect_arg.go).
func TestDeskStatementsCompiledOnce(t *testing.T) {
	dbtest.SkipOnPostgres(t, "compiling statements is SQLite's (PostgreSQL plans every execution on its own terms)")
	// Not on the hour: the stale view's cut-off then falls on the same side
	// of the middle of its day both times, and its counts read the same
	// tables.
	clock := &testClock{t: time.Date(2026, 11, 25, 14, 17, 0, 0, time.UTC)}
	s := watchedStore(t, clock, 3000)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, NewUser{Name: "Desk Reader", Email: "reader@desk.test", Role: RoleViewer, Password: "a long enough password"})
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := s.CreateToken(ctx, u.Email, "script")
	if err != nil {
		t.Fatal(err)
	}
	views := []string{
		// The ten the desk list rotates through (handlers' deskViews).
		"unconfirmed=1", "unconfirmed=1&story=2", "verdict=verified&story=2", "stale=1", "source=2",
		"unconfirmed=1&verifiability=not_verifiable", "assignee=2&unconfirmed=1", "", "unconfirmed=1&page=3", "story=2&sort=-updated",
		// Other filters on the same statements.
		"assignee=2", "assignee=none&awaiting_signoff=1", "withdrawn=only", "verdict=unverified,disputed&stale=1",
		"story=2&stale=1", "source=2&unconfirmed=1", "tag=casualties", "since=2026-11-01&until=2026-11-20T06:00:00Z",
	}
	filters := make([]ClaimFilter, len(views))
	for i, v := range views {
		q, err := url.ParseQuery(v)
		if err != nil {
			t.Fatal(err)
		}
		if filters[i], err = ParseClaimFilter(q, u.ID); err != nil {
			t.Fatalf("%q: %v", v, err)
		}
	}
	ask := func(f ClaimFilter) (*ClaimPage, int64) {
		t.Helper()
		before := watch.compiles.Load()
		if _, err := s.UserByToken(ctx, secret); err != nil {
			t.Fatal(err)
		}
		page, err := s.Claims(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		// What the desk page adds to the list.
		if _, err := s.PageVerdictCounts(ctx, f, page); err != nil {
			t.Fatal(err)
		}
		if _, err := s.StoryOptions(ctx, 200); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Users(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SavedViews(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tags(ctx, 100); err != nil {
			t.Fatal(err)
		}
		if f.SourceID > 0 {
			if _, err := s.Source(ctx, f.SourceID); err != nil {
				t.Fatal(err)
			}
		}
		return page, watch.compiles.Load() - before
	}
	first := make([]*ClaimPage, len(views))
	for i, f := range filters {
		first[i], _ = ask(f)
	}
	if first[0].Total == 0 || len(first[0].Claims) == 0 {
		t.Fatalf("the unconfirmed view is empty: %+v", first[0])
	}
	// The token's last use is written once a minute: that write and the
	// requests after it are asked too.
	clock.Advance(time.Minute)
	for i, f := range filters {
		page, compiled := ask(f)
		if compiled != 0 {
			t.Errorf("%q asked again compiled %d statements", views[i], compiled)
		}
		if page.Total != first[i].Total || len(page.Claims) != len(first[i].Claims) {
			t.Errorf("%q: %d claims of %d, first %d of %d", views[i], len(page.Claims), page.Total, len(first[i].Claims), first[i].Total)
		}
	}
}

// TestClaimPageStatementsCompiledOnce is TestDeskStatementsCompiledOnce for
// a claim's page (the claim with its names, activity, links and evidence),
// the stories list and the mentions: nothing compiled the second time.
func TestClaimPageStatementsCompiledOnce(t *testing.T) {
	dbtest.SkipOnPostgres(t, "compiling statements is SQLite's (PostgreSQL plans every execution on its own terms)")
	s := watchedStore(t, &testClock{t: time.Date(2026, 11, 25, 14, 17, 0, 0, time.UTC)}, 500)
	ctx := context.Background()
	var err error
	reads := []struct {
		name string
		read func() (int, error)
	}{
		{"claim", func() (int, error) { c, err := s.Claim(ctx, 42); return len(c.Text), err }},
		{"activity", func() (int, error) { a, err := s.ClaimActivity(ctx, 42); return len(a), err }},
		{"links", func() (int, error) { l, err := s.ClaimLinks(ctx, 42); return len(l), err }},
		{"evidence", func() (int, error) { e, err := s.ClaimEvidence(ctx, 42); return len(e), err }},
		{"stories", func() (int, error) { l, err := s.Stories(ctx, false, 100); return len(l), err }},
		{"mentions", func() (int, error) { m, err := s.Mentions(ctx, 1, 50); return len(m), err }},
	}
	first := make([]int, len(reads))
	for i, r := range reads {
		if first[i], err = r.read(); err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
	}
	if first[0] == 0 || first[1] == 0 || first[4] == 0 {
		t.Fatalf("the seeded claim, its activity or the stories are missing: %v", first)
	}
	for i, r := range reads {
		before := watch.compiles.Load()
		n, err := r.read()
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		if compiled := watch.compiles.Load() - before; compiled != 0 {
			t.Errorf("%s read again compiled %d statements", r.name, compiled)
		}
		if n != first[i] {
			t.Errorf("%s: %d the second time, %d the first", r.name, n, first[i])
		}
	}
}
