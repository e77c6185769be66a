package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestAPIWithdrawAndRestore(t *testing.T) {
	f := newAPIFixture(t)
	cl := apiClaim(t, f, "Zoom Image", "Photo desk")
	apiClaim(t, f, "Two women were killed", "Vyacheslav Gladkov")
	call := func(method, path, body string) *httptest.ResponseRecorder {
		if body == "" {
			return f.do("fc", method, path, nil)
		}
		return f.do("fc", method, path, body)
	}

	rec := call(http.MethodPost, "/api/v1/claims/"+itoa64(cl.ID)+"/withdraw", `{"version":`+itoa64(cl.Version)+`}`)
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), `"reason"`) {
		t.Fatalf("withdraw without a reason: %s", rec.Body.String())
	}
	rec = call(http.MethodPost, "/api/v1/claims/"+itoa64(cl.ID)+"/withdraw", `{"reason":"a caption","version":`+itoa64(cl.Version)+`}`)
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"withdrawn_reason":"a caption"`) {
		t.Fatalf("withdrawn claim: %s", rec.Body.String())
	}
	list := call(http.MethodGet, "/api/v1/claims", "").Body.String()
	if strings.Contains(list, "Zoom Image") || !strings.Contains(list, `"total":1`) {
		t.Fatalf("the list still has the withdrawn claim: %s", list)
	}
	if l := call(http.MethodGet, "/api/v1/claims?withdrawn=1", "").Body.String(); !strings.Contains(l, `"total":2`) {
		t.Fatalf("withdrawn=1: %s", l)
	}
	if l := call(http.MethodGet, "/api/v1/claims?withdrawn=only", "").Body.String(); !strings.Contains(l, `"total":1`) || !strings.Contains(l, "Zoom Image") {
		t.Fatalf("withdrawn=only: %s", l)
	}
	if csv := call(http.MethodGet, "/api/v1/export.csv", "").Body.String(); strings.Contains(csv, "Zoom Image") {
		t.Fatal("the export holds the withdrawn claim")
	}
	if csv := call(http.MethodGet, "/api/v1/export.csv?withdrawn=1", "").Body.String(); !strings.Contains(csv, "Zoom Image") {
		t.Fatal("the export with withdrawn=1 lacks the withdrawn claim")
	}
	// A stale version is a conflict; the right one restores.
	rec = call(http.MethodPost, "/api/v1/claims/"+itoa64(cl.ID)+"/restore", `{"version":`+itoa64(cl.Version)+`}`)
	wantStatus(t, rec, http.StatusConflict)
	rec = call(http.MethodPost, "/api/v1/claims/"+itoa64(cl.ID)+"/restore", `{"version":`+itoa64(cl.Version+1)+`}`)
	wantStatus(t, rec, http.StatusOK)
	if l := call(http.MethodGet, "/api/v1/claims", "").Body.String(); !strings.Contains(l, `"total":2`) {
		t.Fatalf("after restore: %s", l)
	}
}

func TestWebWithdrawFromClaimPage(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Zoom Image", "Photo desk")
	b := a.browser().signIn("fay@desk.test")
	page := "/claims/" + itoa64(cl.ID)
	if !strings.Contains(b.get(page).Body.String(), `action="/claims/`+itoa64(cl.ID)+`/withdraw"`) {
		t.Fatal("no withdraw form on the claim page")
	}
	rec := b.post(page+"/withdraw", url.Values{"reason": {""}, "version": {itoa64(cl.Version)}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	wantStatus(t, b.post(page+"/withdraw", url.Values{"reason": {"a photo caption"}, "version": {itoa64(cl.Version)}}), http.StatusSeeOther)
	body := b.get(page).Body.String()
	if !strings.Contains(body, "Not a claim: taken off the desk") || !strings.Contains(body, "a photo caption") {
		t.Fatal("the claim page does not say the claim was withdrawn")
	}
	if desk := b.get("/").Body.String(); strings.Contains(desk, "Zoom Image") {
		t.Fatal("the desk lists the withdrawn claim")
	}
	got, _ := a.store.Claim(context.Background(), cl.ID)
	wantStatus(t, b.post(page+"/restore", url.Values{"version": {itoa64(got.Version)}}), http.StatusSeeOther)
	if desk := b.get("/").Body.String(); !strings.Contains(desk, "Zoom Image") {
		t.Fatal("the restored claim is not on the desk")
	}
}

// apiClaim adds a claim in a story of its own, as the fixture's fact-checker.
func apiClaim(t *testing.T, f *apiFixture, text, claimant string) *models.Claim {
	t.Helper()
	ctx := context.Background()
	title := "Story of " + claimant
	st, err := f.store.CreateStory(ctx, f.users["fc"], models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := f.store.CreateClaim(ctx, f.users["fc"], models.ClaimInput{StoryID: &st.ID, Text: &text, Claimant: &claimant})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}
