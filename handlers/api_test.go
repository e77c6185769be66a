package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// apiScenario is one request through the whole router and what its answer
// must and must not contain.
type apiScenario struct {
	name    string
	who     string
	method  string
	path    string
	body    any
	status  int
	want    []string
	notWant []string
}

func (f *apiFixture) run(t *testing.T, scenarios []apiScenario) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			rec := f.do(sc.who, sc.method, sc.path, sc.body)
			if rec.Code != sc.status {
				t.Fatalf("%s %s as %q: status %d, want %d\n%s", sc.method, sc.path, sc.who, rec.Code, sc.status, rec.Body.String())
			}
			body := rec.Body.String()
			for _, w := range sc.want {
				if !strings.Contains(body, w) {
					t.Errorf("answer lacks %q:\n%.600s", w, body)
				}
			}
			for _, w := range append(sc.notWant, "goroutine ", "SQL", "sqlite", "gorm") {
				if strings.Contains(body, w) {
					t.Errorf("answer contains %q:\n%.600s", w, body)
				}
			}
		})
	}
}

// seed makes a story, a source and a claim through the API, returning their ids.
func (f *apiFixture) seed(t *testing.T) (story, source, claim int64) {
	t.Helper()
	return f.seedTB(t)
}

// seedTB is seed for tests, benchmarks and fuzz targets alike.
func (f *apiFixture) seedTB(t testing.TB) (story, source, claim int64) {
	t.Helper()
	rec := f.do("fc", "POST", "/api/v1/stories", map[string]any{"title": "Belgorod live", "url": "https://news.example/live"})
	mustStatus(t, rec, http.StatusCreated)
	story = int64(decode(t, rec)["id"].(float64))
	rec = f.do("fc", "POST", "/api/v1/sources", map[string]any{"name": "Vyacheslav Gladkov", "role": "Governor of Belgorod region", "kind": "government", "aliases": []string{"Gladkov"}})
	mustStatus(t, rec, http.StatusCreated)
	source = int64(decode(t, rec)["id"].(float64))
	rec = f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": story, "source_id": source,
		"text": "Two women were killed by Ukrainian shelling", "quote": "Two women were killed, Gladkov said on Telegram.",
		"verb": "said", "channel": "on Telegram", "reported_url": "https://news.example/live#1103"})
	mustStatus(t, rec, http.StatusCreated)
	claim = int64(decode(t, rec)["id"].(float64))
	return story, source, claim
}

func TestAPIAuthentication(t *testing.T) {
	f := newAPIFixture(t)
	f.run(t, []apiScenario{
		{name: "health without token", method: "GET", path: "/healthz", status: 200, want: []string{`"ok"`}},
		{name: "no token", method: "GET", path: "/api/v1/claims", status: 401, want: []string{"Bearer"}},
		{name: "me", who: "viewer", method: "GET", path: "/api/v1/me", status: 200, want: []string{"Vic Viewer", `"viewer"`}, notWant: []string{"password"}},
	})
	for _, bad := range []string{"Bearer nonsense", "Bearer cd_" + strings.Repeat("A", 43), "Basic dXNlcjpwYXNz", "Bearer "} {
		r := newReq("GET", "/api/v1/claims", bad)
		rec := serve(f, r)
		if rec.Code != 401 {
			t.Errorf("Authorization %q: status %d", bad, rec.Code)
		}
	}
	// A disabled user's token stops working.
	rec := f.do("admin", "PATCH", fmt.Sprintf("/api/v1/users/%d", f.users["viewer"].ID), map[string]any{"disabled": true})
	mustStatus(t, rec, 200)
	mustStatus(t, f.do("viewer", "GET", "/api/v1/claims", nil), 401)
}

