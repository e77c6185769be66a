package handlers

import (
	"net/http"
	"strings"
	"testing"

	"claimdesk/models"
)

// A page number too large for an offset is refused with 422, on every list.
func TestHugePageNumbersAreRefused(t *testing.T) {
	f := newAPIFixture(t)
	f.seed(t)
	for _, p := range []string{"/api/v1/sources", "/api/v1/claims"} {
		for _, bad := range []string{"9223372036854775807", "-1", "0", "1e3", "100001"} {
			rec := f.do("admin", "GET", p+"?page="+bad, nil)
			if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"page"`) {
				t.Errorf("%s?page=%s: %d %s", p, bad, rec.Code, rec.Body.String())
			}
		}
		mustStatus(t, f.do("admin", "GET", p+"?page=2", nil), http.StatusOK)
	}
	mustStatus(t, f.do("admin", "GET", "/api/v1/sources?per_page=9223372036854775807", nil), http.StatusUnprocessableEntity)

	a := newWebApp(t)
	cl := a.seedClaim(a.user("admin", models.RoleAdmin), "A claim", "A source")
	b := a.browser().signIn("admin@desk.test")
	for _, p := range []string{"/sources", "/admin/audit", "/sources/" + itoa64(cl.SourceID)} {
		rec := b.get(p + "?page=9223372036854775807")
		wantStatus(t, rec, http.StatusUnprocessableEntity)
	}
}
