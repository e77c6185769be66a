package models

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"
)

// claimInTx loads a claim with its names as it stands inside tx, for writes
// that describe the claim they just changed; stale is left unset.
func claimInTx(ctx context.Context, tx *gorm.DB, id int64) (*Claim, error) {
	rows, err := tx.Statement.ConnPool.QueryContext(ctx, dialectOf(tx).claimWithNames(), id)
	if err != nil {
		return nil, err
	}
	return claimWithExtras(ctx, tx, rows, time.Time{}, 0)
}

// claimWithNames is the statement that loads one claim with its names, for
// d and rebound.
func (d dialect) claimWithNames() string {
	if d.pg {
		return d.rebind(claimWithNamesSQL)
	}
	return claimWithNamesSQLite
}

// claimWithExtras scans the one claim of rows (closing them), adds its
// tags and other extras through db and works out its derived fields.
func claimWithExtras(ctx context.Context, db *gorm.DB, rows *sql.Rows, now time.Time, staleAfter time.Duration) (*Claim, error) {
	c, err := scanOneClaim(rows, true)
	if err != nil {
		return nil, err
	}
	if err := fillExtras(db.WithContext(ctx), []*Claim{c}); err != nil {
		return nil, err
	}
	c.finish(now, staleAfter)
	return c, nil
}
