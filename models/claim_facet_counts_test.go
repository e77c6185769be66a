package models

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// The maintained counts equal a count through the claims table after a
// random mix of every kind of write (new claims, verdicts single and in bulk,
// verifiability, assignments single and in bulk, sign-offs, withdrawals and
// restores, moved report times, moves to another story, tags, a merge of sources),
// on both databases: the
// count tables row by row, and the total and counts per verdict of every
// combination of up to three of the filters they serve (date ranges ending
// on and off midnight, on either side of the stale cut-off, within one day).
// The close-match and tag filters' counts, which start from the claims with a
// close match or the tag, are checked the same way. On PostgreSQL the same again once the
// pending changes are folded in.
func TestMaintainedCountsEqualCountingTheClaims(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(17, 42))
	now := f.clock.Now()
	name, title := "Andriy Kovalenko", "Kupiansk live"
	other, err := f.s.CreateSource(ctx, SourceInput{Name: &name})
	if err != nil {
		t.Fatal(err)
	}
	story2, err := f.s.CreateStory(ctx, f.editor, StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	stories := []int64{f.story.ID, story2.ID}
	// Report times over eleven days around now, some at midnight exactly,
	// some beside the stale cut-off, one in the future.
	at := func(i int) time.Time {
		switch i % 7 {
		case 0:
			return dayOf(now).AddDate(0, 0, -(i % 9))
		case 1:
			return now.Add(-f.s.StaleAfter() + time.Duration(i-20)*time.Minute)
		case 2:
			return now.Add(26 * time.Hour)
		}
		return now.Add(-time.Duration(rng.IntN(10*24*60)) * time.Minute)
	}
	var claims []*Claim
	create := func(i int) {
		text := fmt.Sprintf("Shelling reported near the depot, number %d", i)
		src := f.source.ID
		if i%5 == 0 {
			src = other.ID
		}
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &stories[i%2], SourceID: &src, Text: &text, ReportedAt: ptr(at(i))})
		if err != nil {
			t.Fatal(err)
		}
		f.evidence(t, c, "supports", fmt.Sprintf("https://example.org/report/%d", i), "independent")
		claims = append(claims, c)
	}
	for i := 0; i < 40; i++ {
		create(i)
	}
	users := []*int64{nil, &f.fc.ID, &f.editor.ID}
	pick := func() *Claim {
		i := rng.IntN(len(claims))
		c, err := f.s.Claim(ctx, claims[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	some := func() []int64 {
		var ids []int64
		for range 4 {
			ids = append(ids, claims[rng.IntN(len(claims))].ID)
		}
		return ids
	}
	done := map[string]int{}
	for op := 0; op < 300; op++ {
		c := pick()
		var err error
		kind := ""
		switch rng.IntN(13) {
		case 0:
			kind = "verdict"
			_, err = f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Verdicts()[rng.IntN(len(Verdicts()))], Rationale: "checked", Version: c.Version})
		case 1:
			kind = "bulk verdict"
			_, err = f.s.BulkVerdict(ctx, f.editor, some(), Verdicts()[rng.IntN(len(Verdicts()))], "checked together")
		case 2:
			kind = "verifiability"
			v := []Verifiability{VerifUnknown, VerifVerifiable, VerifNotVerifiable}[rng.IntN(3)]
			_, err = f.s.SetVerifiability(ctx, f.fc, c.ID, VerifiabilityChange{Verifiability: v, Reason: "looked at it", Version: c.Version})
		case 3:
			kind = "assign"
			_, err = f.s.Assign(ctx, f.editor, c.ID, users[rng.IntN(len(users))], c.Version)
		case 4:
			kind = "bulk assign"
			_, err = f.s.BulkAssign(ctx, f.editor, some(), users[rng.IntN(len(users))])
		case 5:
			kind = "sign off"
			if !c.Verdict.Final() || c.SignedOffAt != nil {
				_, err = f.s.SetVerdict(ctx, f.editor, c.ID, VerdictChange{Verdict: Verified, Rationale: "checked", Version: c.Version})
				if err == nil {
					c = pick()
				}
			}
			if c.Verdict.Final() && c.SignedOffAt == nil {
				_, err = f.s.SignOff(ctx, f.editor2, c.ID, c.Version)
			}
		case 6:
			kind = "withdraw"
			if c.WithdrawnAt == nil {
				_, err = f.s.WithdrawClaim(ctx, f.editor, c.ID, c.Version, "not a claim")
			} else {
				_, err = f.s.RestoreClaim(ctx, f.editor, c.ID, c.Version, "a claim after all")
			}
		case 7:
			kind = "report time"
			_, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{ReportedAt: ptr(at(rng.IntN(100)))})
		case 8:
			kind = "new claim"
			create(len(claims))
		case 9:
			kind = "clock"
			f.clock.Advance(time.Duration(rng.IntN(90)) * time.Minute)
		case 12:
			kind = "tag"
			_, err = f.s.BulkTag(ctx, f.editor, some(), []string{"casualties"})
		case 11:
			kind = "story"
			_, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{StoryID: &stories[rng.IntN(2)]})
		case 10:
			kind = "text"
			_, err = f.s.UpdateClaim(ctx, f.fc, c.ID, c.Version, ClaimInput{Text: ptr(c.Text + " again")})
		}
		if err == nil {
			done[kind]++
		}
	}
	if _, err := f.s.MergeSources(ctx, f.editor, other.ID, f.source.ID); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"verdict", "bulk verdict", "verifiability", "assign", "bulk assign", "sign off", "withdraw", "report time", "new claim", "story", "tag"} {
		if done[kind] < 5 {
			t.Fatalf("only %d writes of kind %q succeeded (%v): the mix does not exercise it", done[kind], kind, done)
		}
	}
	checkCountTables(t, f.s)
	checkDayBounds(t, f.s)
	checkFacetCounts(t, f)
	if f.s.d.pg {
		if err := f.s.compactCounts(ctx); err != nil {
			t.Fatal(err)
		}
		var pending int64
		if err := f.s.r.Raw("SELECT COUNT(*) FROM claim_count_deltas").Scan(&pending).Error; err != nil || pending != 0 {
			t.Fatalf("%d changes left after folding them in (%v)", pending, err)
		}
		checkCountTables(t, f.s)
		checkFacetCounts(t, f)
	}
}

