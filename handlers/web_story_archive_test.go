package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// Editors archive and restore a story from its page; fact-checkers cannot,
// and archiving keeps every claim.
func TestStoryArchiveFromPage(t *testing.T) {
	a := newWebApp(t)
	ed := a.user("editor", models.RoleEditor)
	a.user("checker", models.RoleFactchecker)
	c := a.seedClaim(ed, "Two bridges are under inspection", "national rail operator")
	path := "/stories/" + itoa64(c.StoryID)

	fc := a.browser().signIn("checker@desk.test")
	if strings.Contains(fc.get(path).Body.String(), "Archive story") {
		t.Fatal("a fact-checker sees the archive button")
	}
	wantStatus(t, fc.post(path+"/archive", url.Values{"archived": {"1"}}), http.StatusForbidden)

	b := a.browser().signIn("editor@desk.test")
	if !strings.Contains(b.get(path).Body.String(), "Archive story") {
		t.Fatal("an editor sees no archive button")
	}
	wantStatus(t, b.post(path+"/archive", url.Values{"archived": {"1"}}), http.StatusSeeOther)
	st, err := a.store.Story(context.Background(), c.StoryID)
	if err != nil || !st.Archived {
		t.Fatalf("after archiving: %v %+v", err, st)
	}
	if _, err := a.store.Claim(context.Background(), c.ID); err != nil {
		t.Fatalf("the claim went with the story: %v", err)
	}
	body := b.get(path).Body.String()
	if !strings.Contains(body, "archived") || !strings.Contains(body, "Restore story") {
		t.Fatal("the page does not show the story as archived")
	}
	wantStatus(t, b.post(path+"/archive", url.Values{"archived": {"0"}}), http.StatusSeeOther)
	if st, _ := a.store.Story(context.Background(), c.StoryID); st.Archived {
		t.Fatal("restoring did not take")
	}
}
