package models

import (
	"database/sql"
	"time"
)

// In WAL mode every commit appends the pages it changed to the write-ahead
// log; a checkpoint copies them back into the database file and syncs it.
// SQLite runs one itself after a commit once the log holds 1,000 pages, on the
// committing connection: our single writer, which then stops writing for as
// long as it takes to copy and sync a few megabytes of pages scattered over
// the file. The checkpointer copies them in the background instead, on a
// connection of its own, shortly after each commit, so when the writer's
// turn comes little is left to copy. Durability is unchanged: a commit is
// acknowledged once the log is synced, as before, and a checkpoint syncs the
// log before copying and the database file after.

// checkpointEvery is the shortest pause between two background checkpoints,
// so that a busy desk gets one checkpoint (and its two syncs) per interval
// rather than one per commit.
const checkpointEvery = 50 * time.Millisecond

// checkpointer runs passive checkpoints on its own connection when kicked.
type checkpointer struct {
	kicks chan struct{}
	quit  chan struct{}
	done  chan struct{}
}

// startCheckpointer opens the checkpointer's connection: read-only (it copies
// pages, it never changes data), with synchronous=FULL so that the checkpoint
// syncs the log and the database file whatever the writer's setting.
func (s *Store) startCheckpointer() *checkpointer {
	c := &checkpointer{kicks: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	db, err := sql.Open("sqlite3", sqliteDSN(s.path, false, "FULL"))
	if err != nil {
		// Nothing in the background: the writer's own checkpoints carry on.
		close(c.done)
		return c
	}
	db.SetMaxOpenConns(1)
	go c.run(db)
	return c
}

// kick asks for a checkpoint soon; it never blocks the writer.
func (c *checkpointer) kick() {
	select {
	case c.kicks <- struct{}{}:
	default:
	}
}

// stop ends the checkpointer and closes its connection, before the store
// closes its own (the last connection to close checkpoints what is left).
func (c *checkpointer) stop() {
	close(c.quit)
	<-c.done
}

func (c *checkpointer) run(db *sql.DB) {
	defer close(c.done)
	defer db.Close()
	for {
		select {
		case <-c.kicks:
		case <-c.quit:
			return
		}
		// PASSIVE copies what it can without waiting for readers or the
		// writer and never makes anyone else wait.
		var busy, logPages, copied int
		if err := db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logPages, &copied); err != nil {
			// A checkpointer that cannot checkpoint leaves the work to the
			// writer, as SQLite does by default; nothing is lost.
			return
		}
		select {
		case <-time.After(checkpointEvery):
		case <-c.quit:
			return
		}
	}
}
