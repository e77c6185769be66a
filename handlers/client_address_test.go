package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// testClock is a clock a test can move forward.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// newWebAppWith is newWebApp with a movable clock and the given settings.
func newWebAppWith(t *testing.T, clock *testClock, cfg Config) *webApp {
	t.Helper()
	return newWebAppOn(t, clock, models.Config{}, cfg)
}

// newWebAppWithStore is newWebApp with a movable clock and store settings.
func newWebAppWithStore(t *testing.T, clock *testClock, scfg models.Config) *webApp {
	t.Helper()
	return newWebAppOn(t, clock, scfg, Config{})
}

func newWebAppOn(t *testing.T, clock *testClock, scfg models.Config, cfg Config) *webApp {
	t.Helper()
	path, dbURL := dbtest.Target(t)
	scfg.Path, scfg.DatabaseURL, scfg.Now = path, dbURL, clock.now
	st, e := newTestRouterWith(t, scfg, cfg)
	return &webApp{t: t, store: st, e: e, now: clock.now(), dbPath: path, dbURL: dbURL}
}

// auditRemotes lists the address of every audit row with that action, oldest first.
func (a *webApp) auditRemotes(action string) []string {
	a.t.Helper()
	evs, _, err := a.store.AuditLog(context.Background(), 500, 0)
	if err != nil {
		a.t.Fatal(err)
	}
	var out []string
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Action == action {
			out = append(out, evs[i].Remote)
		}
	}
	return out
}

func TestSignInForwardedHeadersFromAnyoneAreIgnored(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	attacker := a.browser()
	attacker.ip = "203.0.113.5"
	attacker.get("/signin")
	// Rotating the forwarding headers does not buy more guesses.
	for i := range models.SignInAddressFailures {
		spoof := http.Header{"X-Forwarded-For": {"198.51.100." + itoa64(int64(i+1))}, "X-Real-Ip": {"198.51.100." + itoa64(int64(i+100))}}
		rec := attacker.do(http.MethodPost, "/signin", url.Values{"email": {"fay@desk.test"}, "password": {"guess number " + itoa64(int64(i))}, "csrf": {attacker.csrf}}, spoof)
		wantStatus(t, rec, http.StatusUnauthorized)
	}
	rec := attacker.do(http.MethodPost, "/signin", url.Values{"email": {"fay@desk.test"}, "password": {"one more guess"}, "csrf": {attacker.csrf}},
		http.Header{"X-Forwarded-For": {"198.51.100.200"}})
	wantStatus(t, rec, http.StatusTooManyRequests)
	for _, r := range a.auditRemotes(models.AuditSignInFailed) {
		if r != "203.0.113.5" {
			t.Errorf("an audit row says the attempt came from %q; it came from 203.0.113.5", r)
		}
	}
	// Failures sent "from" the victim's address did not lock the victim out.
	victim := a.browser()
	victim.ip = "198.51.100.1"
	victim.signIn("fay@desk.test")
	if got := a.auditRemotes(models.AuditSignIn); len(got) != 1 || got[0] != "198.51.100.1" {
		t.Fatalf("sign-in audit rows %v", got)
	}
}

