package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestWebFirstRunSetupThenSignIn(t *testing.T) {
	a := newWebApp(t)
	b := a.browser()
	rec := b.get("/")
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != "/setup" {
		t.Fatalf("empty database: / redirects to %q, want /setup", loc)
	}
	wantStatus(t, b.get("/signin"), http.StatusSeeOther)
	rec = b.get("/setup")
	wantStatus(t, rec, http.StatusOK)

	// Without the form's token nothing is created.
	rec = b.post("/setup", url.Values{"csrf": {"forged"}, "name": {"Ada"}, "email": {"ada@desk.test"}, "password": {webPassword}})
	wantStatus(t, rec, http.StatusForbidden)
	if n, _ := a.store.UserCount(context.Background()); n != 0 {
		t.Fatalf("a forged setup created %d users", n)
	}
	// Invalid input comes back with field messages and what was typed.
	rec = b.post("/setup", url.Values{"name": {"Ada"}, "email": {"not-an-email"}, "password": {"short"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if body := rec.Body.String(); !strings.Contains(body, "valid email") || !strings.Contains(body, `value="Ada"`) {
		t.Fatalf("setup errors not shown: %s", body)
	}
	rec = b.post("/setup", url.Values{"name": {"Ada Admin"}, "email": {"ada@desk.test"}, "password": {webPassword}})
	wantStatus(t, rec, http.StatusSeeOther)
	var sess *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == sessionCookie {
			sess = c
		}
	}
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Secure {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, not Secure over plain HTTP", sess)
	}
	u, err := a.store.UserByEmail(context.Background(), "ada@desk.test")
	if err != nil || u.Role != models.RoleAdmin {
		t.Fatalf("first user: %+v, %v", u, err)
	}
	// The database stores only a hash of the session token.
	var n int64
	if err := a.storeCountSessions(sess.Value, &n); err != nil || n != 0 {
		t.Fatalf("session token stored in clear (%d rows, %v)", n, err)
	}
	wantStatus(t, b.get("/"), http.StatusOK)

	// After setup: anonymous visitors are sent to sign in, and setup is closed.
	anon := a.browser()
	rec = anon.get("/claims/1")
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); !strings.HasPrefix(loc, "/signin?next=") {
		t.Fatalf("anonymous GET redirects to %q", loc)
	}
	rec = anon.get("/setup")
	wantStatus(t, rec, http.StatusSeeOther)
	anon.get("/signin")
	wantStatus(t, anon.post("/setup", url.Values{"name": {"Mallory"}, "email": {"m@desk.test"}, "password": {webPassword}}), http.StatusForbidden)

	// Sign in returns to where the visitor was going.
	rec = anon.post("/signin", url.Values{"email": {"ada@desk.test"}, "password": {webPassword}, "next": {"/stories"}})
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != "/stories" {
		t.Fatalf("after sign-in: %q", loc)
	}
	// Sign out ends the session on the server.
	old := anon.cookies[sessionCookie]
	anon.get("/")
	wantStatus(t, anon.post("/signout", nil), http.StatusSeeOther)
	anon.cookies[sessionCookie] = old
	wantStatus(t, anon.get("/"), http.StatusSeeOther)

	evs, _, err := a.store.AuditLog(context.Background(), 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ev := range evs {
		seen[ev.Action] = true
	}
	for _, want := range []string{models.AuditUserCreated, models.AuditSignIn, models.AuditSignOut} {
		if !seen[want] {
			t.Errorf("audit log lacks %s: %+v", want, evs)
		}
	}
}

// storeCountSessions counts session rows keyed by the clear token itself:
// there must be none, only its hash is stored.
func (a *webApp) storeCountSessions(token string, n *int64) error {
	driver, dsn, q := "sqlite3", "file:"+a.dbPath+"?mode=ro", `SELECT COUNT(*) FROM sessions WHERE token_hash = ? OR csrf = ?`
	if a.dbURL != "" {
		driver, dsn, q = "pgx", a.dbURL, `SELECT COUNT(*) FROM sessions WHERE token_hash = $1 OR csrf = $2`
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.QueryRow(q, token, token).Scan(n)
}

func TestWebSignInRateLimitedAndAudited(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser()
	b.get("/signin")
	for i := 0; i < 5; i++ {
		rec := b.post("/signin", url.Values{"email": {"fay@desk.test"}, "password": {"wrong password!"}})
		wantStatus(t, rec, http.StatusUnauthorized)
		if !strings.Contains(rec.Body.String(), "email or password is wrong") {
			t.Fatalf("failed sign-in message missing")
		}
	}
	rec := b.post("/signin", url.Values{"email": {"fay@desk.test"}, "password": {webPassword}})
	wantStatus(t, rec, http.StatusTooManyRequests)
	// Another address is not locked out by someone else's failures.
	other := a.browser()
	other.ip = "198.51.100.7"
	other.signIn("fay@desk.test")

	if fails := auditCount(t, a.store, models.AuditSignInFailed); fails != 6 {
		t.Fatalf("audit log has %d failed sign-ins, want 6", fails)
	}
}

func TestWebDisabledUserLosesSession(t *testing.T) {
	a := newWebApp(t)
	a.user("admin", models.RoleAdmin)
	fay := a.user("fay", models.RoleFactchecker)
	admin := a.browser().signIn("admin@desk.test")
	fb := a.browser().signIn("fay@desk.test")
	admin.get("/admin/users")
	wantStatus(t, admin.post("/admin/users/"+itoa64(fay.ID), url.Values{"disabled": {"1"}}), http.StatusSeeOther)
	wantStatus(t, fb.get("/"), http.StatusSeeOther)
	// An admin cannot lock themselves out.
	me, _ := a.store.UserByEmail(context.Background(), "admin@desk.test")
	admin.get("/admin/users")
	wantStatus(t, admin.post("/admin/users/"+itoa64(me.ID), url.Values{"role": {"viewer"}}), http.StatusUnprocessableEntity)
}
