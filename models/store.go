package models

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Config holds what the store needs to know at start; the zero value of every
// field except Path has a sensible default.
type Config struct {
	// Path is the SQLite database file.
	Path string
	// DatabaseURL, when set, selects PostgreSQL instead of SQLite
	// (postgres://user:pass@host/db?sslmode=…); Path is then ignored.
	DatabaseURL string
	// StaleAfter is how old an unconfirmed claim must be before the desk flags it.
	StaleAfter time.Duration
	// MaxUploadBytes bounds an uploaded evidence file.
	MaxUploadBytes int64
	// ReadConns is the size of the read pool (the write pool is always one connection).
	ReadConns int
	// Now is the clock; tests pass a fixed one.
	Now func() time.Time
	// Synchronous is SQLite's synchronous setting for the writer: "FULL"
	// (the default) or "NORMAL". See README "Storage and durability".
	Synchronous string
	// NoReuse turns off the reuse of list answers and token owners between
	// commits (see read_cache.go): every read is then made afresh, which is
	// how the load tool measures what the queries themselves cost.
	NoReuse bool
	// WriteFault, when set, is asked before every write; an error it
	// returns (such as syscall.ENOSPC) fails that write as if the storage
	// had. It is for fault drills where the storage itself cannot be
	// filled up or made read-only; nil in normal use.
	WriteFault func() error
	// SessionIdle ends a browser session after this long without a
	// request (DefaultSessionIdle when zero); DefaultSessionTTL still ends
	// it however busy it is.
	SessionIdle time.Duration
	// PasswordCost is the bcrypt cost of the password hashes the store
	// makes; zero means bcrypt.DefaultCost, which is what Claimdesk itself
	// always uses (no flag or variable sets this field). The test suites set
	// bcrypt.MinCost: a hash at the default cost takes about a tenth of a
	// second, many times that under the race detector, and the suites
	// create thousands of users.
	PasswordCost int
	// sqliteDriver names the database/sql driver SQLite is opened with
	// ("sqlite3" when empty): a test registers one that watches what
	// SQLite compiles.
	sqliteDriver string
}

// Store is the single entry point to Claimdesk's data. It keeps one writer
// connection (SQLite allows one writer at a time; queueing writers in Go instead
// of inside SQLite is what keeps "database is locked" away) and a pool of readers
// that never wait behind a write thanks to WAL.
type Store struct {
	w    *gorm.DB
	r    *gorm.DB
	path string
	d    dialect
	// noReuse: see Config.NoReuse.
	noReuse bool
	// writeFault: see Config.WriteFault.
	writeFault func() error
	// sessionIdle: see Config.SessionIdle.
	sessionIdle time.Duration
	// passwordCost: see Config.PasswordCost.
	passwordCost int
	// unknownEmail is the hash an unknown email's password is checked
	// against (see spendCheckTime).
	unknownEmail dummyHash
	// pgWrites lets one write at a time run in this process on PostgreSQL,
	// as the writer goroutine does on SQLite: concurrent serializable
	// transactions in one process would mostly refuse each other.
	pgWrites   sync.Mutex
	staleAfter time.Duration
	maxUpload  int64
	now        func() time.Time
	counts     countCache
	cache      readCache // answers reused until the next commit; see read_cache.go
	// writes queues write transactions for the single writer goroutine,
	// which commits whatever has queued up together (group commit).
	writes  chan writeReq
	closing chan struct{}
	stopped chan struct{}
	// feed publishes committed events to the live streams; see event_feed.go.
	feed *eventFeed
	// dbURL is the PostgreSQL URL, for the connection that listens for
	// other processes' events ("" on SQLite).
	dbURL string
	// webhookWake nudges this process's webhook sender when a write has
	// queued deliveries (see RunWebhooks).
	webhookWake chan struct{}
}

// Default limits, used when Config leaves them zero.
const (
	DefaultStaleAfter     = 6 * time.Hour
	DefaultMaxUploadBytes = 10 << 20
)

