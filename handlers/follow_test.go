package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/livepage/pagetest"
	"claimdesk/models/outbound"
)

// testPageFetcher fetches through the guarded client, with the test
// servers' loopback address allowed.
func testPageFetcher() models.PageFetcher {
	return models.NewPageFetcher(outbound.New(outbound.Config{AllowPrivate: true, TotalTimeout: 10 * time.Second}))
}

func floodBlog() *pagetest.Server {
	return pagetest.New(
		pagetest.Entry{ID: "e2", Time: "10:40", Headline: "Dam holding, operator says", Paragraphs: []string{
			"The dam operator, Nordwasser, said in a statement that the dam was holding.", "The claim could not be independently verified."}},
		pagetest.Entry{ID: "e1", Time: "10:05", Headline: "Evacuations", Paragraphs: []string{
			"Mayor Petra Lind said on Telegram that 4,000 people had been evacuated from the old town."}},
	)
}

// apiStory creates a story through the API and returns its id.
func apiStory(t *testing.T, f *apiFixture, title string) int64 {
	t.Helper()
	rec := f.do("fc", http.MethodPost, "/api/v1/stories", map[string]any{"title": title})
	mustStatus(t, rec, http.StatusCreated)
	return int64(decode(t, rec)["id"].(float64))
}

func candidatesOf(t *testing.T, f *apiFixture, storyID int64, state string) []map[string]any {
	t.Helper()
	rec := f.do("viewer", http.MethodGet, fmt.Sprintf("/api/v1/candidates?story=%d&state=%s", storyID, state), nil)
	mustStatus(t, rec, http.StatusOK)
	var out []map[string]any
	for _, c := range decode(t, rec)["candidates"].([]any) {
		out = append(out, c.(map[string]any))
	}
	return out
}

func TestFollowAndInboxAPI(t *testing.T) {
	f := newAPIFixture(t)
	blog := floodBlog()
	defer blog.Close()
	id := apiStory(t, f, "Floods live")
	path := fmt.Sprintf("/api/v1/stories/%d/follow", id)

	mustStatus(t, f.do("viewer", http.MethodPost, path, map[string]any{"url": blog.Page()}), http.StatusForbidden)
	for _, bad := range []struct {
		body  any
		field string
	}{
		{map[string]any{"url": "javascript:alert(1)"}, "url"},
		{map[string]any{"url": ""}, "url"},
		{map[string]any{"url": blog.Page(), "every_seconds": 5}, "every_seconds"},
		{map[string]any{"url": blog.Page(), "every_seconds": "often"}, "every_seconds"},
	} {
		rec := f.do("fc", http.MethodPost, path, bad.body)
		mustStatus(t, rec, http.StatusUnprocessableEntity)
		if errs := decode(t, rec)["errors"].(map[string]any); errs[bad.field] == nil {
			t.Errorf("%v: errors %v lack %s", bad.body, errs, bad.field)
		}
	}
	mustStatus(t, f.do("viewer", http.MethodGet, path, nil), http.StatusNotFound)
	mustStatus(t, f.do("fc", http.MethodPost, "/api/v1/stories/999/follow", map[string]any{"url": blog.Page()}), http.StatusNotFound)

	rec := f.do("fc", http.MethodPost, path, map[string]any{"url": blog.Page(), "every_seconds": 45})
	mustStatus(t, rec, http.StatusOK)
	got := decode(t, rec)
	for _, k := range []string{"url", "every_seconds", "active", "last_checked_at", "last_changed_at", "last_error", "entries_seen"} {
		if _, ok := got[k]; !ok {
			t.Errorf("follow answer lacks %q: %v", k, got)
		}
	}
	if got["url"] != blog.Page() || got["every_seconds"].(float64) != 45 || got["active"] != true {
		t.Errorf("follow %v", got)
	}

	// The scheduler's check, run here at once.
	if _, err := f.store.CheckFollow(context.Background(), id, testPageFetcher(), "test", true); err != nil {
		t.Fatal(err)
	}
	got = decode(t, f.do("viewer", http.MethodGet, path, nil))
	if got["entries_seen"].(float64) != 2 || got["last_checked_at"] == nil || got["last_error"] != "" {
		t.Errorf("after a check: %v", got)
	}
	cands := candidatesOf(t, f, id, "pending")
	if len(cands) < 2 {
		t.Fatalf("candidates %v", cands)
	}
	for _, k := range []string{"id", "story_id", "entry_id", "claim", "claimant", "quote", "time", "headline", "unverifiable", "verb", "direct", "channel", "via", "caveat", "state", "matches"} {
		if _, ok := cands[0][k]; !ok {
			t.Errorf("candidate lacks %q: %v", k, cands[0])
		}
	}
	if m, ok := cands[0]["matches"].([]any); !ok || m == nil {
		t.Errorf("matches must be a list: %v", cands[0]["matches"])
	}
	var lind, dam map[string]any
	for _, c := range cands {
		switch c["claimant"] {
		case "Petra Lind":
			lind = c
		case "Nordwasser":
			dam = c
		}
	}
	if lind == nil || dam == nil {
		t.Fatalf("candidates %v", cands)
	}
	accept := fmt.Sprintf("/api/v1/candidates/%d/accept", int64(lind["id"].(float64)))
	mustStatus(t, f.do("viewer", http.MethodPost, accept, nil), http.StatusForbidden)
	rec = f.do("fc", http.MethodPost, accept, map[string]any{"claim": ""})
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	rec = f.do("fc", http.MethodPost, accept, map[string]any{"claim": "4,000 people were evacuated", "claimant": "Petra Lind, mayor"})
	mustStatus(t, rec, http.StatusCreated)
	claim := decode(t, rec)
	if claim["claim_id"] == nil || claim["claim_id"] != claim["id"] || claim["text"] != "4,000 people were evacuated" ||
		claim["claimant"] != "Petra Lind, mayor" || claim["entry_id"] == nil || claim["channel"] != "on Telegram" {
		t.Errorf("accepted claim %v", claim)
	}
	rec = f.do("fc", http.MethodPost, accept, nil)
	mustStatus(t, rec, http.StatusConflict)
	if cur := decode(t, rec)["current"].(map[string]any); cur["state"] != "accepted" {
		t.Errorf("conflict current %v", cur)
	}

	dismiss := fmt.Sprintf("/api/v1/candidates/%d/dismiss", int64(dam["id"].(float64)))
	rec = f.do("fc", http.MethodPost, dismiss, map[string]any{"reason": " "})
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if decode(t, rec)["errors"].(map[string]any)["reason"] == nil {
		t.Error("dismiss without a reason must name the field")
	}
	rec = f.do("fc", http.MethodPost, dismiss, map[string]any{"reason": "the operator's own assurance; nothing to check yet"})
	mustStatus(t, rec, http.StatusOK)
	if d := decode(t, rec); d["state"] != "dismissed" || d["dismiss_reason"] == "" {
		t.Errorf("dismissed %v", d)
	}
	if n := len(candidatesOf(t, f, id, "dismissed")); n != 1 {
		t.Errorf("%d dismissed", n)
	}
	if n := len(candidatesOf(t, f, id, "accepted")); n != 1 {
		t.Errorf("%d accepted", n)
	}
	mustStatus(t, f.do("viewer", http.MethodGet, "/api/v1/candidates?state=maybe", nil), http.StatusUnprocessableEntity)
	mustStatus(t, f.do("viewer", http.MethodGet, "/api/v1/candidates?story=x", nil), http.StatusUnprocessableEntity)

	// Bulk: the rest at once, one answer per candidate.
	var ids []int64
	for _, c := range candidatesOf(t, f, id, "pending") {
		ids = append(ids, int64(c["id"].(float64)))
	}
	rec = f.do("fc", http.MethodPost, "/api/v1/candidates/bulk", map[string]any{"ids": append(ids, int64(lind["id"].(float64)), 99999), "action": "accept"})
	mustStatus(t, rec, http.StatusOK)
	results := decode(t, rec)["results"].([]any)
	if len(results) != len(ids)+2 || results[len(results)-1].(map[string]any)["error"] != "no such candidate" ||
		!strings.Contains(results[len(results)-2].(map[string]any)["error"].(string), "already accepted") {
		t.Errorf("bulk results %v", results)
	}
	if n := len(candidatesOf(t, f, id, "pending")); n != 0 {
		t.Errorf("%d still pending", n)
	}
	mustStatus(t, f.do("fc", http.MethodPost, "/api/v1/candidates/bulk", map[string]any{"ids": []int64{1}, "action": "dismiss"}), http.StatusUnprocessableEntity)

	rec = f.do("fc", http.MethodDelete, path, nil)
	mustStatus(t, rec, http.StatusOK)
	if decode(t, rec)["active"] != false {
		t.Error("DELETE must stop following")
	}
}

