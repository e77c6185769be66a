package models

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// ExportCorrection is one correction of a claim as the exports carry it
// (the "corrections" array of the JSON exports, the update lines of the CSV
// column), in the shape of GET /api/v1/corrections.
type ExportCorrection struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	By          string    `json:"by"`
	FromVerdict Verdict   `json:"from_verdict"`
	ToVerdict   Verdict   `json:"to_verdict"`
	Reason      string    `json:"reason"`
	UpdateLine  string    `json:"update_line"`
	// PublishedAt is when the version it corrected was signed off.
	PublishedAt time.Time `json:"published_at"`
}

// exportCorrectionsSQL reads the corrections of one reader's share of the
// claims (see exportQuery.parts), oldest first per claim.
const exportCorrectionsSQL = `SELECT c.claim_id, c.id, c.created_at, COALESCE(u.name, ''), c.from_verdict, c.to_verdict,
	c.reason, c.update_line, c.signed_off_at
	FROM corrections c LEFT JOIN users u ON u.id = c.by_id
	WHERE c.claim_id / ? % ? = ? ORDER BY c.claim_id, c.id`

// exportCorrections are the corrections of the claims a reader reads, by
// claim id. They are read once, in the reader's own transaction (so from the
// export's snapshot), before its claims: corrections are few beside claims,
// and a lookup per claim would cost every claim of a large export for the
// rare one that has any. Memory grows with the corrections, not the claims.
type exportCorrections map[int64][]ExportCorrection

func loadExportCorrections(ctx context.Context, c *exportConn, parts, part int) (exportCorrections, error) {
	if parts < 1 {
		parts, part = 1, 0
	}
	out := exportCorrections{}
	err := c.each(ctx, exportCorrectionsSQL, []any{int64(exportPartIDs), int64(parts), int64(part)}, func(v []driver.Value) {
		id := rawInt(v[0])
		out[id] = append(out[id], ExportCorrection{ID: rawInt(v[1]), At: rawTime(v[2]), By: rawText(v[3]),
			FromVerdict: Verdict(rawText(v[4])), ToVerdict: Verdict(rawText(v[5])), Reason: rawText(v[6]),
			UpdateLine: rawText(v[7]), PublishedAt: rawTime(v[8])})
	})
	return out, err
}

// pgExportCorrections is the PostgreSQL claims statement's column of a
// claim's corrections, one JSON array (see pgExportColumns).
const pgExportCorrections = `COALESCE((SELECT json_agg(json_build_object('id', k.id, 'at', k.created_at,
		'by', COALESCE(u.name, ''), 'from_verdict', k.from_verdict, 'to_verdict', k.to_verdict, 'reason', k.reason,
		'update_line', k.update_line, 'published_at', k.signed_off_at) ORDER BY k.id)
	FROM corrections k LEFT JOIN users u ON u.id = k.by_id WHERE k.claim_id = claims.id), '[]')`

// pgCorrections decodes that column.
func pgCorrections(claimID int64, data []byte) ([]ExportCorrection, error) {
	if len(data) == 0 || string(data) == "[]" {
		return nil, nil
	}
	var out []ExportCorrection
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("export: corrections of claim %d: %w", claimID, err)
	}
	return out, nil
}

// appendCorrectionLines appends a row's update lines, oldest first, one a
// line: the CSV's corrections cell.
func appendCorrectionLines(b []byte, cs []ExportCorrection) []byte {
	for i := range cs {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, cs[i].UpdateLine...)
	}
	return b
}
