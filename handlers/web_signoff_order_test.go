package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// The sign-off queue puts the verdict that has waited longest first: by when
// the final verdict was given, not by the claim's last change (a note or an
// assignment must not send an old verdict to the back).
func TestSignOffQueueLongestWaitingFirst(t *testing.T) {
	var mu sync.Mutex
	now := testNow
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func() { mu.Lock(); now = now.Add(time.Minute); mu.Unlock() }
	path, url := dbtest.Target(t)
	st, e := newTestRouterWith(t, models.Config{Path: path, DatabaseURL: url, Now: clock}, Config{})
	a := &webApp{t: t, store: st, e: e, now: testNow, dbPath: path, dbURL: url}
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	ctx := context.Background()
	first := finalClaim(t, a, fc, "First verdict given: the bridge was destroyed", models.Verified)
	advance()
	second := finalClaim(t, a, fc, "Second verdict given: the dam is stable", models.False)
	advance()
	third := finalClaim(t, a, fc, "Third verdict given: troops withdrew", models.Misleading)
	advance()
	// The oldest verdict's claim changes last.
	if _, err := st.AddNote(ctx, fc, first.ID, "asked the ministry again"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Assign(ctx, fc, second.ID, &fc.ID, second.Version); err != nil {
		t.Fatal(err)
	}
	want := []int64{first.ID, second.ID, third.ID}

	b := a.browser().signIn("eve@desk.test")
	desk := b.get("/").Body.String()
	link := regexp.MustCompile(`<a href="([^"]*awaiting_signoff=1[^"]*)"[^>]*>Awaiting sign-off`).FindStringSubmatch(desk)
	if link == nil {
		t.Fatal("no sign-off queue link in the editor's header")
	}
	queue := b.get(strings.ReplaceAll(link[1], "&amp;", "&"))
	wantStatus(t, queue, http.StatusOK)
	body := queue.Body.String()
	var at []int
	for _, text := range []string{"First verdict given", "Second verdict given", "Third verdict given"} {
		at = append(at, strings.Index(body, text))
	}
	if at[0] < 0 || at[0] > at[1] || at[1] > at[2] {
		t.Errorf("the queue is not longest waiting first (positions %v)", at)
	}
	if !strings.Contains(body, `<option value="verdict_at" selected>Longest waiting</option>`) ||
		!strings.Contains(body, `<input type="hidden" name="awaiting_signoff" value="1">`) {
		t.Error("the queue's filter form does not keep the queue and its order")
	}

	// The API, the reverse order and the export say the same.
	ids := func(path string) []int64 {
		t.Helper()
		rec := b.get(path)
		wantStatus(t, rec, http.StatusOK)
		var page struct{ Claims []struct{ ID int64 } }
		if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, c := range page.Claims {
			out = append(out, c.ID)
		}
		return out
	}
	if got := ids("/api/v1/claims?awaiting_signoff=1&sort=verdict_at"); !slices.Equal(got, want) {
		t.Errorf("API queue %v, want %v", got, want)
	}
	if got := ids("/api/v1/claims?awaiting_signoff=1&sort=-verdict_at&per_page=2"); !slices.Equal(got, []int64{third.ID, second.ID}) {
		t.Errorf("API queue newest verdict first %v", got)
	}
	csv := b.get("/api/v1/export.csv?awaiting_signoff=1&sort=verdict_at").Body.String()
	if i, j, k := strings.Index(csv, "First verdict"), strings.Index(csv, "Second verdict"), strings.Index(csv, "Third verdict"); i < 0 || i > j || j > k {
		t.Errorf("the queue's export is out of order:\n%s", csv)
	}
	// Outside the queue the order is refused by name.
	rec := b.get("/api/v1/claims?sort=verdict_at")
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "awaiting_signoff") {
		t.Errorf("sort=verdict_at outside the queue: %d %s", rec.Code, rec.Body.String())
	}
}
