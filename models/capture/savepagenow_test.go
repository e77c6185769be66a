package capture

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"claimdesk/models/outbound"
)

// fakeSPN imitates the SPN2 API: a save starts a job that succeeds (or
// fails, for pages under /blocked) after two status polls.
func fakeSPN(t *testing.T) (*httptest.Server, *[]string) {
	var mu sync.Mutex
	var seen []string
	polls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, r.Method+" "+r.URL.Path)
		if r.Header.Get("Authorization") != "LOW key:secret" || r.Header.Get("Accept") != "application/json" {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"message":"You need to be logged in to use Save Page Now."}`))
			return
		}
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/save":
			page := r.FormValue("url")
			if page == "" {
				w.Write([]byte(`{"message":"missing url"}`))
				return
			}
			w.Write([]byte(`{"url":"` + page + `","job_id":"spn2-` + strings.ReplaceAll(page, "/", "_") + `"}`))
		case strings.HasPrefix(r.URL.Path, "/save/status/"):
			job := strings.TrimPrefix(r.URL.Path, "/save/status/")
			polls[job]++
			page := strings.ReplaceAll(strings.TrimPrefix(job, "spn2-"), "_", "/")
			switch {
			case polls[job] < 2:
				w.Write([]byte(`{"status":"pending","job_id":"` + job + `"}`))
			case strings.Contains(page, "blocked"):
				w.Write([]byte(`{"status":"error","status_ext":"error:blocked-url","message":"This URL is excluded."}`))
			default:
				w.Write([]byte(`{"status":"success","timestamp":"20261203091500","original_url":"` + page + `"}`))
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

func TestSavePageNowAgainstAFake(t *testing.T) {
	srv, seen := fakeSPN(t)
	spn := &SavePageNow{Endpoint: srv.URL, AccessKey: "key", Secret: "secret",
		Client: outbound.New(outbound.Config{AllowPrivate: true}), PollEvery: 5 * time.Millisecond}
	got, err := spn.Save(context.Background(), "https://news.example/live")
	if err != nil || got != srv.URL+"/web/20261203091500/https://news.example/live" {
		t.Fatalf("archive URL %q %v", got, err)
	}
	if len(*seen) != 3 || (*seen)[0] != "POST /save" {
		t.Errorf("requests %v", *seen)
	}
	_, err = spn.Save(context.Background(), "https://news.example/blocked")
	if err == nil || !strings.Contains(err.Error(), "excluded") {
		t.Errorf("a refused page: %v", err)
	}
	spn.Secret = "wrong"
	_, err = spn.Save(context.Background(), "https://news.example/live")
	if err == nil || !strings.Contains(err.Error(), "logged in") {
		t.Errorf("bad keys: %v", err)
	}
	slow := &SavePageNow{Endpoint: srv.URL, AccessKey: "key", Secret: "secret", Client: outbound.New(outbound.Config{AllowPrivate: true}),
		PollEvery: 50 * time.Millisecond, MaxWait: 60 * time.Millisecond}
	if _, err := slow.Save(context.Background(), "https://news.example/slow"); err == nil || !strings.Contains(err.Error(), "did not finish") {
		t.Errorf("a job that takes too long: %v", err)
	}
}
