package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
	guarded, err := webhookClient(env(""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := guarded.Post(srv.URL, "application/json", nil); err == nil || !strings.Contains(err.Error(), "non-public") {
		t.Fatalf("loopback receiver without permission: %v", err)
	}
	open, err := webhookClient(env("on"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := open.Post(srv.URL, "application/json", nil)
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("allowed: %v", err)
	}
	resp.Body.Close()
	if _, err := open.Post(srv.URL+"/moved", "application/json", nil); err == nil || !strings.Contains(err.Error(), "redirect") {
		t.Fatalf("redirect followed: %v", err)
	}
	if _, err := webhookClient(env("yes")); err == nil {
		t.Fatal("a malformed switch was accepted")
	}
}
