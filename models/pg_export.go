package models

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// The export on PostgreSQL: one statement in one read-only REPEATABLE READ
// transaction (so one snapshot from the first row to the last), streamed row
// by row as the server sends it. The names beside a claim come by joins and
// its standing evidence as one JSON array per claim, because a PostgreSQL
// connection runs one statement at a time: SQLite's readers look names and
// evidence up while their claims statement is still open. The rows then go
// through the same assembly and writers as on SQLite.

// pgExportColumns are the columns of the PostgreSQL claims statement, in the
// order eachExportRawPostgres scans them.
const pgExportColumns = `claims.id, claims.story_id, claims.entry_id, claims.source_id,
	claims.direct, claims.text, claims.quote, claims.verb, claims.channel, claims.via,
	claims.made_at, claims.reported_at, claims.reported_url,
	claims.verifiability, claims.verifiability_reason, claims.verdict, claims.verdict_rationale,
	claims.verdict_at, claims.signed_off_at,
	stories.title, COALESCE(entries.position, 0), COALESCE(entries.time_text, ''), COALESCE(entries.headline, ''),
	sources.name, sources.role, sources.kind,
	COALESCE(verdict_by.name, ''), COALESCE(signed_off_by.name, ''),
	COALESCE((SELECT json_agg(json_build_array(e.id, e.stance, e.url, e.origin, e.file_sha256,
			e.kind, e.title, e.file_name, e.file_type, e.created_at) ORDER BY e.id)
		FROM evidence e WHERE e.claim_id = claims.id AND e.removed_at IS NULL), '[]'),
	` + pgExportCorrections + `, ` + pgExportTags

// pgExportJoins bring the names shown beside each claim.
const pgExportJoins = `JOIN stories ON stories.id = claims.story_id
	JOIN sources ON sources.id = claims.source_id
	LEFT JOIN entries ON entries.id = claims.entry_id
	LEFT JOIN users verdict_by ON verdict_by.id = claims.verdict_by_id
	LEFT JOIN users signed_off_by ON signed_off_by.id = claims.signed_off_by_id`

// eachExportRawPostgres is eachExportRaw on PostgreSQL.
func (s *Store) eachExportRawPostgres(ctx context.Context, f ClaimFilter, published bool, fn func(*exportRaw) error) error {
	order := exportSorts[f.Sort]
	db := f.apply(s.read(ctx).Table("claims"), s.Now(), s.staleAfter)
	if published {
		db = db.Where("claims.verdict IN ? AND claims.signed_off_at IS NOT NULL",
			verdictStrings([]Verdict{Verified, False, Misleading}))
	}
	dir := " ASC"
	if order.desc {
		dir = " DESC"
	}
	orderBy := "claims.id" + dir
	if order.col != "" {
		orderBy = order.col + dir + ", claims.id" + dir
	}
	stmt := db.Select(pgExportColumns).Joins(pgExportJoins).Order(orderBy).
		Session(&gorm.Session{DryRun: true}).Find(&[]map[string]any{}).Statement
	sqlDB, err := s.r.DB()
	if err != nil {
		return err
	}
	tx, err := sqlDB.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, stmt.SQL.String(), stmt.Vars...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		x                               exportRaw
		id, storyID, sourceID, position int64
		entryID                         sql.NullInt64
		direct                          bool
		madeAt, verdictAt, signedOffAt  sql.NullTime
		reportedAt                      time.Time
		evidenceJSON, correctionsJSON   []byte
		items                           [][]json.RawMessage
		evs                             []exportEvidence
	)
	for rows.Next() {
		if err := rows.Scan(&id, &storyID, &entryID, &sourceID, &direct,
			&x.text, &x.quote, &x.verb, &x.channel, &x.via,
			&madeAt, &reportedAt, &x.reportedURL,
			&x.verifiability, &x.verifiabilityReason, &x.verdict, &x.rationale,
			&verdictAt, &signedOffAt,
			&x.story, &position, &x.entryTime, &x.entryHeadline,
			&x.claimant, &x.claimantRole, &x.claimantKind,
			&x.verdictBy, &x.signedOffBy, &evidenceJSON, &correctionsJSON, &x.tags); err != nil {
			return err
		}
		x.id, x.storyID, x.sourceID, x.direct, x.entryPosition = id, storyID, sourceID, direct, position
		x.entryID = entryID.Int64 // 0 when NULL
		x.madeAt, x.reportedAt, x.verdictAt, x.signedOffAt = pgTime(madeAt), reportedAt, pgTime(verdictAt), pgTime(signedOffAt)
		items = items[:0]
		if err := json.Unmarshal(evidenceJSON, &items); err != nil {
			return fmt.Errorf("export: evidence of claim %d: %w", id, err)
		}
		if evs, err = pgEvidence(evs[:0], id, items); err != nil {
			return err
		}
		x.evs = evs
		if x.corrections, err = pgCorrections(id, correctionsJSON); err != nil {
			return err
		}
		if err := fn(&x); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// pgTime is a nullable time as the row assembly reads it (nil for NULL).
func pgTime(t sql.NullTime) any {
	if !t.Valid {
		return nil
	}
	return t.Time
}

// pgEvidence decodes a claim's evidence array (see pgExportColumns) into evs.
func pgEvidence(evs []exportEvidence, claimID int64, items [][]json.RawMessage) ([]exportEvidence, error) {
	for _, it := range items {
		if len(it) != 10 {
			return evs, fmt.Errorf("export: evidence of claim %d: %d fields", claimID, len(it))
		}
		ev := exportEvidence{claimID: claimID}
		var sha *string
		var created string
		for i, dst := range []any{&ev.id, &ev.stance, &ev.url, &ev.origin, &sha, &ev.kind, &ev.title, &ev.fileName, &ev.fileType, &created} {
			if err := json.Unmarshal(it[i], dst); err != nil {
				return evs, fmt.Errorf("export: evidence of claim %d: %w", claimID, err)
			}
		}
		if sha != nil {
			ev.sha, ev.hasSHA = *sha, true
		}
		t, err := time.Parse(time.RFC3339Nano, created)
		if err != nil {
			// json_build_array writes timestamptz without the "T" separator
			// in some server settings; the stored-time parser reads both.
			ev.createdAt = created
		} else {
			ev.createdAt = t.UTC()
		}
		evs = append(evs, ev)
	}
	return evs, nil
}
