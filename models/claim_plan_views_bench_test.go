package models

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"claimdesk/models/cputime"
	"gorm.io/gorm"
)

// BenchmarkListViewPlans reads each view named in the file
// CLAIMDESK_BENCH_VIEWS (one query string a line, as the load tool's walk
// prints them) through the store of a seeded desk's copy at
// CLAIMDESK_BENCH_DB, with every answer computed, three times, and prints
// the process's CPU time of each call (which the other work on a shared
// machine disturbs far less than wall time), the count's, the total and the
// page query with SQLite's plan of it: where a slow view's time goes.
//
//	CLAIMDESK_BENCH_DB=/tmp/copy.db CLAIMDESK_BENCH_VIEWS=views.txt go test ./models/ -run '^$' -bench BenchmarkListViewPlans -benchtime 1x
func BenchmarkListViewPlans(b *testing.B) {
	path, list := os.Getenv("CLAIMDESK_BENCH_DB"), os.Getenv("CLAIMDESK_BENCH_VIEWS")
	if path == "" || list == "" {
		b.Skip("CLAIMDESK_BENCH_DB and CLAIMDESK_BENCH_VIEWS name no desk and views")
	}
	s, err := Open(Config{Path: path, NoReuse: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	file, err := os.Open(list)
	if err != nil {
		b.Fatal(err)
	}
	defer file.Close()
	ctx := context.Background()
	lines := bufio.NewScanner(file)
	for lines.Scan() {
		view := strings.TrimSpace(strings.TrimPrefix(lines.Text(), "/api/v1/claims?"))
		if view == "" {
			continue
		}
		q, err := url.ParseQuery(view)
		if err != nil {
			b.Fatal(err)
		}
		flt, err := ParseClaimFilter(q, 1)
		if err != nil {
			b.Fatalf("%s: %v", view, err)
		}
		if v := flt.Validate(); v != nil {
			b.Fatalf("%s: %v", view, v)
		}
		var calls []string
		for range 3 {
			start := cputime.Self()
			if _, err := s.Claims(ctx, flt); err != nil {
				b.Fatal(err)
			}
			calls = append(calls, fmt.Sprintf("%.1f", float64(cputime.Self()-start)/1e6))
		}
		now := s.Now()
		start := cputime.Self()
		total, err := s.countClaims(ctx, flt, now)
		if err != nil {
			b.Fatal(err)
		}
		counted := float64(cputime.Self()-start) / 1e6
		rows, err := s.claimRows(ctx)
		if err != nil {
			b.Fatal(err)
		}
		db, order := s.pageQuery(ctx, flt, now, total, rows)
		offset := (flt.Page - 1) * flt.PerPage
		if flt.cursor() != nil {
			offset = 0
		}
		stmt := db.Session(&gorm.Session{DryRun: true}).Select("claims.id").Order(order).Limit(flt.PerPage).Offset(offset).Find(&[]int64{}).Statement
		var plan []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := s.r.Raw("EXPLAIN QUERY PLAN "+stmt.SQL.String(), stmt.Vars...).Scan(&plan).Error; err != nil {
			b.Fatal(err)
		}
		fmt.Printf("%s\n  CPU ms per call %s, count %.1f, total %d\n  %s\n", view, strings.Join(calls, " "), counted, total, stmt.SQL.String())
		for _, p := range plan {
			fmt.Printf("  | %s\n", p.Detail)
		}
	}
	if err := lines.Err(); err != nil {
		b.Fatal(err)
	}
}
