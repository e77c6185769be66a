package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// Every admin change to a user is on record, from the API and the pages:
// renaming and enabling again included; and the attribution sheet, like
// every export.
func TestUserChangesAndSheetsAreAudited(t *testing.T) {
	f := newAPIFixture(t)
	story, _, _ := f.seed(t)
	sam := f.users["viewer"]
	p := fmt.Sprintf("/api/v1/users/%d", sam.ID)
	mustStatus(t, f.do("admin", "PATCH", p, map[string]any{"name": "Samuel Viewer"}), http.StatusOK)
	mustStatus(t, f.do("admin", "PATCH", p, map[string]any{"disabled": true}), http.StatusOK)
	mustStatus(t, f.do("admin", "PATCH", p, map[string]any{"disabled": false}), http.StatusOK)
	mustStatus(t, f.do("viewer", "GET", fmt.Sprintf("/api/v1/stories/%d/sheet", story), nil), http.StatusUnauthorized) // token revoked on disabling
	mustStatus(t, f.do("editor", "GET", fmt.Sprintf("/api/v1/stories/%d/sheet?verdict=false", story), nil), http.StatusOK)

	a := &webApp{t: t, store: f.store, e: f.e}
	admin := a.browser().signIn("admin@desk.test")
	admin.get("/admin/users")
	wantStatus(t, admin.post("/admin/users/"+itoa64(sam.ID), url.Values{"disabled": {"1"}}), http.StatusSeeOther)
	wantStatus(t, admin.post("/admin/users/"+itoa64(sam.ID), url.Values{"disabled": {"0"}}), http.StatusSeeOther)

	evs, _, err := f.store.AuditLog(t.Context(), 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(evs) - 1; i >= 0; i-- {
		ev := evs[i]
		switch ev.Action {
		case models.AuditUserRenamed, models.AuditUserDisabled, models.AuditUserEnabled, models.AuditExport:
			who := ""
			if ev.UserID != nil {
				who = fmt.Sprint(*ev.UserID)
			}
			got = append(got, ev.Action+" "+ev.Email+" by "+who+": "+ev.Detail)
		}
	}
	adminID := fmt.Sprint(f.users["admin"].ID)
	want := []string{
		"user_renamed viewer@desk.test by " + adminID + ": Vic Viewer → Samuel Viewer (API)",
		"user_disabled viewer@desk.test by " + adminID + ": disabled; sessions ended, API tokens revoked (API)",
		"user_enabled viewer@desk.test by " + adminID + ": enabled again (API)",
		fmt.Sprintf("export editor@desk.test by %d: attribution sheet of story %d verdict=false", f.users["editor"].ID, story),
		"user_disabled viewer@desk.test by " + adminID + ": disabled; sessions ended, API tokens revoked",
		"user_enabled viewer@desk.test by " + adminID + ": enabled again",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audit rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