// sqliteDSN builds the connection string. Every setting is in the DSN so that
// every pooled connection gets it, not just the first one.
func sqliteDSN(path string, write bool, synchronous string) string {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_journal_mode", "WAL")
	// FULL: a committed transaction survives a process kill and a power loss
	// (the WAL is synced at every commit). NORMAL survives a process kill but
	// may lose the last commits on power loss. See README "Storage and durability".
	q.Set("_synchronous", synchronous)
	q.Set("_foreign_keys", "on")
	q.Set("_cache_size", "-32000")
	// No mutex around every call into SQLite (SQLITE_OPEN_NOMUTEX):
	// database/sql never uses one connection from two goroutines at once,
	// and the lock and unlock per call came to a twentieth of a desk list's
	// time. Cancelling a query still works: sqlite3_interrupt is made to be
	// called from another thread.
	q.Set("_mutex", "no")
	if write {
		// BEGIN IMMEDIATE takes the write lock at the start of a transaction, so
		// a transaction never has to upgrade a read lock and fail with SQLITE_BUSY.
		q.Set("_txlock", "immediate")
	} else {
		q.Set("_query_only", "1")
	}
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the database at cfg.Path, runs the pending
// migrations in a transaction and refuses a database whose schema is newer than
// this binary knows.
func Open(cfg Config) (*Store, error) {
	if cfg.Path == "" && cfg.DatabaseURL == "" {
		return nil, errors.New("database path is empty")
	}
	s := &Store{path: cfg.Path, staleAfter: cfg.StaleAfter, maxUpload: cfg.MaxUploadBytes, now: cfg.Now, noReuse: cfg.NoReuse, writeFault: cfg.WriteFault, sessionIdle: cfg.SessionIdle, feed: newEventFeed(),
		webhookWake: make(chan struct{}, 1)}
	if cfg.DatabaseURL != "" {
		s.path, s.d, s.dbURL = "", dialect{pg: true}, cfg.DatabaseURL
	}
	if s.staleAfter <= 0 {
		s.staleAfter = DefaultStaleAfter
	}
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUploadBytes
	}
	if s.sessionIdle <= 0 {
		s.sessionIdle = DefaultSessionIdle
	}
	if s.now == nil {
		s.now = time.Now
	}
	cost, err := passwordCost(cfg)
	if err != nil {
		return nil, err
	}
	s.passwordCost = cost
	sync := strings.ToUpper(strings.TrimSpace(cfg.Synchronous))
	switch sync {
	case "":
		sync = "FULL"
	case "FULL", "NORMAL":
	default:
		return nil, fmt.Errorf("synchronous must be FULL or NORMAL, not %q", cfg.Synchronous)
	}
	readConns := cfg.ReadConns
	if readConns <= 0 {
		readConns = 4
	}
	gcfg := &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return s.now().UTC() },
	}
	if s.d.pg {
		if err := s.openPostgres(cfg.DatabaseURL, gcfg, readConns); err != nil {
			return nil, err
		}
		return s, nil
	}
	w, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: cfg.sqliteDriver, DSN: sqliteDSN(cfg.Path, true, sync)}), gcfg)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", cfg.Path, err)
	}
	wdb, err := w.DB()
	if err != nil {
		return nil, err
	}
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxLifetime(0)
	s.w = w
	if err := migrate(w); err != nil {
		_ = wdb.Close()
		return nil, err
	}
	r, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: cfg.sqliteDriver, DSN: sqliteDSN(cfg.Path, false, sync)}), readerConfig(gcfg))
	if err != nil {
		_ = wdb.Close()
		return nil, fmt.Errorf("open database %s for reading: %w", cfg.Path, err)
	}
	rdb, err := r.DB()
	if err != nil {
		_ = wdb.Close()
		return nil, err
	}
	rdb.SetMaxOpenConns(readConns)
	rdb.SetMaxIdleConns(readConns)
	s.r = r
	s.writes, s.closing, s.stopped = make(chan writeReq), make(chan struct{}), make(chan struct{})
	go s.writer()
	return s, nil
}

// Close closes both pools; after a clean close the WAL is checkpointed.
// PRAGMA optimize first refreshes the planner's statistics where they are
// stale, as SQLite recommends doing before closing.
func (s *Store) Close() error {
	select {
	case <-s.closing:
	default:
		close(s.closing)
	}
	<-s.stopped
	s.stopFeed()
	if s.d.pg {
		// Let the write in progress, if any, finish before the pool closes.
		s.pgWrites.Lock()
		defer s.pgWrites.Unlock()
	}
	var errs []error
	if !s.d.pg {
		// analysis_limit keeps the statistics pass to a sample of each index, so
		// closing stays quick even on a large database that has none yet.
		errs = append(errs, s.w.Exec("PRAGMA analysis_limit = 400").Error, s.w.Exec("PRAGMA optimize").Error)
	}
	if db, err := s.r.DB(); err == nil && s.r != s.w {
		errs = append(errs, db.Close())
	}
	if db, err := s.w.DB(); err == nil {
		errs = append(errs, db.Close())
	}
	return errors.Join(errs...)
}

// Ping checks that the database answers; /healthz uses it.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.r.WithContext(ctx).Raw("SELECT 1").Scan(&one).Error
}

// Now is the store's clock, in UTC.
func (s *Store) Now() time.Time { return s.now().UTC() }

// StaleAfter is the age after which an unconfirmed claim counts as stale.
func (s *Store) StaleAfter() time.Duration { return s.staleAfter }

// MaxUploadBytes is the largest evidence file the store accepts.
func (s *Store) MaxUploadBytes() int64 { return s.maxUpload }

// Path is the database file the store was opened on ("" on PostgreSQL).
func (s *Store) Path() string { return s.path }

// Dialect names the database behind the store: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.d.Name() }

// read returns the read pool bound to ctx.
func (s *Store) read(ctx context.Context) *gorm.DB { return s.r.WithContext(ctx) }
