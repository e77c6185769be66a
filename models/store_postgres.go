package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// On PostgreSQL several Claimdesk processes may share one database, so the
// single writer goroutine that serialises SQLite's writes cannot serialise
// theirs. Each write runs instead in its own SERIALIZABLE transaction: the
// database then guarantees the outcome of running the writes one at a time,
// which is what every write was written against on SQLite (check a version,
// then update; look a name up, then insert). A write that loses a race is
// refused by PostgreSQL with a serialization failure and is run again from
// the start, so the function passed to write must be repeatable: it may only
// keep its results in variables it resets when it starts. Within one process
// writes take turns (pgWrites); races are then only between processes.

// maxWriteAttempts bounds how often a write that lost a race is run again.
const maxWriteAttempts = 8

// openPostgres connects to PostgreSQL at url and migrates it. One pool
// serves reads and writes: PostgreSQL has no single-writer rule to work
// around.
func (s *Store) openPostgres(url string, gcfg *gorm.Config, conns int) error {
	db, err := gorm.Open(postgres.Open(url), gcfg)
	if err != nil {
		return fmt.Errorf("open database %s: %w", redactURL(url), err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(conns * 4)
	sqlDB.SetMaxIdleConns(conns * 4)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if err := migrate(db); err != nil {
		_ = sqlDB.Close()
		return err
	}
	s.w, s.r = db, db
	s.writes, s.closing, s.stopped = make(chan writeReq), make(chan struct{}), make(chan struct{})
	go func() {
		<-s.closing
		close(s.stopped)
	}()
	go s.compactCountsLoop()
	return nil
}

// writePostgres runs fn in a serializable transaction, again if PostgreSQL
// refuses it for a concurrent write, and returns once it is committed or
// refused for good. As on SQLite, a write that has started is carried out even
// if ctx is cancelled meanwhile, so nobody is told "cancelled" about a write
// that was in fact committed.
func (s *Store) writePostgres(ctx context.Context, fn func(tx *gorm.DB) error) error {
	select {
	case <-s.closing:
		return ErrClosed
	default:
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.pgWrites.Lock()
	defer s.pgWrites.Unlock()
	run := context.WithoutCancel(ctx)
	opts := &sql.TxOptions{Isolation: sql.LevelSerializable}
	for attempt := 1; ; attempt++ {
		err := s.w.WithContext(run).Transaction(func(tx *gorm.DB) error { return runGuarded(fn, tx) }, opts)
		if err == nil {
			s.wakeFeed()
		}
		if err == nil || attempt == maxWriteAttempts || !retryable(err) {
			return err
		}
		// A short random pause, growing with each attempt, so the writes that
		// collided do not collide again in lockstep.
		time.Sleep(time.Duration(rand.IntN(1<<attempt)+1) * time.Millisecond)
	}
}

// retryable reports whether PostgreSQL refused a transaction only because it
// ran at the same time as another one (serialization failure, deadlock).
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// redactURL hides a password in a database URL before it reaches a message.
func redactURL(u string) string {
	cfg, err := pgconn.ParseConfig(u)
	if err != nil || cfg.Password == "" {
		return "(database URL)"
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}
