package handlers

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// A body dripped a byte at a time is cut off soon after the grace period,
// not after the server's two-minute read timeout; a body that keeps coming
// is read whole.
func TestSlowRequestBodyIsCutOff(t *testing.T) {
	path, dbURL := dbtest.Target(t)
	st, e := newTestRouterWith(t, models.Config{Path: path, DatabaseURL: dbURL, Now: func() time.Time { return testNow }},
		Config{BodyGrace: time.Second, BodyMinRate: 4 << 10})
	u, err := st.CreateUser(t.Context(), models.NewUser{Name: "Fay", Email: "fay@desk.test", Role: models.RoleFactchecker, Password: webPassword})
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := st.CreateToken(t.Context(), u.Email, "t")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(e)
	srv.Config.ReadTimeout = 2 * time.Minute
	srv.Start()
	defer srv.Close()

	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/stories HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"title\":\"", tok)
	started := time.Now()
	cut := make(chan time.Duration, 1)
	go func() {
		// The answer (or the closed connection) tells when the server gave up.
		br := bufio.NewReader(conn)
		line, _ := br.ReadString('\n')
		t.Logf("server answered %q", strings.TrimSpace(line))
		cut <- time.Since(started)
	}()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case d := <-cut:
			if d > 30*time.Second {
				t.Fatalf("a dripping body was cut off only after %s", d)
			}
			goto fast
		case <-tick.C:
			if _, err := conn.Write([]byte("x")); err != nil {
				d := <-cut
				if d > 30*time.Second {
					t.Fatalf("a dripping body was cut off only after %s", d)
				}
				goto fast
			}
			if time.Since(started) > time.Minute {
				t.Fatal("a body dripped for a minute is still being read")
			}
		}
	}
fast:
	body := `{"title":"` + strings.Repeat("a", 400) + `"}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/stories", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("a body sent at once: %d", res.StatusCode)
	}
}

// Over HTTPS every answer carries Strict-Transport-Security; over plain
// HTTP none does (it would mean nothing there).
func TestHSTSOnlyOverHTTPS(t *testing.T) {
	_, e := newTestRouter(t)
	for _, tc := range []struct {
		tls  bool
		want string
	}{{true, hstsMaxAge}, {false, ""}} {
		for _, p := range []string{"/signin", "/healthz", "/api/v1/me"} {
			req := httptest.NewRequest("GET", p, nil)
			if tc.tls {
				req.TLS = &tls.ConnectionState{}
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if got := rec.Header().Get("Strict-Transport-Security"); got != tc.want {
				t.Errorf("%s (TLS %v): HSTS %q, want %q", p, tc.tls, got, tc.want)
			}
		}
	}
}
