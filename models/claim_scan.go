package models

import (
	"database/sql"
	"strings"
	"time"
)

// scanClaim reads one row of claimColumns (and, with display, of
// claimDisplayColumns after them) into c. It is the hot path of every claim
// page and every change, so it is written out by hand: gorm's reflective
// scan added about a quarter to reading one claim.
func scanClaim(rows *sql.Rows, c *Claim, display bool) error {
	var sc claimScanner
	return sc.scan(rows, c, display)
}

// claimScanner reads rows of claims one after the other into the same
// destinations, so that a page of claims does not allocate them again for
// every row. Its zero value is ready.
type claimScanner struct {
	row                                                Claim
	entry, verdictBy, signedOffBy, assignee, createdBy sql.NullInt64
	updatedBy, withdrawnBy                             sql.NullInt64
	madeAt, verdictAt, signedOffAt, withdrawnAt        storedTime
	dest                                               []any
	displayed                                          bool
	// pageExtras says the rows end with claimPageExtras (after the
	// display columns).
	pageExtras bool
	tags       sql.NullString
	// ids and times hold what the claims' optional ids and times point
	// to, a block at a time instead of one allocation each. Blocks are
	// only ever appended to, never written again: the claims read keep
	// pointing into them.
	ids   []int64
	times []time.Time
}

// scan reads the current row of rows into c (see scanClaim).
func (sc *claimScanner) scan(rows *sql.Rows, c *Claim, display bool) error {
	r := &sc.row
	if sc.dest == nil || sc.displayed != display {
		sc.dest = []any{&r.ID, &r.StoryID, &sc.entry, &r.SourceID, &r.Text, &r.Quote,
			&r.Verb, &r.Direct, &r.Channel, &r.Via, &sc.madeAt, (*requiredTime)(&r.ReportedAt), &r.ReportedURL,
			(*string)(&r.Verifiability), &r.VerifiabilityReason, (*string)(&r.Verdict), &r.Unconfirmed, &r.VerdictRationale,
			&sc.verdictBy, &sc.verdictAt, &sc.signedOffBy, &sc.signedOffAt, &sc.assignee,
			&r.ContentHash, &r.Version, &sc.createdBy, &sc.updatedBy, (*requiredTime)(&r.CreatedAt), (*requiredTime)(&r.UpdatedAt),
			&sc.withdrawnAt, &sc.withdrawnBy, &r.WithdrawnReason}
		if display {
			sc.dest = append(sc.dest, &r.ClaimantName, &r.ClaimantRole, &r.ClaimantKind, &r.StoryTitle, &r.EntryTime, &r.EntryHeadline,
				&r.AssigneeName, &r.VerdictByName, &r.SignedOffByName)
			if sc.pageExtras {
				sc.dest = append(sc.dest, &sc.tags, &r.Contradicted)
			}
		}
		sc.displayed = display
	}
	*r = Claim{}
	if err := rows.Scan(sc.dest...); err != nil {
		return err
	}
	r.EntryID, r.VerdictByID, r.SignedOffByID = sc.keepID(sc.entry), sc.keepID(sc.verdictBy), sc.keepID(sc.signedOffBy)
	r.AssigneeID, r.CreatedByID, r.UpdatedByID = sc.keepID(sc.assignee), sc.keepID(sc.createdBy), sc.keepID(sc.updatedBy)
	r.MadeAt, r.VerdictAt, r.SignedOffAt = sc.keepTime(sc.madeAt), sc.keepTime(sc.verdictAt), sc.keepTime(sc.signedOffAt)
	r.WithdrawnAt, r.WithdrawnByID = sc.keepTime(sc.withdrawnAt), sc.keepID(sc.withdrawnBy)
	if sc.pageExtras && display {
		r.Tags = []string{}
		if sc.tags.Valid {
			r.Tags = strings.Split(sc.tags.String, tagSeparator)
		}
	}
	*c = *r
	return nil
}

// Block sizes of claimScanner.ids and times: a page of fifty claims
// typically needs a few of each.
const (
	scanIDBlock   = 64
	scanTimeBlock = 32
)

// keepID is nullID with the id kept in sc's current block.
func (sc *claimScanner) keepID(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	if len(sc.ids) == cap(sc.ids) {
		sc.ids = make([]int64, 0, blockSize(cap(sc.ids), scanIDBlock))
	}
	sc.ids = append(sc.ids, n.Int64)
	return &sc.ids[len(sc.ids)-1]
}

// keepTime is nullTime with the time kept in sc's current block.
func (sc *claimScanner) keepTime(t storedTime) *time.Time {
	if !t.Valid {
		return nil
	}
	if len(sc.times) == cap(sc.times) {
		sc.times = make([]time.Time, 0, blockSize(cap(sc.times), scanTimeBlock))
	}
	sc.times = append(sc.times, t.Time)
	return &sc.times[len(sc.times)-1]
}

// blockSize is the size of the block after one of size last: a claim's
// worth first (most scanners read one claim), then full blocks.
func blockSize(last, full int) int {
	if last == 0 {
		return 8
	}
	return full
}

func nullID(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}

func nullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	return &t.Time
}

// scanOneClaim reads the one claim rows hold (see scanClaim) and closes
// them: ErrNotFound if there is none.
func scanOneClaim(rows *sql.Rows, display bool) (*Claim, error) {
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return nil, ErrNotFound
	}
	var c Claim
	if err := scanClaim(rows, &c, display); err != nil {
		return nil, err
	}
	return &c, rows.Close()
}
