package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"claimdesk/models/dbtest"
)

// csrfInput finds the CSRF token of a page's forms.
var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// Two Claimdesk processes on one database (PostgreSQL in a newsroom network;
// the same works on one SQLite file) behave as one desk: a session started on
// one is honoured by the other, a change made through one is seen by the
// other, a version conflict between them is caught, and signing out on one
// ends the session on both.
func TestTwoServersShareUsersAndSessions(t *testing.T) {
	db := dbtest.DB(t)
	runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", "Eve Editor", "--email", "eve@desk.test", "--role", "editor")
	a, b := startServer(t, db), startServer(t, db)
	jar, _ := cookiejar.New(nil) // cookies belong to the host, not the port: like two servers behind one name
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	page := func(base, path string) (int, string) {
		t.Helper()
		resp, err := c.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	csrfOf := func(html string) string {
		t.Helper()
		m := csrfInput.FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("no CSRF field in page:\n%s", html)
		}
		return m[1]
	}

	// Wrong passwords typed on A count on B too: the limit is shared.
	signin := func(base, email, password string) int {
		t.Helper()
		_, form := page(base, "/signin")
		resp, err := c.PostForm(base+"/signin", url.Values{"email": {email}, "password": {password}, "csrf": {csrfOf(form)}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := 0; i < 5; i++ {
		if code := signin(a.base, "ivy@desk.test", "guess"+fmt.Sprint(i)); code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d on A: %d", i, code)
		}
	}
	if code := signin(b.base, "ivy@desk.test", "guess5"); code != http.StatusTooManyRequests {
		t.Fatalf("sixth attempt, on B: %d, want 429", code)
	}

	// Sign in on A.
	if code := signin(a.base, "eve@desk.test", "correct horse battery staple"); code != http.StatusSeeOther {
		t.Fatalf("sign in on A: %d", code)
	}

	// The session works on B, for pages and for the API with its CSRF token.
	code, desk := page(b.base, "/")
	if code != http.StatusOK || !strings.Contains(desk, "Eve Editor") {
		t.Fatalf("desk on B with A's session: %d", code)
	}
	csrf := csrfOf(desk)
	api := func(base, method, path string, body any) (int, map[string]any) {
		t.Helper()
		buf, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, base+"/api/v1"+path, bytes.NewReader(buf))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", csrf)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	code, story := api(b.base, "POST", "/stories", map[string]any{"title": "Flood live"})
	if code != http.StatusCreated {
		t.Fatalf("story through B: %d %v", code, story)
	}
	code, claim := api(a.base, "POST", "/claims", map[string]any{"story_id": story["id"], "claimant": "Mayor Jonas Brandt", "text": "The dam will hold."})
	if code != http.StatusCreated {
		t.Fatalf("claim through A: %d %v", code, claim)
	}
	if code, got := api(b.base, "GET", fmt.Sprintf("/claims/%v", claim["id"]), nil); code != 200 || got["text"] != "The dam will hold." {
		t.Fatalf("claim made on A, read on B: %d %v", code, got)
	}

	// The same version sent to both at once: one change wins, the other is a
	// conflict, never two silent overwrites.
	codes := make([]int, 2)
	var wg sync.WaitGroup
	for i, base := range []string{a.base, b.base} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _ = api(base, "POST", fmt.Sprintf("/claims/%v/verdict", claim["id"]),
				map[string]any{"verdict": "in_review", "rationale": fmt.Sprintf("from server %d", i), "version": claim["version"]})
		}()
	}
	wg.Wait()
	if !(codes[0] == 200 && codes[1] == 409 || codes[0] == 409 && codes[1] == 200) {
		t.Fatalf("the same version changed on both servers: %v, want one 200 and one 409", codes)
	}
	if _, act := api(a.base, "GET", fmt.Sprintf("/claims/%v/activity", claim["id"]), nil); len(act["activity"].([]any)) != 2 {
		t.Fatalf("activity after the race: %v", act)
	}

	// Signing out on B ends the session on A too, even for a copy of the
	// cookie kept from before.
	aURL, _ := url.Parse(a.base)
	saved := jar.Cookies(aURL)
	resp, err := c.PostForm(b.base+"/signout", url.Values{"csrf": {csrf}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign out on B: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", a.base+"/", nil)
	for _, ck := range saved {
		req.AddCookie(ck)
	}
	stale := &http.Client{Timeout: 10 * time.Second, CheckRedirect: c.CheckRedirect}
	resp, err = stale.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Fatalf("A after signing out on B: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}