// checkCountTables compares the count tables with the claims table grouped
// the same way.
func checkCountTables(t *testing.T, s *Store) {
	t.Helper()
	day := "substr(c.reported_at, 1, 10)"
	if s.d.pg {
		day = "to_char(" + pgDaySQL("c") + ", 'YYYY-MM-DD')"
	}
	coarse, days, stories := s.countSources()
	read := func(q string) map[string]int64 {
		t.Helper()
		rows := []struct {
			K string
			N int64
		}{}
		if err := s.r.Raw(q).Scan(&rows).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out := map[string]int64{}
		for _, r := range rows {
			if r.N != 0 {
				out[r.K] = r.N
			}
		}
		return out
	}
	key := func(c string) string {
		b := func(col string) string { return "CASE WHEN " + col + " THEN 'y' ELSE 'n' END" }
		return c + ".verdict || '/' || " + c + ".verifiability || '/' || CAST(" + c + ".assignee_id AS TEXT) || '/' || " + b(c+".withdrawn") + " || '/' || " + b(c+".signed_off")
	}
	claimKey := "c.verdict || '/' || c.verifiability || '/' || CAST(COALESCE(c.assignee_id, 0) AS TEXT) || '/' || CASE WHEN c.withdrawn_at IS NOT NULL THEN 'y' ELSE 'n' END || '/' || CASE WHEN c.signed_off_at IS NOT NULL THEN 'y' ELSE 'n' END"
	want := read("SELECT " + claimKey + " AS k, COUNT(*) AS n FROM claims c GROUP BY 1")
	got := read("SELECT " + key("c") + " AS k, SUM(n) AS n FROM " + coarse + " GROUP BY 1")
	if !maps.Equal(got, want) {
		t.Fatalf("claim_counts:\n got %v\nwant %v", got, want)
	}
	want = read("SELECT CAST(c.story_id AS TEXT) || '/' || " + claimKey + " AS k, COUNT(*) AS n FROM claims c GROUP BY 1")
	got = read("SELECT CAST(c.story_id AS TEXT) || '/' || " + key("c") + " AS k, SUM(n) AS n FROM " + stories + " GROUP BY 1")
	if !maps.Equal(got, want) {
		t.Fatalf("claim_story_counts:\n got %v\nwant %v", got, want)
	}
	dayKey := "c.day"
	if s.d.pg {
		dayKey = "to_char(c.day, 'YYYY-MM-DD')"
	}
	want = read("SELECT " + day + " || '/' || " + claimKey + " AS k, COUNT(*) AS n FROM claims c GROUP BY 1")
	got = read("SELECT " + dayKey + " || '/' || " + key("c") + " AS k, SUM(n) AS n FROM " + days + " GROUP BY 1")
	if !maps.Equal(got, want) {
		t.Fatalf("claim_day_counts:\n got %v\nwant %v", got, want)
	}
}

// countThroughClaims counts flt's matches per verdict the plain way: its
// conditions on the claims table, grouped by verdict.
func countThroughClaims(t *testing.T, s *Store, flt ClaimFilter) map[string]int64 {
	t.Helper()
	rows := []struct {
		Verdict string
		N       int64
	}{}
	err := flt.apply(s.r.Table("claims"), s.Now(), s.staleAfter).Select("claims.verdict AS verdict, COUNT(*) AS n").Group("claims.verdict").Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, v := range Verdicts() {
		out[string(v)] = 0
	}
	for _, r := range rows {
		out[r.Verdict] = r.N
	}
	return out
}

