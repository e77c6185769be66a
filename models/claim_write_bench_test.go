package models

import (
	"context"
	"fmt"
	"testing"
	"time"

	"claimdesk/models/cputime"
)

// BenchmarkClaimWrites measures what the count triggers add to the writes
// that change a claim's counted facets: each iteration enters a claim, gives
// it a verdict, assigns it and moves its report time to another day. "no
// count triggers" drops them first, which is the write path before they
// existed.
func BenchmarkClaimWrites(b *testing.B) {
	for _, counted := range []bool{true, false} {
		name := "count triggers"
		if !counted {
			name = "no count triggers"
		}
		b.Run(name, func(b *testing.B) {
			f := newFixture(b)
			ctx := context.Background()
			if !counted {
				for _, trig := range []string{"claims_counts_ins", "claims_counts_upd"} {
					stmt := "DROP TRIGGER " + trig
					if f.s.d.pg {
						stmt += " ON claims"
					}
					if err := f.s.w.Exec(stmt).Error; err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportAllocs()
			cpu0 := cputime.Self()
			i := 0
			for b.Loop() {
				i++
				text := fmt.Sprintf("Drone debris fell on a warehouse, report %d", i)
				c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text})
				if err != nil {
					b.Fatal(err)
				}
				if c, err = f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Disputed, Rationale: "two accounts differ", Version: c.Version}); err != nil {
					b.Fatal(err)
				}
				if c, err = f.s.Assign(ctx, f.editor, c.ID, &f.fc.ID, c.Version); err != nil {
					b.Fatal(err)
				}
				if _, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{ReportedAt: ptr(c.ReportedAt.Add(-30 * time.Hour))}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cputime.Self()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
