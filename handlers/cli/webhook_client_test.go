package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Webhooks go nowhere but public addresses unless the operator allows
// private ones, and never follow a redirect.
func TestWebhookClientGuard(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/", http.StatusFound)
			return
		}
		w.WriteHeader(204)
	}))
	defer srv.Close()
	env := func(allow string) Env {
		return Env{Getenv: func(k string) string {
			if k == "CLAIMDESK_FETCH_ALLOW_PRIVATE" {
				return allow
			}
			return ""
		}}
	}
	post := func(c interface {
		Do(*http.Request) (*http.Response, error)
	}, url string) (*http.Response, error) {
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader("{}"))
		return c.Do(req)
	}
	guarded, err := webhookClient(env(""), 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := post(guarded, srv.URL); err == nil {
		t.Fatal("a loopback receiver was reached without permission")
	}
	open, err := webhookClient(env("on"), 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := post(open, srv.URL)
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("allowed: %v", err)
	}
	resp.Body.Close()
	if resp, err := post(open, srv.URL+"/moved"); err == nil && resp.StatusCode != http.StatusFound {
		t.Fatalf("redirect followed: %d", resp.StatusCode)
	}
	if _, err := webhookClient(env("yes"), time.Second); err == nil {
		t.Fatal("a malformed switch was accepted")
	}
}