func TestAPIWorkflowScenario(t *testing.T) {
	f := newAPIFixture(t)
	story, source, claim := f.seed(t)
	c := fmt.Sprintf("/api/v1/claims/%d", claim)
	f.run(t, []apiScenario{
		{name: "list unconfirmed", who: "viewer", method: "GET", path: "/api/v1/claims?unconfirmed=1", status: 200,
			want: []string{`"total":1`, "Two women were killed", `"claimant":"Vyacheslav Gladkov"`, "According to Vyacheslav Gladkov, the governor of Belgorod region, two women"}},
		{name: "list by story and source", who: "viewer", method: "GET", path: fmt.Sprintf("/api/v1/claims?story=%d&source=%d&verdict=unreviewed&sort=-created&page=1&per_page=10", story, source), status: 200, want: []string{`"total":1`}},
		{name: "full text", who: "viewer", method: "GET", path: "/api/v1/claims?q=shelling", status: 200, want: []string{`"total":1`}},
		{name: "bad story filter", who: "viewer", method: "GET", path: "/api/v1/claims?story=abc", status: 422, want: []string{`"story"`}},
		{name: "bad verdict filter", who: "viewer", method: "GET", path: "/api/v1/claims?verdict=maybe&per_page=5000", status: 422, want: []string{`"verdict"`, `"per_page"`}},
		{name: "bad sort", who: "viewer", method: "GET", path: "/api/v1/claims?sort=id%3BDROP%20TABLE%20claims", status: 422, want: []string{`"sort"`}},
		{name: "viewer cannot set verdict", who: "viewer", method: "POST", path: c + "/verdict", body: map[string]any{"verdict": "in_review", "rationale": "x", "version": 1}, status: 403},
		{name: "viewer cannot create", who: "viewer", method: "POST", path: "/api/v1/claims", body: map[string]any{"text": "x"}, status: 403},
		{name: "verdict without rationale", who: "fc", method: "POST", path: c + "/verdict", body: map[string]any{"verdict": "in_review", "version": 1}, status: 422, want: []string{`"rationale":"is required"`}},
		{name: "verified without evidence", who: "fc", method: "POST", path: c + "/verdict", body: map[string]any{"verdict": "verified", "rationale": "looks right", "version": 1}, status: 422, want: []string{`"verdict"`, "evidence"}},
		{name: "in review", who: "fc", method: "POST", path: c + "/verdict", body: map[string]any{"verdict": "in_review", "rationale": "asking the ministry", "version": 1}, status: 200, want: []string{`"version":2`, `"verdict":"in_review"`}},
		{name: "stale version", who: "editor", method: "POST", path: c + "/verdict", body: map[string]any{"verdict": "disputed", "rationale": "from an old tab", "version": 1}, status: 409,
			want: []string{"changed this claim meanwhile", `"current"`, `"verdict":"in_review"`, `"version":2`}},
		{name: "evidence by url", who: "fc", method: "POST", path: c + "/evidence", body: map[string]any{"kind": "photo", "stance": "supports", "url": "https://reuters.example/photo", "title": "Photo of the site"}, status: 201, want: []string{`"stance":"supports"`}},
		{name: "evidence bad stance", who: "fc", method: "POST", path: c + "/evidence", body: map[string]any{"stance": "likes", "url": "https://x.example"}, status: 422, want: []string{`"stance"`}},
		{name: "evidence javascript url", who: "fc", method: "POST", path: c + "/evidence", body: map[string]any{"stance": "supports", "url": "javascript:alert(1)"}, status: 422, want: []string{`"url"`}},
		{name: "verified with evidence", who: "fc", method: "POST", path: c + "/verdict", body: map[string]any{"verdict": "verified", "rationale": "photo geolocated to Shebekino", "version": 2}, status: 200, want: []string{`"verdict":"verified"`, `"published":false`}},
		{name: "another editor signs off", who: "editor", method: "POST", path: c + "/signoff", body: map[string]any{"version": 3}, status: 200},
		{name: "activity", who: "viewer", method: "GET", path: c + "/activity", status: 200,
			want: []string{`"action":"verdict_changed"`, `"from":"in_review"`, `"to":"verified"`, "photo geolocated to Shebekino", `"action":"signed_off"`, `"evidence_ids":[1]`}},
		{name: "detail", who: "viewer", method: "GET", path: c, status: 200, want: []string{`"corroboration":1`, `"published":true`, "Eve Editor", "independently verified"}},
		{name: "fact-checker cannot sign off", who: "fc", method: "POST", path: c + "/signoff", body: map[string]any{"version": 4}, status: 403},
		{name: "note", who: "fc", method: "POST", path: c + "/notes", body: map[string]any{"text": "Called the press office"}, status: 201, want: []string{"Called the press office"}},
		{name: "empty note", who: "fc", method: "POST", path: c + "/notes", body: map[string]any{"text": ""}, status: 422, want: []string{`"text"`}},
		{name: "verifiability", who: "fc", method: "POST", path: c + "/verifiability", body: map[string]any{"verifiability": "not_verifiable", "reason": "no access to the area", "version": 4}, status: 200, want: []string{`"verifiability":"not_verifiable"`}},
		{name: "not_verifiable needs reason", who: "fc", method: "POST", path: c + "/verifiability", body: map[string]any{"verifiability": "not_verifiable", "version": 5}, status: 422, want: []string{`"reason"`}},
		{name: "assign self", who: "fc", method: "POST", path: c + "/assign", body: map[string]any{"assignee_id": f.users["fc"].ID, "version": 5}, status: 200, want: []string{`"assignee_name":"Fay Checker"`}},
		{name: "fc cannot assign others", who: "fc", method: "POST", path: c + "/assign", body: map[string]any{"assignee_id": f.users["editor"].ID, "version": 6}, status: 403},
		{name: "missing claim", who: "viewer", method: "GET", path: "/api/v1/claims/99999", status: 404},
		{name: "non-numeric id", who: "viewer", method: "GET", path: "/api/v1/claims/abc", status: 404},
		{name: "story", who: "viewer", method: "GET", path: fmt.Sprintf("/api/v1/stories/%d", story), status: 200, want: []string{"Belgorod live"}},
		{name: "stories", who: "viewer", method: "GET", path: "/api/v1/stories", status: 200, want: []string{`"claims":1`}},
		{name: "source track record", who: "viewer", method: "GET", path: fmt.Sprintf("/api/v1/sources/%d", source), status: 200, want: []string{`"verified":1`, `"aliases":["Gladkov"]`}},
		{name: "sources search", who: "viewer", method: "GET", path: "/api/v1/sources?q=gladk", status: 200, want: []string{`"total":1`}},
	})
}

