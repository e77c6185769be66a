package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestAPITagsAndViews(t *testing.T) {
	f := newAPIFixture(t)
	a := apiClaim(t, f, "Two women were killed", "Vyacheslav Gladkov")
	b := apiClaim(t, f, "A drone hit a depot", "Roman Starovoit")
	path := "/api/v1/claims/" + itoa64(a.ID)

	// PATCH sets tags (checked first: a bad tag writes nothing).
	rec := f.do("fc", http.MethodPatch, path, `{"version":`+itoa64(a.Version)+`,"text":"Three women were killed","tags":["ok","a,b"]}`)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if got, _ := f.store.Claim(context.Background(), a.ID); got.Text != a.Text {
		t.Fatal("a PATCH with a bad tag changed the text")
	}
	rec = f.do("fc", http.MethodPatch, path, `{"version":`+itoa64(a.Version)+`,"tags":["Casualties","Belgorod"]}`)
	mustStatus(t, rec, http.StatusOK)
	if s := rec.Body.String(); !strings.Contains(s, `"tags":["belgorod","casualties"]`) {
		t.Fatalf("PATCH tags: %s", s)
	}
	// Bulk tag, the list's tag filter, and tags in every claim's JSON.
	rec = f.do("fc", http.MethodPost, "/api/v1/claims/bulk", `{"ids":[`+itoa64(a.ID)+`,`+itoa64(b.ID)+`],"action":"tag","tags":["follow-up"]}`)
	mustStatus(t, rec, http.StatusOK)
	if s := rec.Body.String(); !strings.Contains(s, `"changed":[`+itoa64(a.ID)+`,`+itoa64(b.ID)+`]`) {
		t.Fatalf("bulk tag: %s", s)
	}
	mustStatus(t, f.do("fc", http.MethodPost, "/api/v1/claims/bulk", `{"ids":[1],"action":"tag"}`), http.StatusUnprocessableEntity)
	list := f.do("viewer", http.MethodGet, "/api/v1/claims?tag=casualties", nil).Body.String()
	if !strings.Contains(list, `"total":1`) || !strings.Contains(list, `"tags":["belgorod","casualties","follow-up"]`) {
		t.Fatalf("tag filter: %s", list)
	}
	if l := f.do("viewer", http.MethodGet, "/api/v1/claims?tag=Follow-Up", nil).Body.String(); !strings.Contains(l, `"total":2`) {
		t.Fatalf("tag filter folds case: %s", l)
	}
	if l := f.do("viewer", http.MethodGet, "/api/v1/claims?tag=nothing", nil).Body.String(); !strings.Contains(l, `"total":0`) {
		t.Fatalf("unknown tag: %s", l)
	}

	// Saved views: per user.
	rec = f.do("fc", http.MethodPost, "/api/v1/views", `{"name":"Casualties","query":"?tag=casualties&unconfirmed=1"}`)
	mustStatus(t, rec, http.StatusCreated)
	mustStatus(t, f.do("fc", http.MethodPost, "/api/v1/views", `{"name":"Bad","query":"verdict=maybe"}`), http.StatusUnprocessableEntity)
	if s := f.do("fc", http.MethodGet, "/api/v1/views", nil).Body.String(); !strings.Contains(s, `"query":"tag=casualties\u0026unconfirmed=1"`) {
		t.Fatalf("views: %s", s)
	}
	if s := f.do("editor", http.MethodGet, "/api/v1/views", nil).Body.String(); s != `{"views":[]}`+"\n" {
		t.Fatalf("another user's views: %q", s)
	}
}

func TestWebTagsViewsAndSort(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	c1 := a.seedClaim(fc, "Two women were killed", "Vyacheslav Gladkov")
	c2 := a.seedClaim(fc, "A drone hit a depot", "Roman Starovoit")
	b := a.browser().signIn("fay@desk.test")
	rec := b.post("/claims/bulk", url.Values{"action": {"tag"}, "tags": {"casualties"}, "ids": {itoa64(c1.ID)}, "return": {"/"}})
	wantStatus(t, rec, http.StatusSeeOther)
	desk := b.get("/?tag=casualties").Body.String()
	if !strings.Contains(desk, "1 claim(s)") || !strings.Contains(desk, `<a class="tag" href="/?tag=casualties">casualties</a>`) {
		t.Fatalf("desk by tag: %s", desk)
	}
	// A bulk action that changed nothing comes back as an error.
	rec = b.post("/claims/bulk", url.Values{"action": {"tag"}, "tags": {"casualties"}, "ids": {itoa64(c1.ID)}, "return": {"/?tag=casualties"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if s := rec.Body.String(); !strings.Contains(s, `class="ferr"`) || !strings.Contains(s, "Changed 0 claim(s)") || strings.Contains(s, `class="flash"`) {
		t.Fatalf("bulk that changed nothing: %s", s)
	}
	// Tags on the claim page.
	got, _ := a.store.Claim(context.Background(), c2.ID)
	wantStatus(t, b.post("/claims/"+itoa64(c2.ID)+"/tags", url.Values{"tags": {"Smolensk, drones"}, "version": {itoa64(got.Version)}}), http.StatusSeeOther)
	if got, _ := a.store.Claim(context.Background(), c2.ID); strings.Join(got.Tags, ",") != "drones,smolensk" {
		t.Fatalf("tags after the claim form: %v", got.Tags)
	}
	// Save the view; it is listed and its link is the view.
	wantStatus(t, b.post("/views", url.Values{"name": {"Casualties"}, "query": {"tag=casualties&page=2"}}), http.StatusSeeOther)
	if d := b.get("/?tag=casualties").Body.String(); !strings.Contains(d, `<a href="/?tag=casualties" aria-current="page">Casualties</a>`) {
		t.Fatalf("saved view on the desk: %s", d)
	}
	wantStatus(t, b.post("/views", url.Values{"name": {""}, "query": {"tag=x"}}), http.StatusUnprocessableEntity)
	// Column headers sort, and say how.
	d := b.get("/?sort=-id").Body.String()
	if !strings.Contains(d, `<th scope="col" aria-sort="descending"><a href="/?sort=id">#`) || !strings.Contains(d, `aria-sort="none"><a href="/?sort=-reported">Reported`) {
		t.Fatalf("sortable headers: %s", d)
	}
	if i, j := strings.Index(d, "A drone hit"), strings.Index(d, "Two women"); i < 0 || j < 0 || i > j {
		t.Fatal("sort=-id does not list the highest number first")
	}
}