// checkFacetCounts compares the total and the counts per verdict of every
// combination of up to three of the filters the count tables serve with a
// count through the claims table.
func checkFacetCounts(t *testing.T, f *fixture) {
	t.Helper()
	ctx := context.Background()
	atoms := []string{
		"verdict=unverified,disputed", "verdict=verified,false", "verifiability=not_verifiable", "unconfirmed=1", "stale=1",
		"assignee=" + strconv.FormatInt(f.fc.ID, 10), "assignee=none", "withdrawn=only", "withdrawn=1", "awaiting_signoff=1",
		"since=2026-11-20", "since=2026-11-18T03:30:00Z", "since=2026-11-22T01:00:00Z", "since=2026-11-24T21:00:00Z",
		"until=2026-11-23", "until=2026-11-22T22:00:00Z", "until=2026-11-19T02:00:00Z", "until=2026-11-25T09:00:00Z",
		"story=" + strconv.FormatInt(f.story.ID, 10), "close_match=1", "tag=casualties", "q=depot",
	}
	checked, nonzero, fromTables, closeMatches := 0, 0, 0, 0
	for _, combo := range DeskFilterCombos(atoms, 3) {
		q, err := url.ParseQuery(combo)
		if err != nil {
			t.Fatal(err)
		}
		flt, err := ParseClaimFilter(q, 0)
		if err != nil {
			continue // until before since
		}
		if _, ok, err := f.s.facetVerdictCounts(ctx, flt, f.s.Now()); ok && err == nil {
			fromTables++
		}
		want := countThroughClaims(t, f.s, flt)
		got, err := f.s.VerdictCounts(ctx, flt)
		if err != nil {
			t.Fatalf("%s: %v", combo, err)
		}
		if !maps.Equal(got, want) {
			t.Fatalf("%s: counts per verdict %v, counting the claims gives %v", combo, got, want)
		}
		var sum int64
		for _, n := range want {
			sum += n
		}
		total, err := f.s.CountClaims(ctx, flt)
		if err != nil || total != sum {
			t.Fatalf("%s: total %d (%v), counting the claims gives %d", combo, total, err, sum)
		}
		// The desk page: the list's total, and the counts given it.
		page, err := f.s.Claims(ctx, flt)
		if err != nil || page.Total != sum {
			t.Fatalf("%s: the list's total %d (%v), counting the claims gives %d", combo, page.Total, err, sum)
		}
		if got, err := f.s.PageVerdictCounts(ctx, flt, page); err != nil || !maps.Equal(got, want) {
			t.Fatalf("%s: counts per verdict given the page %v (%v), counting the claims gives %v", combo, got, err, want)
		}
		checked++
		if sum > 0 {
			nonzero++
			if flt.CloseMatch {
				closeMatches++
			}
		}
	}
	t.Logf("%d views checked, %d with matches (%d with close matches), %d counted from the tables", checked, nonzero, closeMatches, fromTables)
	if checked < 500 || nonzero < checked/3 || fromTables < checked/2 || closeMatches < 20 {
		t.Fatalf("%d views checked, %d with matches (%d with close matches), %d counted from the tables: too few to tell", checked, nonzero, closeMatches, fromTables)
	}
}

// Two processes on one database (two stores), each with two writers,
// change claims' verdicts and assignees in opposite directions at once:
// every write goes through (on PostgreSQL the triggers only append, so no
// two writes wait for or refuse each other over a counter), and the
// counts still equal the claims.
func TestCountsUnderConcurrentWriters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	second, err := Open(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	var claims []*Claim
	for i := 0; i < 48; i++ {
		claims = append(claims, f.claim(t, fmt.Sprintf("Air defence downed drones over the district, wave %d", i)))
	}
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		s := f.s
		if w%2 == 1 {
			s = second
		}
		go func() {
			for i := w; i < len(claims); i += 4 {
				id := claims[i].ID
				// Opposite directions: half go unreviewed → disputed →
				// unverified, the others unreviewed → unverified → disputed.
				order := []Verdict{Disputed, Unverified}
				if w >= 2 {
					order = []Verdict{Unverified, Disputed}
				}
				for _, v := range order {
					c, err := s.Claim(ctx, id)
					if err == nil {
						_, err = s.SetVerdict(ctx, f.editor, id, VerdictChange{Verdict: v, Rationale: "accounts differ", Version: c.Version})
					}
					if err != nil {
						errs <- err
						return
					}
				}
				c, err := s.Claim(ctx, id)
				if err == nil {
					_, err = s.Assign(ctx, f.editor, id, &f.fc.ID, c.Version)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	checkCountTables(t, f.s)
	if f.s.d.pg {
		for _, s := range []*Store{f.s, second} {
			if err := s.compactCounts(ctx); err != nil {
				t.Fatal(err)
			}
		}
		checkCountTables(t, f.s)
	}
	n, err := f.s.CountClaims(ctx, ClaimFilter{Verdicts: []Verdict{Disputed, Unverified}, AssigneeID: f.fc.ID})
	if err != nil || n != int64(len(claims)) {
		t.Fatalf("%d disputed or unverified claims assigned (%v), want %d", n, err, len(claims))
	}
}
