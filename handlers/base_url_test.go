package handlers

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Export links never come from the Host header, which whoever sends the
// request chooses.
func TestExportLinksIgnoreTheRequestsHost(t *testing.T) {
	f := newAPIFixture(t)
	f.seed(t)
	for _, path := range []string{"/api/v1/export.json", "/api/v1/export.csv"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Host = "evil.example"
		req.Header.Set("Authorization", "Bearer "+f.tokens["viewer"])
		req.Header.Set("X-Forwarded-Host", "evil.example")
		rec := httptest.NewRecorder()
		f.e.ServeHTTP(rec, req)
		mustStatus(t, rec, http.StatusOK)
		body := rec.Body.String()
		if strings.Contains(body, "evil.example") || !strings.Contains(body, DefaultBaseURL+"/claims/") {
			t.Errorf("%s links: %.500s", path, body)
		}
	}
}
