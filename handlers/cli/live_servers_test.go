package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"claimdesk/models/dbtest"
	"claimdesk/models/events"
)

// liveStream is an event stream opened on a running server, read by a
// goroutine onto a channel.
type liveStream struct {
	msgs   chan events.Message
	cancel context.CancelFunc
}

// openLive opens path (an /api/v1/events URL) with the token and, if set,
// Last-Event-ID.
func openLive(t *testing.T, url, token, lastID string) *liveStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		cancel()
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	s := &liveStream{msgs: make(chan events.Message, 1000), cancel: cancel}
	go func() {
		defer close(s.msgs)
		defer resp.Body.Close()
		r := events.NewReader(resp.Body)
		for {
			m, err := r.Next()
			if err != nil {
				return
			}
			if m.Comment == "" {
				s.msgs <- m
			}
		}
	}()
	t.Cleanup(cancel)
	return s
}

// next returns the next message of type typ, skipping others, within 10 s.
func (s *liveStream) next(t *testing.T, typ string) (events.Message, map[string]any) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case m, ok := <-s.msgs:
			if !ok {
				t.Fatalf("the stream ended while waiting for %s", typ)
			}
			if m.Type != typ {
				continue
			}
			var data map[string]any
			if err := json.Unmarshal([]byte(m.Data), &data); err != nil {
				t.Fatalf("%s data: %v", typ, err)
			}
			return m, data
		case <-deadline:
			t.Fatalf("no %s event within 10 s", typ)
		}
	}
}

// ended waits up to 10 s for the stream to end.
func (s *liveStream) ended() bool {
	deadline := time.After(10 * time.Second)
	for {
		select {
		case _, ok := <-s.msgs:
			if !ok {
				return true
			}
		case <-deadline:
			return false
		}
	}
}

// Two real servers on one database (PostgreSQL: LISTEN/NOTIFY; SQLite: the
// table polled for other processes' writes) and the import command as a
// third process: a change made anywhere reaches the streams on every
// server; presence crosses servers on PostgreSQL; a server stopping ends
// its streams at once, and after a restart a client resumes where it was.
func TestTwoServersShareLiveEvents(t *testing.T) {
	db := dbtest.DB(t)
	runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", "Eve Editor", "--email", "eve@desk.test", "--role", "editor")
	runBin(t, "another long passphrase\n", "user", "add", "--db", db, "--name", "Fay Checker", "--email", "fay@desk.test", "--role", "factchecker")
	eve := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "eve@desk.test"))
	fay := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "fay@desk.test"))
	a, b := startServer(t, db), startServer(t, db)
	c := &http.Client{Timeout: 10 * time.Second}

	code, story := call(t, c, eve, "POST", a.base+"/api/v1/stories", map[string]any{"title": "Belgorod live"})
	if code != 201 {
		t.Fatalf("story: %d %v", code, story)
	}
	code, claim := call(t, c, eve, "POST", a.base+"/api/v1/claims", map[string]any{"story_id": story["id"], "claimant": "Vyacheslav Gladkov", "text": "Two women were killed."})
	if code != 201 {
		t.Fatalf("claim: %d %v", code, claim)
	}
	claimURL := fmt.Sprintf("/api/v1/claims/%v", claim["id"])

	onB := openLive(t, b.base+"/api/v1/events", fay, "")
	onB.next(t, "ready")
	code, _ = call(t, c, eve, "POST", a.base+claimURL+"/verdict", map[string]any{"verdict": "in_review", "rationale": "checking", "version": 1})
	if code != 200 {
		t.Fatalf("verdict on A: %d", code)
	}
	m, data := onB.next(t, "claim.verdict")
	if data["claim_id"] != claim["id"] || data["verdict"] != "in_review" || data["actor_name"] != "Eve Editor" {
		t.Fatalf("B heard %s", m.Data)
	}

	// The import command, a third process, adds claims: both servers' streams hear them.
	onA := openLive(t, fmt.Sprintf("%s/api/v1/events?story=%v", a.base, story["id"]), eve, "")
	onA.next(t, "ready")
	blog, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "liveblog-quake.txt"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "blog.txt")
	if err := os.WriteFile(file, blog, 0o600); err != nil {
		t.Fatal(err)
	}
	runBin(t, "", "import", "--db", db, "--as", "fay@desk.test", "--story", "Belgorod live", file)
	_, imported := onA.next(t, "claim.created")
	if imported["story_id"] != story["id"] {
		t.Fatalf("A's story stream heard %v", imported)
	}
	_, onBImported := onB.next(t, "claim.created")
	if onBImported["claim_id"] != imported["claim_id"] {
		t.Fatalf("B heard claim %v first, A %v", onBImported["claim_id"], imported["claim_id"])
	}

	if dbtest.Postgres() {
		pageA := openLive(t, a.base+"/api/v1/events?claim="+fmt.Sprint(claim["id"]), eve, "")
		pageA.next(t, "presence")
		pageB := openLive(t, b.base+"/api/v1/events?claim="+fmt.Sprint(claim["id"]), fay, "")
		for {
			_, p := pageA.next(t, "presence")
			if len(p["viewers"].([]any)) == 2 {
				break
			}
		}
		pageB.cancel()
		for {
			_, p := pageA.next(t, "presence")
			if vs := p["viewers"].([]any); len(vs) == 1 && vs[0].(map[string]any)["name"] == "Eve Editor" {
				break
			}
		}
	}

	// B stops: its streams end at once instead of holding up the shutdown.
	last, _ := onB.next(t, "claim.created")
	stopped := time.Now()
	if err := b.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if !onB.ended() {
		t.Fatal("B's stream outlived the server")
	}
	if err := b.cmd.Wait(); err != nil {
		t.Fatalf("B did not stop cleanly: %v\n%s", err, b.logs.String())
	}
	if d := time.Since(stopped); d > 15*time.Second {
		t.Fatalf("B took %v to stop", d)
	}
	// Missed while B was down, then resumed on a new B.
	code, _ = call(t, c, eve, "POST", a.base+claimURL+"/take", nil)
	if code != 200 {
		t.Fatalf("take on A: %d", code)
	}
	b = startServer(t, db)
	again := openLive(t, b.base+"/api/v1/events", fay, last.ID)
	_, took := again.next(t, "claim.assigned")
	if took["claim_id"] != claim["id"] || took["assignee_name"] != "Eve Editor" {
		t.Fatalf("replayed %v", took)
	}
	again.next(t, "ready")
}
