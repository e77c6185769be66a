package models_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/cputime"
)

// BenchmarkSearchViews walks every desk view with a search, as the load
// tool's walk does (`loadtest -combos -containing q=`: filters up to three
// with every sort, first page and page 200), through the store with every
// answer computed, and reports the process's CPU time per view (the worse
// of two calls), which the other work on a shared machine disturbs far less
// than wall time. With -desk, each view's counts per verdict too, as the
// desk page reads them. It needs a copy of a seeded desk in
// CLAIMDESK_BENCH_DB (`claimdesk seed --claims 1000000`; opening migrates it).
//
//	CLAIMDESK_BENCH_DB=/tmp/copy.db go test ./models/ -run '^$' -bench BenchmarkSearchViews -benchtime 1x -v
func BenchmarkSearchViews(b *testing.B) {
	path := os.Getenv("CLAIMDESK_BENCH_DB")
	if path == "" {
		b.Skip("CLAIMDESK_BENCH_DB names no copy of a seeded desk")
	}
	s, err := models.Open(models.Config{Path: path, NoReuse: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	desk := os.Getenv("CLAIMDESK_BENCH_DESK") != ""
	type view struct {
		path string
		cpu  time.Duration
	}
	for i := 0; i < b.N; i++ {
		var views []view
		for _, combo := range models.DeskFilterCombos(models.DeskFilterAtoms(2, 2, 1, "casualties", "army"), 3) {
			if !strings.Contains(combo, "q=") {
				continue
			}
			for _, sort := range models.ClaimSorts() {
				for _, page := range []int{1, 200} {
					p := fmt.Sprintf("%s&sort=%s&page=%d", combo, sort, page)
					q, _ := url.ParseQuery(p)
					f, err := models.ParseClaimFilter(q, 1)
					if err != nil {
						b.Fatal(err)
					}
					var worst time.Duration
					for range 2 {
						start := cputime.Self()
						if desk {
							_, _, err = s.ClaimsWithVerdictCounts(ctx, f)
						} else {
							_, err = s.Claims(ctx, f)
						}
						if err != nil {
							b.Fatal(p, err)
						}
						worst = max(worst, cputime.Self()-start)
					}
					views = append(views, view{p, worst})
				}
			}
		}
		slices.SortFunc(views, func(x, y view) int { return int(y.cpu - x.cpu) })
		over := 0
		for _, v := range views {
			if v.cpu > 25*time.Millisecond {
				over++
			}
		}
		b.ReportMetric(float64(over), "views-over-25ms-CPU")
		b.ReportMetric(float64(views[len(views)/2].cpu.Microseconds())/1000, "p50-ms-CPU")
		b.ReportMetric(float64(views[len(views)/100].cpu.Microseconds())/1000, "p99-ms-CPU")
		b.Logf("%d views with a search, %d over 25 ms of CPU; the slowest:", len(views), over)
		for _, v := range views[:min(len(views), 15)] {
			b.Logf("%7.1f ms  %s", float64(v.cpu.Microseconds())/1000, v.path)
		}
	}
}
