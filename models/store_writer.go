package models

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Writes go through one goroutine that owns the single writer connection.
// Whatever write transactions have queued up while the previous commit was
// running are committed together, each inside its own savepoint: a failing
// one is rolled back alone, the others commit with one WAL sync between them
// (group commit). Under many concurrent reviewers this turns many small
// commits into few larger ones without weakening durability: a write is
// acknowledged only after the commit that holds it.

// maxWriteBatch bounds how many write transactions share one commit.
const maxWriteBatch = 64

// ErrClosed is returned for a write attempted after the store was closed.
var ErrClosed = errors.New("the database is closed")

// writeReq is one queued write transaction and where its outcome goes.
type writeReq struct {
	ctx  context.Context
	fn   func(tx *gorm.DB) error
	done chan error
}

// write runs fn in a write transaction and returns once it is committed (or
// refused). fn sees one transaction; it may share the commit with others.
// Once queued, a write is carried out even if ctx is cancelled meanwhile, so
// the caller never gets "cancelled" for a write that was in fact committed.
//
// A write the storage cannot take (full disk, read-only database) is a
// *StorageError; the next write tries the storage afresh.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.writeFault != nil {
		if err := s.writeFault(); err != nil {
			return storageError(err)
		}
	}
	if s.d.pg {
		return storageError(s.writePostgres(ctx, fn))
	}
	req := writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case s.writes <- req:
	case <-ctx.Done():
		return ctx.Err()
	case <-s.closing:
		return ErrClosed
	}
	return storageError(<-req.done)
}

// writer is the goroutine that owns the writer connection.
func (s *Store) writer() {
	defer close(s.stopped)
	ws := s.prepareWriterStmts()
	defer ws.close()
	for {
		var first writeReq
		select {
		case first = <-s.writes:
		case <-s.closing:
			return
		}
		batch := []writeReq{first}
	drain:
		for len(batch) < maxWriteBatch {
			select {
			case r := <-s.writes:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		s.commitBatch(ws, batch)
	}
}

// commitBatch runs the queued transactions in one database transaction, each
// in a savepoint, and reports each its outcome after the commit.
func (s *Store) commitBatch(ws writerStmts, batch []writeReq) {
	errs := make([]error, len(batch))
	tx := s.begin(ws)
	if tx.Error != nil {
		for _, r := range batch {
			r.done <- tx.Error
		}
		return
	}
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			errs[i] = err // the caller left before its turn: nothing written
			continue
		}
		if _, err := txExec(tx, savepointSQL); err != nil {
			errs[i] = err
			continue
		}
		if err := runGuarded(r.fn, tx); err != nil {
			errs[i] = err
			if _, rb := txExec(tx, rollbackSavepointSQL); rb != nil {
				// SQLite itself rolls the whole transaction back on some
				// errors (a full disk, for one), savepoint and all: then
				// nothing of the batch stands, and the cause is err.
				s.failBatch(tx, batch, fmt.Errorf("%w (rolling back the failed write: %v)", err, rb))
				return
			}
		}
		if _, err := txExec(tx, releaseSavepointSQL); err != nil {
			s.failBatch(tx, batch, err)
			return
		}
	}
	err := tx.Commit().Error
	// Before anyone hears of the outcome, so that a read started after an
	// acknowledged write never reuses an answer from before it. Also after a
	// failed commit: counting one too many only costs a reuse.
	s.committed()
	s.wakeFeed()
	if err != nil {
		s.failBatch(tx, batch, err)
		return
	}
	for i, r := range batch {
		r.done <- errs[i]
	}
}

// failBatch rolls everything back and reports err to every write in it:
// none of them was committed.
func (s *Store) failBatch(tx *gorm.DB, batch []writeReq, err error) {
	_ = tx.Rollback().Error
	for _, r := range batch {
		r.done <- err
	}
}

// runGuarded runs fn, turning a panic into an error so that one bad write
// cannot take the writer goroutine (and every later write) down with it.
func runGuarded(fn func(tx *gorm.DB) error, tx *gorm.DB) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write failed: %v", p)
		}
	}()
	return fn(tx)
}
