package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestAPITokens(t *testing.T) {
	f := newAPIFixture(t)
	fc, viewer := f.users["fc"], f.users["viewer"]
	tokensOf := func(u *models.User) string { return fmt.Sprintf("/api/v1/users/%d/tokens", u.ID) }

	// A new secret: never cached, shown once, with its expiry.
	rec := f.do("admin", "POST", tokensOf(fc), map[string]any{"name": "nightly export", "expires_in_days": 7})
	mustStatus(t, rec, http.StatusCreated)
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q on an answer with a secret", cc)
	}
	created := decode(t, rec)
	secret, _ := created["token"].(string)
	if !strings.HasPrefix(secret, "cd_") || created["expires_at"] != "2026-12-02T12:00:00Z" {
		t.Fatalf("created: %v", created)
	}
	tid := int64(created["id"].(float64))
	for _, bad := range []any{-1, 3651, "soon"} {
		rec := f.do("admin", "POST", tokensOf(fc), map[string]any{"expires_in_days": bad})
		mustStatus(t, rec, http.StatusUnprocessableEntity)
		if !strings.Contains(rec.Body.String(), "expires_in_days") {
			t.Errorf("expires_in_days %v: %s", bad, rec.Body.String())
		}
	}

	// The owner and admins list them, without secrets; nobody else.
	for _, who := range []string{"fc", "admin"} {
		rec := f.do(who, "GET", tokensOf(fc), nil)
		mustStatus(t, rec, http.StatusOK)
		body := rec.Body.String()
		for _, w := range []string{`"name":"nightly export"`, `"created_at"`, `"last_used_at"`, `"expires_at":"2026-12-02T12:00:00Z"`, `"active":true`} {
			if !strings.Contains(body, w) {
				t.Errorf("%s's list lacks %s: %s", who, w, body)
			}
		}
		if strings.Contains(body, secret) || strings.Contains(body, "hash") || strings.Contains(body, f.tokens["fc"]) {
			t.Errorf("the list shows a secret: %s", body)
		}
	}
	mustStatus(t, f.do("viewer", "GET", tokensOf(fc), nil), http.StatusForbidden)
	mustStatus(t, f.do("editor", "GET", tokensOf(fc), nil), http.StatusForbidden)
	mustStatus(t, f.do("admin", "GET", "/api/v1/users/9999/tokens", nil), http.StatusNotFound)

	// The new token works until its owner revokes it; others cannot revoke it.
	f.tokens["script"] = secret
	mustStatus(t, f.do("script", "GET", "/api/v1/me", nil), http.StatusOK)
	mustStatus(t, f.do("viewer", "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tid), nil), http.StatusForbidden)
	mustStatus(t, f.do("editor", "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tid), nil), http.StatusForbidden)
	mustStatus(t, f.do("script", "GET", "/api/v1/me", nil), http.StatusOK)
	rec = f.do("fc", "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tid), nil)
	mustStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"active":false`) || strings.Contains(rec.Body.String(), `"revoked_at":null`) {
		t.Fatalf("revoke answer: %s", rec.Body.String())
	}
	mustStatus(t, f.do("script", "GET", "/api/v1/me", nil), http.StatusUnauthorized)
	mustStatus(t, f.do("fc", "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tid), nil), http.StatusOK)
	mustStatus(t, f.do("fc", "DELETE", "/api/v1/tokens/9999", nil), http.StatusNotFound)

	// An admin revokes anyone's token.
	rec = f.do("admin", "POST", tokensOf(viewer), map[string]any{"name": "viewer script"})
	mustStatus(t, rec, http.StatusCreated)
	vid := int64(decode(t, rec)["id"].(float64))
	mustStatus(t, f.do("admin", "DELETE", fmt.Sprintf("/api/v1/tokens/%d", vid), nil), http.StatusOK)

	// Disabling and enabling a user again does not bring a leaked token back.
	mustStatus(t, f.do("viewer", "GET", "/api/v1/me", nil), http.StatusOK)
	mustStatus(t, f.do("admin", "PATCH", fmt.Sprintf("/api/v1/users/%d", viewer.ID), map[string]any{"disabled": true}), http.StatusOK)
	mustStatus(t, f.do("admin", "PATCH", fmt.Sprintf("/api/v1/users/%d", viewer.ID), map[string]any{"disabled": false}), http.StatusOK)
	mustStatus(t, f.do("viewer", "GET", "/api/v1/me", nil), http.StatusUnauthorized)

	if revoked := auditCount(t, f.store, models.AuditTokenRevoked); revoked != 2 {
		t.Errorf("%d token_revoked audit rows, want 2 (a second revoke of the same token is not one)", revoked)
	}
}

func TestWebTokenPages(t *testing.T) {
	a := newWebApp(t)
	a.user("admin", models.RoleAdmin)
	fay := a.user("fay", models.RoleFactchecker)
	sam := a.user("sam", models.RoleViewer)
	_, samTok, err := a.store.CreateToken(context.Background(), sam.Email, "sam's script")
	if err != nil {
		t.Fatal(err)
	}
	admin := a.browser().signIn("admin@desk.test")
	page := "/admin/users/" + itoa64(fay.ID) + "/tokens"
	rec := admin.get(page)
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), "No API tokens") {
		t.Fatalf("empty tokens page: %.2000s", rec.Body.String())
	}
	rec = admin.post(page, url.Values{"name": {"<b>nightly</b>"}, "expires_in_days": {"abc"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "whole number of days") {
		t.Errorf("bad expiry message missing")
	}
	rec = admin.post(page, url.Values{"name": {"<b>nightly</b>"}, "expires_in_days": {"30"}})
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	if rec.Header().Get("Cache-Control") != "no-store" || !strings.Contains(body, "<code>cd_") {
		t.Fatalf("new token page: %q %.3000s", rec.Header().Get("Cache-Control"), body)
	}
	if !strings.Contains(body, "&lt;b&gt;nightly&lt;/b&gt;") || !strings.Contains(body, "25 Dec 2026 12:00 UTC") {
		t.Errorf("the list does not show the token, escaped, with its expiry: %.3000s", body)
	}
	// Reloading the page does not show the secret again.
	if strings.Contains(admin.get(page).Body.String(), "<code>cd_") {
		t.Error("the secret is shown again")
	}

	// The owner sees and revokes it on their account page.
	fb := a.browser().signIn("fay@desk.test")
	rec = fb.get("/account")
	wantStatus(t, rec, http.StatusOK)
	ts, _ := a.store.Tokens(context.Background(), fay.ID)
	if len(ts) != 1 || !strings.Contains(rec.Body.String(), "&lt;b&gt;nightly&lt;/b&gt;") || !strings.Contains(rec.Body.String(), "/account/tokens/"+itoa64(ts[0].ID)+"/revoke") {
		t.Fatalf("account page tokens: %.3000s", rec.Body.String())
	}
	// Not someone else's.
	wantStatus(t, fb.post("/account/tokens/"+itoa64(samTok.ID)+"/revoke", nil), http.StatusForbidden)
	rec = fb.post("/account/tokens/"+itoa64(ts[0].ID)+"/revoke", nil)
	wantStatus(t, rec, http.StatusSeeOther)
	if !strings.Contains(fb.get("/account").Body.String(), "revoked") {
		t.Error("the account page does not show the token revoked")
	}
	// An admin revokes anyone's from their tokens page.
	admin.get("/admin/users/" + itoa64(sam.ID) + "/tokens")
	wantStatus(t, admin.post("/admin/tokens/"+itoa64(samTok.ID)+"/revoke", nil), http.StatusSeeOther)
	for _, id := range []int64{sam.ID, fay.ID} {
		ts, _ := a.store.Tokens(context.Background(), id)
		if len(ts) != 1 || ts[0].RevokedAt == nil {
			t.Errorf("user %d tokens %+v", id, ts)
		}
	}
}

// auditCount counts the audit rows of one action.
func auditCount(t *testing.T, st *models.Store, action string) int {
	t.Helper()
	evs, _, err := st.AuditLog(context.Background(), 500, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range evs {
		if ev.Action == action {
			n++
		}
	}
	return n
}
