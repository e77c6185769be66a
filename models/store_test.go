package models

import (
	"context"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"claimdesk/models/dbtest"
)

// testConfig points a store at a database of the test's own: SQLite by
// default, PostgreSQL when the run asks for it (see package dbtest). Its
// passwords are hashed at bcrypt's lowest cost (see Config.PasswordCost).
func testConfig(t testing.TB) Config {
	t.Helper()
	path, url := dbtest.Target(t)
	return Config{Path: path, DatabaseURL: url, PasswordCost: bcrypt.MinCost}
}

// testClock is a settable clock for tests.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fixture is a fresh database with one user per role.
type fixture struct {
	s                                  *Store
	cfg                                Config
	clock                              *testClock
	admin, editor, editor2, fc, viewer *User
	story                              *Story
	source                             *Source
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
	cfg := testConfig(t)
	cfg.Now = clock.Now
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, cfg: cfg, clock: clock}
	ctx := context.Background()
	mk := func(name, email string, r Role) *User {
		u, err := s.CreateUser(ctx, NewUser{Name: name, Email: email, Role: r, Password: "a long enough password"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	f.admin = mk("Ada Admin", "admin@desk.test", RoleAdmin)
	f.editor = mk("Eve Editor", "eve@desk.test", RoleEditor)
	f.editor2 = mk("Ed Second", "ed@desk.test", RoleEditor)
	f.fc = mk("Fay Checker", "fay@desk.test", RoleFactchecker)
	f.viewer = mk("Vic Viewer", "vic@desk.test", RoleViewer)
	title := "Belgorod live"
	if f.story, err = s.CreateStory(ctx, f.editor, StoryInput{Title: &title}); err != nil {
		t.Fatal(err)
	}
	name, role, kind := "Vyacheslav Gladkov", "Governor of Belgorod region", "government"
	aliases := []string{"Gladkov", "governor of Belgorod"}
	if f.source, err = s.CreateSource(ctx, SourceInput{Name: &name, Role: &role, Kind: &kind, Aliases: &aliases}); err != nil {
		t.Fatal(err)
	}
	return f
}

func ptr[T any](v T) *T { return &v }

// claim creates a claim by the fixture's source in its story.
func (f *fixture) claim(t testing.TB, text string) *Claim {
	t.Helper()
	c, err := f.s.CreateClaim(context.Background(), f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) evidence(t testing.TB, c *Claim, stance, url, origin string) *Evidence {
	t.Helper()
	ev, err := f.s.AddEvidence(context.Background(), f.fc, c.ID, EvidenceInput{Kind: "document", Stance: stance, URL: url, Origin: origin})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	cfg := testConfig(t)
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.w.Exec(`INSERT INTO schema_migrations(version, name) VALUES (?, 'from the future')`, SchemaVersion()+1).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(cfg)
	if _, ok := err.(ErrSchemaTooNew); !ok {
		t.Fatalf("Open on a newer schema: got %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenTwiceKeepsData(t *testing.T) {
	f := newFixture(t)
	c := f.claim(t, "Two women were killed.")
	f.s.Close()
	s, err := Open(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Claim(context.Background(), c.ID)
	if err != nil || got.Text != "Two women were killed." {
		t.Fatalf("after reopening: %v %+v", err, got)
	}
}

func TestSQLiteSettingsOnEveryConnection(t *testing.T) {
	dbtest.SkipOnPostgres(t, "PRAGMA settings")
	f := newFixture(t)
	ctx := context.Background()
	// Hold several read connections at once so the pool must open more than one.
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mode string
			var fk, busy int
			tx := f.s.r.WithContext(ctx).Begin()
			defer tx.Rollback()
			tx.Raw("PRAGMA journal_mode").Scan(&mode)
			tx.Raw("PRAGMA foreign_keys").Scan(&fk)
			tx.Raw("PRAGMA busy_timeout").Scan(&busy)
			time.Sleep(20 * time.Millisecond)
			if mode != "wal" || fk != 1 || busy != 10000 {
				t.Errorf("read connection: journal_mode=%s foreign_keys=%d busy_timeout=%d", mode, fk, busy)
			}
		}()
	}
	wg.Wait()
	var sync int
	f.s.w.Raw("PRAGMA synchronous").Scan(&sync)
	if sync != 2 {
		t.Errorf("synchronous = %d, want 2 (FULL)", sync)
	}
}

func TestActivityIsAppendOnly(t *testing.T) {
	f := newFixture(t)
	c := f.claim(t, "Claim")
	if err := f.s.w.Exec(`UPDATE activities SET text = 'rewritten' WHERE claim_id = ?`, c.ID).Error; err == nil {
		t.Fatal("updating an activity row succeeded")
	}
	if err := f.s.w.Exec(`DELETE FROM activities WHERE claim_id = ?`, c.ID).Error; err == nil {
		t.Fatal("deleting an activity row succeeded")
	}
	if err := f.s.w.Exec(`DELETE FROM claims WHERE id = ?`, c.ID).Error; err == nil {
		t.Fatal("deleting a claim succeeded")
	}
	acts, err := f.s.ClaimActivity(context.Background(), c.ID)
	if err != nil || len(acts) != 1 || acts[0].Action != ActCreated || acts[0].Text != "Claim" {
		t.Fatalf("activity after tampering attempts: %v %+v", err, acts)
	}
}