func TestAPIBadInput(t *testing.T) {
	f := newAPIFixture(t)
	story, source, claim := f.seed(t)
	huge := strings.Repeat("a", 1<<20)
	f.run(t, []apiScenario{
		{name: "claim without text", who: "fc", method: "POST", path: "/api/v1/claims", body: map[string]any{"story_id": story, "source_id": source}, status: 422, want: []string{`"text":"is required"`}},
		{name: "wrong type", who: "fc", method: "POST", path: "/api/v1/claims", body: `{"story_id":"one","text":5}`, status: 422, want: []string{`"story_id"`}},
		{name: "malformed json", who: "fc", method: "POST", path: "/api/v1/claims", body: `{"text":`, status: 400, want: []string{"not valid JSON"}},
		{name: "empty body", who: "fc", method: "POST", path: "/api/v1/claims", body: ``, status: 422, want: []string{`"body"`}},
		{name: "array body", who: "fc", method: "POST", path: "/api/v1/claims", body: `[1,2]`, status: 422},
		{name: "1 MB text", who: "fc", method: "POST", path: "/api/v1/claims", body: map[string]any{"story_id": story, "source_id": source, "text": huge}, status: 422, want: []string{`"text":"must be at most 5000 characters"`}},
		{name: "3 MB body", who: "fc", method: "POST", path: "/api/v1/claims", body: map[string]any{"text": strings.Repeat("b", 3<<20)}, status: 413},
		{name: "bad date", who: "fc", method: "POST", path: "/api/v1/claims", body: map[string]any{"story_id": story, "source_id": source, "text": "x", "made_at": "yesterday"}, status: 422, want: []string{`"made_at"`}},
		{name: "bad story id", who: "fc", method: "POST", path: "/api/v1/claims", body: map[string]any{"story_id": 424242, "source_id": source, "text": "x"}, status: 422, want: []string{`"story_id":"no such story"`}},
		{name: "story without title", who: "fc", method: "POST", path: "/api/v1/stories", body: map[string]any{"title": " "}, status: 422, want: []string{`"title"`}},
		{name: "story bad zone", who: "fc", method: "POST", path: "/api/v1/stories", body: map[string]any{"title": "x", "time_zone": "Mars/Olympus"}, status: 422, want: []string{`"time_zone"`}},
		{name: "duplicate source", who: "fc", method: "POST", path: "/api/v1/sources", body: map[string]any{"name": "vyacheslav gladkov"}, status: 422, want: []string{"already exists"}},
		{name: "update without version", who: "fc", method: "PATCH", path: fmt.Sprintf("/api/v1/claims/%d", claim), body: map[string]any{"text": "new"}, status: 422, want: []string{`"version"`}},
		{name: "link to itself", who: "fc", method: "POST", path: fmt.Sprintf("/api/v1/claims/%d/links", claim), body: map[string]any{"to_claim_id": claim, "kind": "contradicts"}, status: 422},
		{name: "bulk too many", who: "fc", method: "POST", path: "/api/v1/claims/bulk", body: map[string]any{"ids": make([]int64, 501), "action": "assign"}, status: 422, want: []string{`"ids"`}},
		{name: "no body", who: "fc", method: "POST", path: "/api/v1/stories", body: nil, status: 422},
	})
	rec := f.do("viewer", "GET", "/api/v1/claims", nil)
	if !strings.Contains(rec.Body.String(), `"total":1`) {
		t.Fatalf("refused requests wrote claims: %s", rec.Body.String())
	}
}

