package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestWebSourceCreateEditMerge(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	legion := a.seedClaim(fc, "Our units entered the village", "Freedom of Russia Legion")
	b := a.browser().signIn("fay@desk.test")

	// Create, with a role and aliases.
	rec := b.post("/sources", url.Values{"name": {"Vyacheslav Gladkov"}, "role": {"Governor of Belgorod region"}, "kind": {"government"},
		"alias": {"Gladkov", "", "governor of Belgorod"}})
	wantStatus(t, rec, http.StatusSeeOther)
	gladkovURL := rec.Header().Get("Location")
	body := b.get(gladkovURL).Body.String()
	for _, want := range []string{"Source added.", "Governor of Belgorod region", "“Gladkov”", "“governor of Belgorod”"} {
		if !strings.Contains(body, want) {
			t.Fatalf("new source page lacks %q", want)
		}
	}
	// Invalid: the form again with the message, nothing added.
	rec = b.post("/sources", url.Values{"name": {"  "}, "kind": {"planet"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if s := rec.Body.String(); !strings.Contains(s, "name: is required") || !strings.Contains(s, "kind: must be one of") {
		t.Fatalf("422 page: %s", s)
	}

	// Edit the Legion: it is an armed group with a role, and one more alias.
	src, err := a.store.Source(context.Background(), legion.SourceID)
	if err != nil {
		t.Fatal(err)
	}
	page := "/sources/" + itoa64(src.ID)
	if !strings.Contains(b.get(page).Body.String(), `name="version" value="1"`) {
		t.Fatal("no edit form on the source page")
	}
	wantStatus(t, b.post(page, url.Values{"name": {"Freedom of Russia Legion"}, "role": {"Russian volunteer unit fighting for Ukraine"},
		"kind": {"armed group"}, "alias": {"the Legion"}, "version": {"1"}}), http.StatusSeeOther)
	src, _ = a.store.Source(context.Background(), src.ID)
	if src.Kind != "armed group" || src.Role != "Russian volunteer unit fighting for Ukraine" || strings.Join(src.AliasNames(), "|") != "the Legion" {
		t.Fatalf("after the edit: %+v %v", src, src.AliasNames())
	}
	cl, _ := a.store.Claim(context.Background(), legion.ID)
	if !strings.Contains(cl.AttributionLine, "The Freedom of Russia Legion, the Russian volunteer unit fighting for Ukraine, said: “Our units entered the village.”") {
		t.Fatalf("attribution line after the role was set: %q", cl.AttributionLine)
	}
	// A second edit at the old version is refused and keeps what was typed.
	rec = b.post(page, url.Values{"name": {"Legion"}, "kind": {"armed group"}, "version": {"1"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if s := rec.Body.String(); !strings.Contains(s, "changed by someone else") || !strings.Contains(s, `value="Legion"`) {
		t.Fatalf("stale edit: %s", s)
	}
	// Viewers cannot edit.
	a.user("vic", models.RoleViewer)
	wantStatus(t, a.browser().signIn("vic@desk.test").post(page, url.Values{"name": {"X"}, "version": {"2"}}), http.StatusForbidden)

	// Merge: an editor searches, reviews what moves, confirms.
	dup := a.seedClaim(fc, "Two women were killed", "V. Gladkov")
	e := a.browser().signIn("eve@desk.test")
	dupPage := "/sources/" + itoa64(dup.SourceID)
	body = e.get(dupPage + "?merge_q=gladkov").Body.String()
	if !strings.Contains(body, "Vyacheslav Gladkov</b> — Governor of Belgorod region") {
		t.Fatalf("merge picker lacks the match: %s", body)
	}
	gladkovID := strings.TrimPrefix(gladkovURL, "/sources/")
	body = e.post(dupPage+"/merge", url.Values{"into_id": {gladkovID}}).Body.String()
	if !strings.Contains(body, "Merge “V. Gladkov” into “Vyacheslav Gladkov”?") || !strings.Contains(body, "<b>1</b> claim(s) move") {
		t.Fatalf("merge confirmation: %s", body)
	}
	if got, _ := a.store.Claim(context.Background(), dup.ID); got.SourceID != dup.SourceID {
		t.Fatal("the merge happened before it was confirmed")
	}
	wantStatus(t, e.post(dupPage+"/merge", url.Values{"into_id": {gladkovID}, "confirm": {"1"}}), http.StatusSeeOther)
	if got, _ := a.store.Claim(context.Background(), dup.ID); itoa64(got.SourceID) != gladkovID {
		t.Fatalf("after the merge the claim belongs to source %d", got.SourceID)
	}
}
