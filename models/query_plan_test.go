package models

import (
	"claimdesk/models/dbtest"
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// plan returns SQLite's query plan for the list query (ids of one page) and
// the count query of a filter.
func plan(t *testing.T, s *Store, f ClaimFilter) (list, count string) {
	t.Helper()
	if v := f.Validate(); v != nil {
		t.Fatal(v)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	explain := func(q *gorm.DB) string {
		stmt := q.Session(&gorm.Session{DryRun: true}).Find(&[]int64{}).Statement
		var rows []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := s.r.Raw("EXPLAIN QUERY PLAN "+stmt.SQL.String(), stmt.Vars...).Scan(&rows).Error; err != nil {
			t.Fatalf("explain %s: %v", stmt.SQL.String(), err)
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(r.Detail + "\n")
		}
		return b.String()
	}
	ctx := context.Background()
	db := f.apply(s.read(ctx).Table("claims"), now, s.staleAfter)
	order := claimSorts[f.Sort]
	if order == "" {
		order = claimSorts["-reported"]
	}
	list = explain(db.Select("claims.id").Order(order).Limit(f.PerPage))
	count = explain(f.apply(s.read(ctx).Table("claims"), now, s.staleAfter).Select("COUNT(*)"))
	return list, count
}

// Every desk filter is served by an index: a later change to the schema or the
// queries cannot silently turn one into a scan of the whole claims table.
func TestClaimFiltersUseIndexes(t *testing.T) {
	dbtest.SkipOnPostgres(t, "checks SQLite's query planner")
	f := newFixture(t)
	// Give the planner statistics as a real desk would have them.
	for i := 0; i < 30; i++ {
		f.claim(t, "claim for statistics")
	}
	if err := f.s.w.Exec("ANALYZE").Error; err != nil {
		t.Fatal(err)
	}
	since := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string]ClaimFilter{
		"unconfirmed":               {Unconfirmed: true},
		"stale":                     {Stale: true},
		"verdict":                   {Verdicts: []Verdict{Verified}},
		"verifiability":             {Verifiability: []Verifiability{VerifNotVerifiable}},
		"story":                     {StoryID: 1},
		"story unconfirmed":         {StoryID: 1, Unconfirmed: true},
		"source":                    {SourceID: 1},
		"source unconfirmed":        {SourceID: 1, Unconfirmed: true},
		"assignee":                  {AssigneeID: 1},
		"unassigned unconfirmed":    {Unassigned: true, Unconfirmed: true},
		"since":                     {Since: &since},
		"full text":                 {Query: "drones"},
		"full text unconfirmed":     {Query: "drones", Unconfirmed: true, Sort: "-reported"},
		"unconfirmed by updated":    {Unconfirmed: true, Sort: "-updated"},
		"verifiability unconfirmed": {Verifiability: []Verifiability{VerifNotVerifiable}, Unconfirmed: true},
		"tag":                       {Tag: "casualties"},
		"awaiting sign-off":         {AwaitingSignOff: true},
		"withdrawn only":            {Withdrawn: WithdrawnOnly},
	}
	for name, flt := range cases {
		list, count := plan(t, f.s, flt)
		for kind, p := range map[string]string{"list": list, "count": count} {
			for _, line := range strings.Split(p, "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "SCAN claims") && !strings.Contains(line, "USING") {
					t.Errorf("%s (%s) scans the whole claims table:\n%s", name, kind, p)
				}
			}
		}
	}
	// The unfiltered list walks the reported_at index in order, no sort step.
	list, _ := plan(t, f.s, ClaimFilter{})
	if strings.Contains(list, "TEMP B-TREE") {
		t.Errorf("the default list sorts in a temporary b-tree:\n%s", list)
	}
}
