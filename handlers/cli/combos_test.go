package cli

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/handlers/loadtest"
	"claimdesk/models/dbtest"
)

// TestComboWalk walks a sample of the desk's views against the real server
// on a seeded desk: the views answered clearly fast the first time are not
// requested again, the slowest are requested again to confirm them, and the
// table names them with their figures.
func TestComboWalk(t *testing.T) {
	db := dbtest.DB(t)
	runBin(t, "", "seed", "--db", db, "--claims", "300")
	runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", "Walk Editor", "--email", "walk@desk.test", "--role", "editor")
	token := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "walk@desk.test"))
	srv := startServer(t, db, "CLAIMDESK_REUSE=off")
	o := loadtest.ComboOptions{Story: 1, Source: 1, Assignee: 1, Tag: "casualties", Word: "army", DeepPage: 3,
		Rounds: 3, Slowest: 4, Fast: time.Hour, Sample: 40}
	all := len(loadtest.ComboPaths(loadtest.ComboOptions{DeepPage: 3, Word: "army"}))
	paths := loadtest.ComboPaths(o)
	if len(paths) != (all+39)/40 {
		t.Fatalf("a sample of one in 40 of %d views has %d", all, len(paths))
	}
	walk := func(fast time.Duration) (string, string) {
		t.Helper()
		var out, progress bytes.Buffer
		o.Fast, o.Progress = fast, &progress
		if err := loadtest.RunCombos(context.Background(), loadtest.NewClient(srv.base, token, 1), o, &out); err != nil {
			t.Fatal(err)
		}
		return out.String(), progress.String()
	}
	n := strconv.Itoa(len(paths))

	// Every view fast enough to be requested once (Fast is an hour); the
	// four slowest requested three times more to confirm them.
	text, progress := walk(time.Hour)
	t.Log(text)
	if !strings.Contains(text, n+" views (one in 40 of the combinations), "+n+" requests") ||
		!strings.Contains(text, n+" views answered under 1h0m0s the first time were not requested again") {
		t.Errorf("the summary does not say that the %s views were requested once each:\n%s", n, text)
	}
	rows := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "| `/api/v1/claims?") {
			rows++
			if !strings.Contains(l, "| 1 |") || strings.HasSuffix(l, "| 0s |") {
				t.Errorf("a view requested once, then confirmed: %s", l)
			}
		}
	}
	if rows != 4 {
		t.Errorf("%d rows in the table of the slowest, want 4:\n%s", rows, text)
	}
	if !strings.Contains(progress, "round 1 done: "+n+" views") || !strings.Contains(progress, "round 3 done: 0 views") {
		t.Errorf("the progress does not follow the rounds:\n%s", progress)
	}

	// No view is clearly fast under Fast 0: every view three times.
	text, _ = walk(0)
	if !strings.Contains(text, strconv.Itoa(3*len(paths))+" requests") || !strings.Contains(text, " 0 views answered under 0s") {
		t.Errorf("every view should have been requested three times:\n%s", text)
	}
}
