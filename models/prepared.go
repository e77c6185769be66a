package models

import (
	"context"
	"database/sql"
	"sync"

	"gorm.io/gorm"
)

// Every verdict change runs the same few short statements on the single
// writer, and every claim page and every change's answer the same query on a
// reader. For statements this short, SQLite's parsing and planning them
// (sqlite3_prepare, made worse by the claims table's many indexes, joins and
// triggers) and gorm's building them cost about as much as running them; on
// the writer, time spent is time every other writer waits. So they are
// prepared once and reused. The writer prepares its statements when it
// starts and hands them to each transaction it runs through the
// transaction's context; txExec and txQuery use the prepared copy when there
// is one and the plain statement otherwise (on PostgreSQL, or if preparing
// failed), with the same effect. A reader statement is prepared the first
// time it is needed.

// Statements the writer prepares. Savepoints go through here too: one
// savepoint name serves every write of a batch, since each is released
// before the next begins.
const (
	savepointSQL         = `SAVEPOINT w`
	releaseSavepointSQL  = `RELEASE SAVEPOINT w`
	rollbackSavepointSQL = `ROLLBACK TO SAVEPOINT w`
	claimRowSQL          = `SELECT ` + claimColumns + ` FROM claims WHERE claims.id = ?`
	standingEvidenceSQL  = `SELECT id FROM evidence WHERE claim_id = ? AND removed_at IS NULL ORDER BY id`
	insertActivitySQL    = `INSERT INTO activities(claim_id, actor_id, action, from_value, to_value, text, details, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
)

// writerStatements lists what the writer prepares when it starts.
func writerStatements() []string {
	qs := []string{savepointSQL, releaseSavepointSQL, rollbackSavepointSQL, claimRowSQL, standingEvidenceSQL, insertActivitySQL, insertClaimEventSQL}
	for _, unconfirmed := range []bool{false, true} {
		for _, signedOff := range []bool{false, true} {
			qs = append(qs, verdictUpdateSQL(unconfirmed, signedOff))
		}
	}
	return qs
}

// writerStmts are the writer's prepared statements, by their SQL.
type writerStmts map[string]*sql.Stmt

// writerStmtsKey is the context key under which a transaction carries them.
type writerStmtsKey struct{}

// prepareWriterStmts prepares the writer's statements on its connection; it
// runs before the writer's first transaction, while the connection is free.
// A statement that fails to prepare is simply run unprepared.
func (s *Store) prepareWriterStmts() writerStmts {
	db, err := s.w.DB()
	if err != nil {
		return nil
	}
	stmts := writerStmts{}
	for _, q := range writerStatements() {
		if st, err := db.Prepare(q); err == nil {
			stmts[q] = st
		}
	}
	return stmts
}

// close releases the prepared statements.
func (ws writerStmts) close() {
	for _, st := range ws {
		st.Close()
	}
}

// begin starts a write transaction that carries the prepared statements.
// It is not bound to any request's context: interrupting SQLite in the
// middle of a statement would roll back the whole batch.
func (s *Store) begin(ws writerStmts) *gorm.DB {
	return s.w.WithContext(context.WithValue(context.Background(), writerStmtsKey{}, ws)).Begin()
}

// prepared returns tx's prepared copy of q, or nil.
func prepared(tx *gorm.DB, q string) *sql.Stmt {
	ctx := tx.Statement.Context
	ws, _ := ctx.Value(writerStmtsKey{}).(writerStmts)
	st, ok := ws[q]
	sqlTx, isTx := tx.Statement.ConnPool.(*sql.Tx)
	if !ok || !isTx {
		return nil
	}
	return sqlTx.StmtContext(ctx, st)
}

// txExec runs a statement in tx and reports how many rows it changed.
func txExec(tx *gorm.DB, q string, args ...any) (int64, error) {
	var res sql.Result
	var err error
	if st := prepared(tx, q); st != nil {
		res, err = st.ExecContext(tx.Statement.Context, args...)
	} else {
		res, err = tx.Statement.ConnPool.ExecContext(tx.Statement.Context, dialectOf(tx).rebind(q), args...)
	}
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// txQuery runs a query in tx.
func txQuery(tx *gorm.DB, q string, args ...any) (*sql.Rows, error) {
	if st := prepared(tx, q); st != nil {
		return st.QueryContext(tx.Statement.Context, args...)
	}
	return tx.Statement.ConnPool.QueryContext(tx.Statement.Context, dialectOf(tx).rebind(q), args...)
}

// readerStmt is a statement prepared on the read pool the first time it
// runs (database/sql then prepares it once on each pooled connection).
type readerStmt struct {
	once sync.Once
	stmt *sql.Stmt // nil if preparing failed
}

// readQuery runs q (always the same for one rs) on the read pool, prepared.
func (s *Store) readQuery(ctx context.Context, rs *readerStmt, q string, args ...any) (*sql.Rows, error) {
	rs.once.Do(func() {
		if db, err := s.r.DB(); err == nil {
			// If preparing fails, the plain statement below runs instead and
			// meets the same trouble, if it is real, with its own error.
			rs.stmt, _ = db.PrepareContext(context.Background(), s.d.rebind(q))
		}
	})
	if rs.stmt != nil {
		return rs.stmt.QueryContext(ctx, args...)
	}
	return s.read(ctx).Statement.ConnPool.QueryContext(ctx, s.d.rebind(q), args...)
}