func TestImportToInbox(t *testing.T) {
	f := newAPIFixture(t)
	id := apiStory(t, f, "Quake live")
	text := "Quake – live\n\n19:40 – Rescue\n\nThe Civil Rescue Corps said on Telegram that 140 people had been pulled alive from the rubble.\n\n18:55 – Magnitude\n\nThe quake had a magnitude of 7.1, the interior ministry said.\n"
	rec := f.do("fc", http.MethodPost, "/api/v1/imports/liveblog/commit", map[string]any{"text": text, "story_id": id, "to_inbox": true})
	mustStatus(t, rec, http.StatusCreated)
	if n := len(decode(t, rec)["candidate_ids"].([]any)); n != 2 {
		t.Fatalf("%d candidates sent to the inbox", n)
	}
	cands := candidatesOf(t, f, id, "pending")
	if len(cands) != 2 || cands[0]["origin"] != "import" || cands[0]["entry_id"] == nil {
		t.Fatalf("inbox %v", cands)
	}
	claims := decode(t, f.do("viewer", http.MethodGet, fmt.Sprintf("/api/v1/claims?story=%d", id), nil))
	if claims["total"].(float64) != 0 {
		t.Errorf("sending to the inbox stored claims: %v", claims)
	}
	// Sent again: nothing is proposed twice.
	rec = f.do("fc", http.MethodPost, "/api/v1/imports/liveblog/commit", map[string]any{"text": text, "story_id": id, "to_inbox": true})
	mustStatus(t, rec, http.StatusCreated)
	if ids := decode(t, rec)["candidate_ids"]; ids != nil && len(ids.([]any)) != 0 {
		t.Errorf("the same paste proposed again: %v", ids)
	}
	rec = f.do("fc", http.MethodPost, "/api/v1/imports/liveblog/commit", map[string]any{"text": text, "to_inbox": true})
	mustStatus(t, rec, http.StatusUnprocessableEntity)
}

func pagetestEntry(id, at, headline, text string) pagetest.Entry {
	return pagetest.Entry{ID: id, Time: at, Headline: headline, Paragraphs: []string{text}}
}