func TestAPIHostileTextRoundTrips(t *testing.T) {
	f := newAPIFixture(t)
	story, source, _ := f.seed(t)
	for _, s := range []string{
		`<script>alert(1)</script>`, `'; DROP TABLE claims; --`, `1 OR 1=1`, "😀👍🏽 Ünïcödé — 日本語 العربية",
		"line\nbreak\ttab", strings.Repeat("Ω", 5000),
	} {
		rec := f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": story, "source_id": source, "text": s, "quote": s})
		mustStatus(t, rec, 201)
		m := decode(t, rec)
		if m["text"] != strings.TrimSpace(s) || m["quote"] != strings.TrimSpace(s) {
			t.Fatalf("%.30q came back as %.30q", s, m["text"])
		}
		rec = f.do("viewer", "GET", fmt.Sprintf("/api/v1/claims/%d", int64(m["id"].(float64))), nil)
		if decode(t, rec)["text"] != strings.TrimSpace(s) {
			t.Fatalf("%.30q read back differently", s)
		}
	}
}

func TestAPIEvidenceUpload(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	path := fmt.Sprintf("/api/v1/claims/%d/evidence", claim)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
	rec := f.upload("fc", path, map[string]string{"stance": "supports", "kind": "photo", "title": "<b>drone</b> photo"}, `..\..\evil"name.png`, png)
	mustStatus(t, rec, 201)
	m := decode(t, rec)
	if m["file_name"] != "evilname.png" || m["file_type"] != "image/png" {
		t.Fatalf("stored upload: %v", m)
	}
	id := int64(m["id"].(float64))
	dl := f.do("viewer", "GET", fmt.Sprintf("/api/v1/evidence/%d/file", id), nil)
	mustStatus(t, dl, 200)
	if cd := dl.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Fatalf("Content-Disposition %q", cd)
	}
	if dl.Header().Get("X-Content-Type-Options") != "nosniff" || dl.Body.Len() != len(png) {
		t.Fatalf("download headers %v, %d bytes", dl.Header(), dl.Body.Len())
	}
	rec = f.upload("fc", path, map[string]string{"stance": "supports"}, "page.html", []byte("<html><script>alert(1)</script></html>"))
	mustStatus(t, rec, 422)
	rec = f.upload("fc", path, map[string]string{"stance": "supports"}, "innocent.png", []byte("<!DOCTYPE html><html><body>hi</body></html>"))
	mustStatus(t, rec, 422)
	rec = f.upload("fc", path, map[string]string{"stance": "supports"}, "big.bin", make([]byte, 11<<20))
	mustStatus(t, rec, 413)
	rec = f.upload("viewer", path, map[string]string{"stance": "supports"}, "x.png", png)
	mustStatus(t, rec, 403)
	// Removal keeps the row, marked.
	rec = f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/evidence/%d/remove", claim, id), map[string]any{"reason": "wrong photo"})
	mustStatus(t, rec, 204)
	rec = f.do("viewer", "GET", path, nil)
	if !strings.Contains(rec.Body.String(), `"removed_reason":"wrong photo"`) || !strings.Contains(rec.Body.String(), `"corroboration":0`) {
		t.Fatalf("after removal: %s", rec.Body.String())
	}
}

