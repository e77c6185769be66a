package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// passwordForm is the account page's form with the three passwords.
func passwordForm(current, next, confirm string) url.Values {
	return url.Values{"current_password": {current}, "new_password": {next}, "confirm_password": {confirm}}
}

// auditActions lists the actions of the audit log, newest first.
func auditActions(t *testing.T, a *webApp) []string {
	t.Helper()
	evs, _, err := a.store.AuditLog(context.Background(), 500, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.Action
	}
	return out
}

func countAction(actions []string, want string) int {
	n := 0
	for _, a := range actions {
		if a == want {
			n++
		}
	}
	return n
}

// A user changes their own password: this browser stays signed in, every
// other browser of theirs is signed out, only the new password works from
// then on, and the audit log has the change.
func TestAccountPasswordChange(t *testing.T) {
	a := newWebApp(t)
	u := a.user("viewer", models.RoleViewer)
	a.user("other", models.RoleViewer)
	here := a.browser().signIn(u.Email)
	elsewhere := a.browser().signIn(u.Email)
	colleague := a.browser().signIn("other@desk.test")

	page := here.get("/")
	if !strings.Contains(page.Body.String(), `href="/account"`) {
		t.Fatal("the page header has no link to the account page")
	}
	rec := here.get("/account")
	wantStatus(t, rec, http.StatusOK)
	for _, want := range []string{u.Email, "Change your password", `name="current_password"`, `autocomplete="new-password"`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("account page lacks %q", want)
		}
	}

	const next = "a brand new passphrase"
	rec = here.post("/account/password", passwordForm(webPassword, next, next))
	wantStatus(t, rec, http.StatusSeeOther)
	if rec.Header().Get("Location") != "/account" {
		t.Fatalf("redirect to %q", rec.Header().Get("Location"))
	}
	if body := here.get("/account").Body.String(); !strings.Contains(body, "Password changed.") || !strings.Contains(body, "1 other session(s) were signed out") {
		t.Fatal("no confirmation after the change")
	}
	wantStatus(t, here.get("/"), http.StatusOK)
	if rec := elsewhere.get("/"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/signin") {
		t.Fatalf("the other session still works: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	wantStatus(t, colleague.get("/"), http.StatusOK)

	ctx := context.Background()
	if _, err := a.store.Authenticate(ctx, u.Email, webPassword); err != models.ErrBadCredentials {
		t.Fatalf("the old password still works: %v", err)
	}
	if _, err := a.store.Authenticate(ctx, u.Email, next); err != nil {
		t.Fatalf("the new password does not work: %v", err)
	}
	evs, _, err := a.store.AuditLog(ctx, 1, 0)
	if err != nil || len(evs) != 1 || evs[0].Action != models.AuditPasswordChanged || evs[0].UserID == nil || *evs[0].UserID != u.ID {
		t.Fatalf("audit log: %v %+v", err, evs)
	}
}

// A change that breaks a rule brings the form back with the message under
// the right field, shows none of the passwords typed, and changes nothing:
// the old password still works and no session ends. A wrong current
// password is recorded as a failed change, not as a failed sign-in.
func TestAccountPasswordRefused(t *testing.T) {
	a := newWebApp(t)
	u := a.user("checker", models.RoleFactchecker)
	here := a.browser().signIn(u.Email)
	elsewhere := a.browser().signIn(u.Email)
	const good = "another long password"
	cases := []struct {
		name  string
		form  url.Values
		field string
		msg   string
	}{
		{"wrong current password", passwordForm("not my password at all", good, good), "current_password", "is not your current password"},
		{"empty current password", passwordForm("", good, good), "current_password", "is not your current password"},
		{"new password too short", passwordForm(webPassword, "tiny-pw", "tiny-pw"), "new_password", "must be at least 10 characters"},
		{"new password too long", passwordForm(webPassword, strings.Repeat("é", 40), strings.Repeat("é", 40)), "new_password", "must be at most 72 bytes"},
		{"confirmation differs", passwordForm(webPassword, good, good+"!"), "confirm_password", "does not match the new password"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			here.get("/account")
			rec := here.post("/account/password", tc.form)
			wantStatus(t, rec, http.StatusUnprocessableEntity)
			body := rec.Body.String()
			if !strings.Contains(body, tc.msg) {
				t.Errorf("no message %q", tc.msg)
			}
			for _, field := range []string{"current_password", "new_password", "confirm_password"} {
				if typed := tc.form.Get(field); typed != "" && strings.Contains(body, typed) {
					t.Errorf("the typed %s comes back in the page", field)
				}
			}
			if _, err := a.store.Authenticate(context.Background(), u.Email, webPassword); err != nil {
				t.Fatalf("the password changed: %v", err)
			}
			wantStatus(t, elsewhere.get("/"), http.StatusOK)
		})
	}
	actions := auditActions(t, a)
	if n := countAction(actions, models.AuditPasswordChangeFailed); n != 2 {
		t.Errorf("%d failed-change audit rows, want 2 (the wrong current passwords only)", n)
	}
	if n := countAction(actions, models.AuditPasswordChanged); n != 0 {
		t.Errorf("%d password-changed audit rows after refused changes", n)
	}
	// Wrong current passwords do not count towards the sign-in limit.
	for range models.SignInAddressFailures {
		here.post("/account/password", passwordForm("still not my password", good, good))
	}
	a.browser().signIn(u.Email)
}

// Without the form's CSRF token nothing changes; anonymous browsers are sent
// to sign in or refused.
func TestAccountPasswordNeedsSessionAndToken(t *testing.T) {
	a := newWebApp(t)
	u := a.user("editor", models.RoleEditor)
	b := a.browser().signIn(u.Email)
	const next = "a brand new passphrase"
	form := passwordForm(webPassword, next, next)
	form.Set("csrf", "")
	wantStatus(t, b.post("/account/password", form), http.StatusForbidden)
	form.Set("csrf", "forged-token-of-the-right-length-000000000")
	wantStatus(t, b.post("/account/password", form), http.StatusForbidden)
	if _, err := a.store.Authenticate(context.Background(), u.Email, webPassword); err != nil {
		t.Fatalf("the password changed without a valid token: %v", err)
	}
	if n := countAction(auditActions(t, a), models.AuditPasswordChanged); n != 0 {
		t.Fatalf("%d password changes recorded", n)
	}

	anon := a.browser()
	if rec := anon.get("/account"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/signin") {
		t.Fatalf("anonymous account page: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	wantStatus(t, anon.post("/account/password", passwordForm(webPassword, next, next)), http.StatusForbidden)
}

// A name with markup in it is shown as text on the account page.
func TestAccountPageEscapesName(t *testing.T) {
	a := newWebApp(t)
	_, err := a.store.CreateUser(context.Background(), models.NewUser{Name: `<script>alert("name")</script>`,
		Email: "hostile@desk.test", Role: models.RoleViewer, Password: webPassword})
	if err != nil {
		t.Fatal(err)
	}
	body := a.browser().signIn("hostile@desk.test").get("/account").Body.String()
	if strings.Contains(body, `<script>alert`) || !strings.Contains(body, "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;") {
		t.Fatal("the name is not escaped on the account page")
	}
}
