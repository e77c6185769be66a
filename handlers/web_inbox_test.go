package handlers

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestStoryPageFollowFormAndInbox(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("vic", models.RoleViewer)
	title := "Floods live"
	st, err := a.store.CreateStory(context.Background(), fc, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	blog := floodBlog()
	defer blog.Close()
	// Another story already has the operator's claim, with a verdict.
	other := "Floods, day one"
	st2, err := a.store.CreateStory(context.Background(), fc, models.StoryInput{Title: &other})
	if err != nil {
		t.Fatal(err)
	}
	earlier, err := a.store.CreateClaim(context.Background(), fc, models.ClaimInput{StoryID: &st2.ID, Claimant: ptr("Nordwasser"), Text: ptr("the dam was holding")})
	if err != nil {
		t.Fatal(err)
	}
	b := a.browser().signIn("fay@desk.test")
	page := "/stories/" + itoa64(st.ID)

	rec := b.get(page)
	wantStatus(t, rec, http.StatusOK)
	for _, want := range []string{"Follow this live blog", `action="` + page + `/follow"`, "Nothing waiting."} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	// Bad input comes back with messages and stores nothing.
	rec = b.post(page+"/follow", url.Values{"url": {"not a url"}, "every_seconds": {"5"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	body := html.UnescapeString(rec.Body.String())
	if !strings.Contains(body, "must be an http or https URL") || !strings.Contains(body, `value="not a url"`) {
		t.Errorf("the follow form should come back with its message and input")
	}
	if _, err := a.store.FollowOf(context.Background(), st.ID); !models.IsNotFound(err) {
		t.Fatalf("a bad follow was stored: %v", err)
	}
	rec = b.post(page+"/follow", url.Values{"url": {blog.Page()}, "every_seconds": {"60"}})
	wantStatus(t, rec, http.StatusSeeOther)

	// A check that fails shows its error on the story page.
	fetch := testPageFetcher()
	blog.SetStatus(http.StatusServiceUnavailable, "")
	if _, err := a.store.CheckFollow(context.Background(), st.ID, fetch, "test", true); err == nil {
		t.Fatal("a 503 is an error")
	}
	if body := b.get(page).Body.String(); !strings.Contains(body, "Last check failed") || !strings.Contains(body, "answered 503") {
		t.Errorf("the story page should show the last error")
	}
	blog.SetStatus(http.StatusOK, "")
	if _, err := a.store.CheckFollow(context.Background(), st.ID, fetch, "test", true); err != nil {
		t.Fatal(err)
	}
	body = html.UnescapeString(b.get(page).Body.String())
	for _, want := range []string{"Following", "2 entries read", "4,000 people had been evacuated", "Petra Lind", "(new source)",
		"found by", "not verifiable", "The claim could not be independently verified.", "Accept as edited", `data-candidate="`,
		`<a href="/claims/` + itoa64(earlier.ID) + `">#` + itoa64(earlier.ID) + `</a>`} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if strings.Contains(body, "Last check failed") {
		t.Error("a good check clears the error")
	}
	cands, err := a.store.Candidates(context.Background(), models.CandidateFilter{StoryID: st.ID})
	if err != nil || len(cands) < 2 {
		t.Fatalf("%+v %v", cands, err)
	}
	// Accept one as edited, dismiss one without and with a reason.
	var lind, dam models.Candidate
	for _, c := range cands {
		if c.Claimant == "Petra Lind" {
			lind = c
		} else if c.Claimant == "Nordwasser" {
			dam = c
		}
	}
	rec = b.post("/candidates/"+itoa64(lind.ID)+"/accept", url.Values{"edit": {"1"}, "claim": {"4,000 evacuated from the old town"},
		"claimant": {"Petra Lind"}, "channel": {"on Telegram"}, "return": {page}})
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != page+"#inbox" {
		t.Errorf("back to %q", loc)
	}
	body = html.UnescapeString(b.get(page).Body.String())
	if !strings.Contains(body, "Accepted: claim #") || !strings.Contains(body, "4,000 evacuated from the old town") {
		t.Errorf("the accepted claim should be on the story page")
	}
	rec = b.post("/candidates/"+itoa64(dam.ID)+"/dismiss", url.Values{"reason": {""}})
	wantStatus(t, rec, http.StatusSeeOther)
	if body := b.get(page).Body.String(); !strings.Contains(body, "Not done: reason is required") {
		t.Errorf("dismiss without a reason should say so")
	}
	rec = b.post("/candidates/"+itoa64(dam.ID)+"/dismiss", url.Values{"reason": {"the operator's own word"}, "return": {"https://evil.example/"}})
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != page+"#inbox" {
		t.Errorf("an outside return address must not be followed: %q", loc)
	}
	rec = b.post("/candidates/"+itoa64(dam.ID)+"/accept", nil)
	wantStatus(t, rec, http.StatusSeeOther)
	if body := b.get(page).Body.String(); !strings.Contains(body, "already dismissed") {
		t.Errorf("a decided candidate should say so")
	}

	// The desk-wide inbox and the fragment the script swaps in.
	blog.Add(pagetestEntry("e3", "11:15", "Bridge closed", "The transport ministry said the Elbe bridge was closed."))
	if _, err := a.store.CheckFollow(context.Background(), st.ID, fetch, "test", true); err != nil {
		t.Fatal(err)
	}
	if body := b.get("/inbox").Body.String(); !strings.Contains(body, "Elbe bridge") || !strings.Contains(body, "Floods live") {
		t.Errorf("the desk's inbox should list the new candidate with its story")
	}
	frag := b.get("/inbox/fragment?story=" + itoa64(st.ID))
	wantStatus(t, frag, http.StatusOK)
	if fb := frag.Body.String(); !strings.HasPrefix(fb, `<section id="inbox"`) || !strings.Contains(fb, "Elbe bridge") || strings.Contains(fb, "<html") {
		t.Errorf("fragment: %.300s", fb)
	}
	// Bulk: dismiss everything left.
	left, _ := a.store.Candidates(context.Background(), models.CandidateFilter{StoryID: st.ID})
	form := url.Values{"action": {"dismiss"}, "reason": {"checked elsewhere"}, "story": {itoa64(st.ID)}}
	for _, c := range left {
		form.Add("ids", itoa64(c.ID))
	}
	wantStatus(t, b.post("/candidates/bulk", form), http.StatusSeeOther)
	if n, _ := a.store.PendingCandidateCount(context.Background(), st.ID); n != 0 {
		t.Errorf("%d still pending after the bulk dismissal", n)
	}

	// A viewer sees the inbox but no forms to decide or follow.
	v := a.browser().signIn("vic@desk.test")
	body = v.get(page).Body.String()
	if strings.Contains(body, `action="`+page+`/follow"`) || strings.Contains(body, "Accept as edited") {
		t.Error("a viewer must not get the forms")
	}
	wantStatus(t, v.post(page+"/follow", url.Values{"url": {blog.Page()}}), http.StatusForbidden)
	if rec := v.post(page+"/unfollow", nil); rec.Code != http.StatusForbidden {
		t.Errorf("viewer unfollow: %d", rec.Code)
	}
	wantStatus(t, b.post(page+"/unfollow", nil), http.StatusSeeOther)
	if body := b.get(page).Body.String(); !strings.Contains(body, "Stopped") {
		t.Error("the story page should say the follow stopped")
	}
}

func TestWebImportToInbox(t *testing.T) {
	blog := quakeBlog(t)
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	title := "Quake live"
	st, err := a.store.CreateStory(context.Background(), fc, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	b := a.browser().signIn("fay@desk.test")
	rec := b.upload("/import/preview", map[string]string{"story_id": itoa64(st.ID)}, "quake.txt", []byte(blog))
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `name="to_inbox" value="1"`) {
		t.Fatal("the preview offers no way to send to the inbox")
	}
	f := commitForm(t, rec.Body.String())
	f.Set("story_id", itoa64(st.ID))
	skip := rowOf(t, f, "the national seismological institute")
	f.Del("candidates[" + skip + "].selected")
	f.Set("to_inbox", "1")
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != "/stories/"+itoa64(st.ID)+"#inbox" {
		t.Fatalf("redirect to %q", loc)
	}
	cands, err := a.store.Candidates(context.Background(), models.CandidateFilter{StoryID: st.ID})
	if err != nil || len(cands) == 0 {
		t.Fatalf("%+v %v", cands, err)
	}
	for _, c := range cands {
		if c.Claimant == "the national seismological institute" || c.Origin != models.OriginImport {
			t.Errorf("candidate %+v", c)
		}
	}
	if claims := storyClaims(t, a, st.ID); len(claims) != 0 {
		t.Errorf("sending to the inbox stored %d claims", len(claims))
	}
	if body := b.get("/stories/" + itoa64(st.ID)).Body.String(); !strings.Contains(body, "sent to the inbox") {
		t.Error("no message after sending to the inbox")
	}
}
