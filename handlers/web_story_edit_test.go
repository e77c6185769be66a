package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// storyNow reloads a story.
func (a *webApp) storyNow(id int64) *models.Story {
	a.t.Helper()
	st, err := a.store.Story(context.Background(), id)
	if err != nil {
		a.t.Fatal(err)
	}
	return st
}

// storyEditApp is a story with a claim, and a fact-checker's browser signed
// in to edit it.
type storyEditApp struct {
	*webApp
	cl   *models.Claim
	path string
	b    *browser
}

func newStoryEditApp(t *testing.T) *storyEditApp {
	a := newWebApp(t)
	fc := a.user("checker", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two bridges are closed", "national rail operator")
	return &storyEditApp{webApp: a, cl: cl, path: "/stories/" + itoa64(cl.StoryID), b: a.browser().signIn(fc.Email)}
}

// storyForm is the story page's details form, based on version.
func storyForm(title, link, lang, date, zone string, version int64) url.Values {
	return url.Values{"title": {title}, "url": {link}, "language": {lang}, "date": {date}, "time_zone": {zone}, "version": {itoa64(version)}}
}

// A fact-checker edits a story's details from its page: every field is saved,
// the version moves on, and the page shows the new details.
func TestStoryEditFromPage(t *testing.T) {
	a := newStoryEditApp(t)
	cl, path, b := a.cl, a.path, a.b
	page := b.get(path).Body.String()
	if !strings.Contains(page, `action="`+path+`"`) || !strings.Contains(page, `value="Story of national rail operator"`) {
		t.Fatal("the story page has no details form filled with the story")
	}
	rec := b.post(path, storyForm("Rail strike: live", "https://news.example/live/rail", "pt-BR", "2026-11-24", "Europe/Lisbon", 1))
	wantStatus(t, rec, http.StatusSeeOther)
	if rec.Header().Get("Location") != path {
		t.Fatalf("redirect to %q", rec.Header().Get("Location"))
	}
	st := a.storyNow(cl.StoryID)
	if st.Title != "Rail strike: live" || st.URL != "https://news.example/live/rail" || st.Language != "pt-br" ||
		st.Date != "2026-11-24" || st.TimeZone != "Europe/Lisbon" || st.Version != 2 {
		t.Fatalf("story after edit: %+v", st)
	}
	page = b.get(path).Body.String()
	for _, want := range []string{"Story details saved.", "<h1>Rail strike: live", "2026-11-24", "(Europe/Lisbon)", `name="version" value="2"`} {
		if !strings.Contains(page, want) {
			t.Errorf("story page after edit lacks %q", want)
		}
	}
	if _, err := a.store.Claim(context.Background(), cl.ID); err != nil {
		t.Fatalf("the story's claim: %v", err)
	}
}

// Invalid details bring the form back, open, with the message and what was
// typed; the story stays as it was.
func TestStoryEditRefused(t *testing.T) {
	a := newStoryEditApp(t)
	cl, path, b := a.cl, a.path, a.b
	cases := []struct {
		name  string
		form  url.Values
		msg   string
		typed string
	}{
		{"no title", storyForm("  ", "", "en", "", "", 1), "is required", ""},
		{"not a web address", storyForm("Rail strike", "javascript:alert(1)", "en", "", "", 1), "must be an http or https URL", `value="javascript:alert(1)"`},
		{"not a language tag", storyForm("Rail strike", "", "en gb", "", "", 1), "must be a language tag", `value="en gb"`},
		{"not a date", storyForm("Rail strike", "", "en", "24/11/2026", "", 1), "must be a date as YYYY-MM-DD", `value="24/11/2026"`},
		{"unknown time zone", storyForm("Rail strike", "", "en", "", "Mars/Olympus", 1), "must be a time zone name", `value="Mars/Olympus"`},
		{"no version", storyForm("Rail strike", "", "en", "", "", 0), "reload the page and edit again", `value="Rail strike"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b.get(path)
			rec := b.post(path, tc.form)
			wantStatus(t, rec, http.StatusUnprocessableEntity)
			body := rec.Body.String()
			if !strings.Contains(body, tc.msg) || !strings.Contains(body, `<details id="story-details" class="edit" open>`) {
				t.Errorf("the form does not come back open with %q", tc.msg)
			}
			if !strings.Contains(body, tc.typed) {
				t.Errorf("what was typed is lost: %q", tc.typed)
			}
			if st := a.storyNow(cl.StoryID); st.Title != "Story of national rail operator" || st.Version != 1 || st.URL != "" || st.Language != "en" {
				t.Fatalf("the story changed: %+v", st)
			}
		})
	}
}

// Two people edit one story: the second save, based on the old version, is
// refused with the current details shown and the second person's input kept;
// nothing of the first edit is overwritten.
func TestStoryEditConflict(t *testing.T) {
	a := newStoryEditApp(t)
	cl, path, b := a.cl, a.path, a.b
	b.get(path)

	theirs := "Rail strike, day two"
	if _, err := a.store.UpdateStory(context.Background(), cl.StoryID, 1, models.StoryInput{Title: &theirs}); err != nil {
		t.Fatal(err)
	}
	rec := b.post(path, storyForm("My rail strike title", "", "en", "2026-11-25", "", 1))
	wantStatus(t, rec, http.StatusConflict)
	body := rec.Body.String()
	for _, want := range []string{"Someone changed this story meanwhile", "now at version 2", "title “Rail strike, day two”",
		`value="My rail strike title"`, `value="2026-11-25"`, `name="version" value="2"`} {
		if !strings.Contains(body, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if st := a.storyNow(cl.StoryID); st.Title != theirs || st.Date != "" || st.Version != 2 {
		t.Fatalf("the other edit was overwritten: %+v", st)
	}
	// Submitting again from the conflict page, on the current version, saves.
	wantStatus(t, b.post(path, storyForm("My rail strike title", "", "en", "2026-11-25", "", 2)), http.StatusSeeOther)
	if st := a.storyNow(cl.StoryID); st.Title != "My rail strike title" || st.Version != 3 {
		t.Fatalf("resubmitted edit: %+v", st)
	}
}

// Viewers see no details form and are refused; without the CSRF token nobody
// edits anything.
func TestStoryEditRoleAndToken(t *testing.T) {
	a := newStoryEditApp(t)
	cl, path, b := a.cl, a.path, a.b
	a.user("viewer", models.RoleViewer)
	v := a.browser().signIn("viewer@desk.test")
	if strings.Contains(v.get(path).Body.String(), "Edit details") {
		t.Fatal("a viewer is offered the details form")
	}
	wantStatus(t, v.post(path, storyForm("Viewer's title", "", "en", "", "", 1)), http.StatusForbidden)

	form := storyForm("No token", "", "en", "", "", 1)
	form.Set("csrf", "")
	wantStatus(t, b.post(path, form), http.StatusForbidden)
	form.Set("csrf", "x"+b.csrf)
	wantStatus(t, b.post(path, form), http.StatusForbidden)
	if st := a.storyNow(cl.StoryID); st.Title != "Story of national rail operator" || st.Version != 1 {
		t.Fatalf("the story changed: %+v", st)
	}
	wantStatus(t, b.post("/stories/999999", storyForm("Nothing here", "", "en", "", "", 1)), http.StatusNotFound)
}

// Markup in a story's details is shown as text, both when the form comes
// back and on the page after saving.
func TestStoryEditEscapesInput(t *testing.T) {
	a := newStoryEditApp(t)
	path, b := a.path, a.b
	b.get(path)

	hostile := `<script>alert("title")</script>`
	rec := b.post(path, storyForm(hostile, "", "en", `"><script>alert("date")</script>`, "", 1))
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if strings.Contains(rec.Body.String(), "<script>alert") {
		t.Fatal("typed markup comes back unescaped")
	}
	wantStatus(t, b.post(path, storyForm(hostile, "", "en", "", "", 1)), http.StatusSeeOther)
	body := b.get(path).Body.String()
	if strings.Contains(body, "<script>alert") || !strings.Contains(body, `&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;`) {
		t.Fatal("the saved title is not escaped on the story page")
	}
}
