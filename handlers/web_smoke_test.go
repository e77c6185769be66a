package handlers

import (
	"net/http"
	"strconv"
	"testing"
)

func TestWebPagesRender(t *testing.T) {
	a := newWebApp(t)
	admin := a.user("admin", "admin")
	cl := a.seedClaim(admin, "Two women were killed", "Governor")
	b := a.browser().signIn("admin@desk.test")
	for _, p := range []string{"/", "/?unconfirmed=1", "/claims/" + strconv.FormatInt(cl.ID, 10), "/stories", "/stories/" + strconv.FormatInt(cl.StoryID, 10),
		"/sources", "/sources/" + strconv.FormatInt(cl.SourceID, 10), "/admin/users", "/admin/audit"} {
		rec := b.get(p)
		wantStatus(t, rec, http.StatusOK)
	}
}