func TestAPIRoles(t *testing.T) {
	f := newAPIFixture(t)
	story, source, claim := f.seed(t)
	c := fmt.Sprintf("/api/v1/claims/%d", claim)
	_, spare, err := f.store.CreateToken(context.Background(), f.users["editor2"].Email, "spare")
	if err != nil {
		t.Fatal(err)
	}
	// Each route with the lowest role that may use it; every lower role gets 403.
	routes := []struct {
		method, path string
		min          string
		body         any
	}{
		{"GET", "/api/v1/claims", "viewer", nil},
		{"GET", c + "/activity", "viewer", nil},
		{"POST", "/api/v1/stories", "fc", map[string]any{"title": "t"}},
		{"PATCH", fmt.Sprintf("/api/v1/stories/%d", story), "fc", map[string]any{"title": "t", "version": 99}},
		{"POST", "/api/v1/sources", "fc", map[string]any{"name": "New source"}},
		{"POST", c + "/notes", "fc", map[string]any{"text": "n"}},
		{"POST", "/api/v1/claims/bulk", "fc", map[string]any{"ids": []int64{claim}, "action": "verdict", "verdict": "in_review", "rationale": "r"}},
		{"POST", fmt.Sprintf("/api/v1/stories/%d/archive", story), "editor", map[string]any{"archived": false}},
		{"POST", fmt.Sprintf("/api/v1/sources/%d/merge", source), "editor", map[string]any{"into_id": source}},
		{"POST", c + "/signoff", "editor", map[string]any{"version": 1}},
		{"GET", "/api/v1/users", "admin", nil},
		{"POST", "/api/v1/users", "admin", map[string]any{"name": "N", "email": "n@x.org", "role": "viewer", "password": "long password here"}},
		// Another user's tokens: only an admin (the owner's own access is in TestAPITokens).
		{"POST", fmt.Sprintf("/api/v1/users/%d/tokens", f.users["editor2"].ID), "admin", map[string]any{"name": "n", "expires_in_days": 3}},
		{"GET", fmt.Sprintf("/api/v1/users/%d/tokens", f.users["editor2"].ID), "admin", nil},
		{"DELETE", fmt.Sprintf("/api/v1/tokens/%d", spare.ID), "admin", nil},
	}
	order := []string{"viewer", "fc", "editor", "admin"}
	rank := map[string]int{"viewer": 0, "fc": 1, "editor": 2, "admin": 3}
	for _, r := range routes {
		for _, who := range order {
			rec := f.do(who, r.method, r.path, r.body)
			allowed := rank[who] >= rank[r.min]
			if !allowed && rec.Code != 403 {
				t.Errorf("%s %s as %s: %d, want 403", r.method, r.path, who, rec.Code)
			}
			if allowed && (rec.Code == 403 || rec.Code == 401) {
				t.Errorf("%s %s as %s: %d, want access: %s", r.method, r.path, who, rec.Code, rec.Body.String())
			}
		}
	}
}