func TestTrustedProxyNamesTheClient(t *testing.T) {
	proxies, err := ParseTrustedProxies(" 10.0.0.0/8, 2001:db8::1 ")
	if err != nil || len(proxies) != 2 {
		t.Fatalf("parse: %v %v", proxies, err)
	}
	for _, bad := range []string{"10.0.0.0/33", "proxy.example", "10.0.0.1/8/2"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
	a := newWebAppWith(t, &testClock{t: testNow}, Config{TrustedProxies: proxies})
	a.user("fay", models.RoleFactchecker)
	for _, tc := range []struct {
		conn   string
		header http.Header
		want   string
	}{
		{"10.1.2.3", http.Header{"X-Forwarded-For": {"198.51.100.9"}}, "198.51.100.9"},
		// The nearest address the proxy did not add itself is the client.
		{"10.1.2.3", http.Header{"X-Forwarded-For": {"203.0.113.77, 198.51.100.10"}}, "198.51.100.10"},
		{"10.1.2.3", http.Header{"X-Real-Ip": {"198.51.100.11"}}, "198.51.100.11"},
		{"10.1.2.3", nil, "10.1.2.3"},
		// Not a listed proxy: loopback and private addresses are no exception.
		{"203.0.113.5", http.Header{"X-Forwarded-For": {"198.51.100.12"}}, "203.0.113.5"},
		{"127.0.0.1", http.Header{"X-Forwarded-For": {"198.51.100.13"}}, "127.0.0.1"},
		{"192.168.1.20", http.Header{"X-Real-Ip": {"198.51.100.14"}}, "192.168.1.20"},
	} {
		b := a.browser()
		b.ip = tc.conn
		b.get("/signin")
		rec := b.do(http.MethodPost, "/signin", url.Values{"email": {"fay@desk.test"}, "password": {"wrong password!"}, "csrf": {b.csrf}}, tc.header)
		wantStatus(t, rec, http.StatusUnauthorized)
		got := a.auditRemotes(models.AuditSignInFailed)
		if last := got[len(got)-1]; last != tc.want {
			t.Errorf("from %s with %v: recorded %q, want %q", tc.conn, tc.header, last, tc.want)
		}
	}
	// Only a trusted proxy can say the browser used HTTPS (Secure cookies).
	for _, tc := range []struct {
		conn   string
		secure bool
	}{{"10.1.2.3", true}, {"203.0.113.5", false}} {
		b := a.browser()
		b.ip = tc.conn
		rec := b.do(http.MethodGet, "/signin", nil, http.Header{"X-Forwarded-Proto": {"https"}})
		ck := rec.Result().Cookies()
		if len(ck) == 0 || ck[0].Secure != tc.secure {
			t.Errorf("from %s: cookies %v, want Secure=%v", tc.conn, ck, tc.secure)
		}
	}
}

func TestSignInAccountLimitStopsManyAddressesButNotTheUser(t *testing.T) {
	clock := &testClock{t: testNow}
	a := newWebAppWith(t, clock, Config{})
	a.user("fay", models.RoleFactchecker)
	usual := a.browser()
	usual.ip = "192.0.2.50"
	usual.signIn("fay@desk.test")

	clock.add(time.Minute)
	// A botnet: each address stays well under the per-address limit.
	for i := range models.SignInAccountFailures {
		bot := a.browser()
		bot.ip = "203.0.113." + itoa64(int64(i+1))
		bot.get("/signin")
		wantStatus(t, bot.post("/signin", url.Values{"email": {"fay@desk.test"}, "password": {"guess " + itoa64(int64(i))}}), http.StatusUnauthorized)
	}
	// The next guess, even the right password, is not checked from a new address.
	bot := a.browser()
	bot.ip = "203.0.113.200"
	bot.get("/signin")
	rec := bot.post("/signin", url.Values{"email": {"fay@desk.test"}, "password": {webPassword}})
	wantStatus(t, rec, http.StatusTooManyRequests)
	if !strings.Contains(rec.Body.String(), "computer you have used before") {
		t.Errorf("refusal does not say what to do: %.800s", rec.Body.String())
	}
	// Other accounts are not affected.
	a.user("sam", models.RoleViewer)
	other := a.browser()
	other.ip = "203.0.113.201"
	other.signIn("sam@desk.test")
	// The real user, from an address they have signed in from, still can.
	again := a.browser()
	again.ip = "192.0.2.50"
	again.signIn("fay@desk.test")
	// And from anywhere once the guesses are an hour old.
	clock.add(models.SignInAccountWindow)
	later := a.browser()
	later.ip = "203.0.113.202"
	later.signIn("fay@desk.test")
}
