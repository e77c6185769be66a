package models_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"claimdesk/models"
)

// BenchmarkExportCSVTagged is BenchmarkExportCSV on a desk where every
// fourth claim carries two tags and every twelfth a third: what the tags
// column costs (compare the two benchmarks' rows/s).
func BenchmarkExportCSVTagged(b *testing.B) {
	n := exportBenchClaims(b)
	path := filepath.Join(b.TempDir(), "tagged.db")
	s, err := models.Open(models.Config{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	fillExportBenchDB(b, path, n)
	tagExportBenchDB(b, path, n)
	benchmarkExportCSV(b, s, n)
}

// tagExportBenchDB tags the claims of a bench database (see
// BenchmarkExportCSVTagged).
func tagExportBenchDB(tb testing.TB, path string, n int) {
	tb.Helper()
	inBenchTx(tb, path, func(tx *sql.Tx) {
		ins, err := tx.Prepare(`INSERT INTO claim_tags(claim_id, tag, created_at) VALUES (?, ?, ?)`)
		if err != nil {
			tb.Fatal(err)
		}
		now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
		for i := 4; i <= n; i += 4 {
			tags := []string{"belgorod", "casualty figures"}
			if i%12 == 0 {
				tags = append(tags, "ask the ministry")
			}
			for _, t := range tags {
				if _, err := ins.Exec(i, t, now); err != nil {
					tb.Fatal(err)
				}
			}
		}
	})
}
