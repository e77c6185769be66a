package handlers

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"claimdesk/models"
)

// Signing in as someone else in the same browser ends the previous
// session on the server: its cookie, replayed, no longer works.
func TestSignInAsAnotherUserEndsThePreviousSession(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	a.user("sam", models.RoleViewer)
	b := a.browser().signIn("fay@desk.test")
	faySession := *b.cookies[sessionCookie]
	b.get("/signin")
	rec := b.post("/signin", url.Values{"email": {"sam@desk.test"}, "password": {webPassword}})
	wantStatus(t, rec, http.StatusSeeOther)
	if rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("sign-in answer with a new session cookie: Cache-Control %q", rec.Header().Get("Cache-Control"))
	}
	if b.cookies[sessionCookie].Value == faySession.Value {
		t.Fatal("the session cookie did not change")
	}
	replay := a.browser()
	replay.cookies[sessionCookie] = &faySession
	rec = replay.get("/")
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("the previous user's session still works: %d", rec.Code)
	}
	wantStatus(t, b.get("/"), http.StatusOK)
}

// A session ends after the idle timeout without a request, and lasts while
// it is used, up to its absolute lifetime.
func TestSessionIdleTimeoutAndAbsoluteLifetime(t *testing.T) {
	clock := &testClock{t: testNow}
	a := newWebAppWithStore(t, clock, models.Config{SessionIdle: 30 * time.Minute})
	a.user("fay", models.RoleFactchecker)
	idle := a.browser().signIn("fay@desk.test")
	busy := a.browser().signIn("fay@desk.test")
	// busy makes a request every 20 minutes; idle does nothing.
	for range 3 {
		clock.add(20 * time.Minute)
		wantStatus(t, busy.get("/"), http.StatusOK)
	}
	if rec := idle.get("/"); rec.Code != http.StatusSeeOther {
		t.Fatalf("a session idle for an hour still works: %d", rec.Code)
	}
	// Used every 20 minutes, it still ends at the absolute lifetime.
	for clock.now().Before(testNow.Add(models.DefaultSessionTTL - 20*time.Minute)) {
		clock.add(20 * time.Minute)
		wantStatus(t, busy.get("/"), http.StatusOK)
	}
	clock.add(20 * time.Minute)
	if rec := busy.get("/"); rec.Code != http.StatusSeeOther {
		t.Fatalf("a session in use outlives the absolute lifetime: %d", rec.Code)
	}
}
