package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzAPIBodies sends arbitrary bytes as the JSON body of every write route:
// the answer is always a clear 4xx or a success, never a 5xx, and a refused
// request leaves the claim as it was.
func FuzzAPIBodies(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `"text"`, `{"text":`, `{"text":null}`, `{"story_id":1,"source_id":1,"text":"x"}`,
		`{"story_id":-1,"text":"\u0000"}`, `{"verdict":"verified","rationale":"r","version":1}`,
		`{"verdict":"in_review","rationale":"` + "\xff\xfe" + `","version":1e400}`, `{"ids":[1,2,3],"action":"verdict"}`,
		`{"story_id":1,"claimant":"<script>alert(1)</script>","text":"'; DROP TABLE claims; --"}`,
		`{"assignee_id":"me","version":true}`, `{"stance":"supports","url":"javascript:alert(1)"}`,
		`{"text":"a","text":"b"}`, `{"reported_at":"2026-13-45T99:99:99Z","story_id":1,"source_id":1,"text":"x"}`,
	} {
		for route := 0; route < 8; route++ {
			f.Add(route, []byte(seed))
		}
	}
	fx := newAPIFixture(f)
	_, _, claim := fx.seedTB(f)
	routes := []string{
		"/api/v1/claims", "/api/v1/stories", "/api/v1/sources",
		fmt.Sprintf("/api/v1/claims/%d/verdict", claim), fmt.Sprintf("/api/v1/claims/%d/evidence", claim),
		"/api/v1/claims/bulk", fmt.Sprintf("/api/v1/claims/%d/assign", claim), "/api/v1/imports/liveblog",
	}
	f.Fuzz(func(t *testing.T, route int, body []byte) {
		if route < 0 {
			route = -route
		}
		path := routes[route%len(routes)]
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+fx.tokens["editor"])
		rec := httptest.NewRecorder()
		fx.e.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("POST %s %q: %d %s", path, body, rec.Code, rec.Body.String())
		}
	})
}
