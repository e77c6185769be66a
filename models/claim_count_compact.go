package models

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"
)

// On PostgreSQL the count triggers append one row per change to
// claim_count_deltas instead of updating a shared counter (see
// pgSchemaV17), and counts read the deltas beside the count tables. This
// folds the deltas into the tables, so that they stay a few rows: every
// second, in one statement (what it deletes is what it adds, atomically),
// one process at a time (an advisory lock: two folds updating the same
// counters in different orders could deadlock). It runs READ COMMITTED: it
// takes only the deltas committed when it starts, leaves those of writes
// still running for the next fold, and takes no part in the writers'
// serializable checks.

// countCompactEvery is how often the deltas are folded in.
const countCompactEvery = time.Second

// countCompactLock is the advisory lock that lets one fold run at a time.
const countCompactLock = 7426118

const countCompactSQL = `WITH moved AS (
		DELETE FROM claim_count_deltas RETURNING story_id, day, ` + countKeyColumns + `, n
	), stories AS (
		INSERT INTO claim_story_counts AS t (story_id, ` + countKeyColumns + `, n)
		SELECT story_id, ` + countKeyColumns + `, SUM(n) FROM moved GROUP BY story_id, ` + countKeyColumns + `
		ON CONFLICT (story_id, ` + countKeyColumns + `) DO UPDATE SET n = t.n + EXCLUDED.n
	), days AS (
		INSERT INTO claim_day_counts AS t (day, ` + countKeyColumns + `, n)
		SELECT day, ` + countKeyColumns + `, SUM(n) FROM moved GROUP BY day, ` + countKeyColumns + `
		ON CONFLICT (day, ` + countKeyColumns + `) DO UPDATE SET n = t.n + EXCLUDED.n
	)
	INSERT INTO claim_counts AS t (` + countKeyColumns + `, n)
	SELECT ` + countKeyColumns + `, SUM(n) FROM moved GROUP BY ` + countKeyColumns + `
	ON CONFLICT (` + countKeyColumns + `) DO UPDATE SET n = t.n + EXCLUDED.n`

// compactCountsLoop folds the deltas in every countCompactEvery until the
// store closes.
func (s *Store) compactCountsLoop() {
	tick := time.NewTicker(countCompactEvery)
	defer tick.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-tick.C:
			// A failed fold leaves the deltas where they are, still
			// counted; the next tick tries again.
			_ = s.compactCounts(context.Background())
		}
	}
}

// compactCounts folds the deltas committed so far into the count tables.
func (s *Store) compactCounts(ctx context.Context) error {
	var pending []int
	if err := s.r.WithContext(ctx).Raw("SELECT 1 FROM claim_count_deltas LIMIT 1").Scan(&pending).Error; err != nil || len(pending) == 0 {
		return err
	}
	s.pgWrites.Lock()
	defer s.pgWrites.Unlock()
	select {
	case <-s.closing:
		return ErrClosed
	default:
	}
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", countCompactLock).Error; err != nil {
			return err
		}
		return tx.Exec(countCompactSQL).Error
	}, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
}
