package cli

import (
	"bytes"
	"claimdesk/models"
	"claimdesk/models/dbtest"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// binary is the claimdesk command built once for the tests that run it as a
// real child process.
type binary struct {
	once sync.Once
	path string
	err  error
}

func (b *binary) get(t *testing.T) string {
	t.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "claimdesk-bin")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, "claimdesk")
		cmd := exec.Command("go", "build", "-o", b.path, "claimdesk")
		cmd.Dir = filepath.Join("..", "..")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// claimdeskBin is shared by the tests of this package; TestMain removes it.
var claimdeskBin = &binary{}

// TestMain runs the tests on copies of one migrated template database (see
// dbtest.Main), then removes the binary.
func TestMain(m *testing.M) {
	code := dbtest.Main(m, func(path, dbURL string) error {
		st, err := models.Open(models.Config{Path: path, DatabaseURL: dbURL})
		if err != nil {
			return err
		}
		return st.Close()
	})
	if claimdeskBin.path != "" {
		os.RemoveAll(filepath.Dir(claimdeskBin.path))
	}
	os.Exit(code)
}

// run runs the binary with stdin and returns stdout, failing the test on a
// non-zero exit.
func runBin(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(claimdeskBin.get(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("claimdesk %v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// server is a claimdesk serve child process.
type server struct {
	cmd  *exec.Cmd
	base string
	logs *lockedBuffer
}

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServer starts claimdesk serve on db, with env (KEY=value) added to
// the process's environment.
func startServer(t *testing.T, db string, env ...string) *server {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(claimdeskBin.get(t), "serve", "--addr", addr, "--db", db)
	if len(env) > 0 {
		cmd.Env = append(os.Environ(), env...)
	}
	logs := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, base: "http://" + addr, logs: logs}
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("server did not answer /healthz: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return s
}

// call sends a JSON request and decodes the JSON answer.
func call(t *testing.T, client *http.Client, token, method, url string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		rd = bytes.NewReader(data)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	var m map[string]any
	json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}

// The end-to-end check: a real server, users and tokens made by the
// commands, and the API used over real HTTP.
func TestServeEndToEnd(t *testing.T) {
	db := dbtest.DB(t)
	runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", "Fay Checker", "--email", "fay@desk.test", "--role", "factchecker")
	runBin(t, "another long passphrase\n", "user", "add", "--db", db, "--name", "Vic Viewer", "--email", "vic@desk.test", "--role", "viewer")
	fc := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "fay@desk.test"))
	viewer := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "vic@desk.test"))
	srv := startServer(t, db)
	c := &http.Client{Timeout: 10 * time.Second}
	api := srv.base + "/api/v1"

	code, story := call(t, c, fc, "POST", api+"/stories", map[string]any{"title": "Belgorod live"})
	if code != 201 {
		t.Fatalf("create story: %d %v", code, story)
	}
	code, src := call(t, c, fc, "POST", api+"/sources", map[string]any{"name": "Vyacheslav Gladkov", "role": "Governor of Belgorod region"})
	if code != 201 {
		t.Fatalf("create source: %d %v", code, src)
	}
	code, claim := call(t, c, fc, "POST", api+"/claims", map[string]any{"story_id": story["id"], "source_id": src["id"], "text": "Two women were killed"})
	if code != 201 {
		t.Fatalf("create claim: %d %v", code, claim)
	}
	id := claim["id"]
	code, list := call(t, c, viewer, "GET", api+"/claims?unconfirmed=1", nil)
	if code != 200 || list["total"].(float64) != 1 {
		t.Fatalf("unconfirmed list: %d %v", code, list)
	}
	if code, m := call(t, c, fc, "POST", api+"/claims", map[string]any{"story_id": story["id"], "source_id": src["id"]}); code != 422 || m["errors"].(map[string]any)["text"] == nil {
		t.Fatalf("claim without text: %d %v", code, m)
	}
	claimURL := fmt.Sprintf("%s/claims/%v", api, id)
	if code, m := call(t, c, fc, "POST", claimURL+"/verdict", map[string]any{"verdict": "verified", "rationale": "seen it", "version": 1}); code != 422 {
		t.Fatalf("verified without evidence: %d %v", code, m)
	}
	if code, _ := call(t, c, viewer, "POST", claimURL+"/verdict", map[string]any{"verdict": "in_review", "rationale": "x", "version": 1}); code != 403 {
		t.Fatalf("viewer verdict change: %d", code)
	}
	if code, m := call(t, c, fc, "POST", claimURL+"/evidence", map[string]any{"stance": "supports", "url": "https://example.org/photo", "kind": "photo"}); code != 201 {
		t.Fatalf("add evidence: %d %v", code, m)
	}
	if code, m := call(t, c, fc, "POST", claimURL+"/verdict", map[string]any{"verdict": "verified", "rationale": "photo geolocated", "version": 1}); code != 200 {
		t.Fatalf("verified with evidence: %d %v", code, m)
	}
	if code, m := call(t, c, fc, "POST", claimURL+"/verdict", map[string]any{"verdict": "disputed", "rationale": "stale tab", "version": 1}); code != 409 || m["current"] == nil {
		t.Fatalf("stale version: %d %v", code, m)
	}
	code, acts := call(t, c, viewer, "GET", claimURL+"/activity", nil)
	found := false
	for _, a := range acts["activity"].([]any) {
		a := a.(map[string]any)
		if a["action"] == "verdict_changed" && a["to"] == "verified" && a["text"] == "photo geolocated" {
			found = true
		}
	}
	if code != 200 || !found {
		t.Fatalf("activity lacks the verdict change: %v", acts)
	}
	for _, hostile := range []string{"<script>alert(1)</script>", "'; DROP TABLE claims; --", "🔥 Ünïcode ✓", strings.Repeat("x", 1<<20)} {
		code, m := call(t, c, fc, "POST", api+"/claims", map[string]any{"story_id": story["id"], "source_id": src["id"], "text": hostile})
		switch code {
		case 201:
			if m["text"] != hostile {
				t.Errorf("%.20q stored as %.20q", hostile, m["text"])
			}
		case 422:
		default:
			t.Errorf("hostile text %.20q: status %d", hostile, code)
		}
	}
	// SIGTERM: a clean shutdown.
	srv.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- srv.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("server exit after SIGINT: %v\n%s", err, srv.logs.String())
		}
	case <-time.After(25 * time.Second):
		t.Fatal("server did not stop after SIGINT")
	}
	if !strings.Contains(srv.logs.String(), "shutting down") {
		t.Errorf("no shutdown message: %s", srv.logs.String())
	}
}

// Killed with SIGKILL in the middle of concurrent writes, the server comes back
// with every write it acknowledged, a complete activity log and an intact file.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	dir := t.TempDir()
	db := dbtest.DB(t)
	runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", "Fay", "--email", "fay@desk.test", "--role", "factchecker")
	token := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "fay@desk.test"))
	srv := startServer(t, db)
	c := &http.Client{Timeout: 10 * time.Second}
	api := srv.base + "/api/v1"
	_, story := call(t, c, token, "POST", api+"/stories", map[string]any{"title": "Crash test"})
	var mu sync.Mutex
	acked := map[float64]int{} // claim id → verdict changes acknowledged
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				code, m := call(t, c, token, "POST", api+"/claims", map[string]any{"story_id": story["id"], "claimant": fmt.Sprintf("Source %d", w), "text": fmt.Sprintf("claim %d/%d", w, i)})
				if code != 201 {
					continue
				}
				id := m["id"].(float64)
				mu.Lock()
				acked[id] = 0
				mu.Unlock()
				version := m["version"].(float64)
				for j, v := range []string{"in_review", "unverified"} {
					code, m := call(t, c, token, "POST", fmt.Sprintf("%s/claims/%v/verdict", api, id), map[string]any{"verdict": v, "rationale": "r", "version": version})
					if code != 200 {
						break
					}
					version = m["version"].(float64)
					mu.Lock()
					acked[id] = j + 1
					mu.Unlock()
				}
			}
		}(w)
	}
	// Kill it mid-flight once enough writes were acknowledged to prove
	// something (a busy machine, or PostgreSQL's slower commits, may take a
	// while to get there).
	time.Sleep(1500 * time.Millisecond)
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 40 {
			break
		}
	}
	if err := srv.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	srv.cmd.Wait()
	cancel()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(acked) < 20 {
		t.Fatalf("only %d claims acknowledged before the kill; the test proves nothing", len(acked))
	}
	srv2 := startServer(t, db)
	for id, changes := range acked {
		code, m := call(t, c, token, "GET", fmt.Sprintf("%s/api/v1/claims/%v", srv2.base, id), nil)
		if code != 200 {
			t.Fatalf("acknowledged claim %v lost after the crash: %d", id, code)
		}
		if int(m["version"].(float64)) < 1+changes {
			t.Errorf("claim %v: version %v, but %d verdict changes were acknowledged", id, m["version"], changes)
		}
		code, a := call(t, c, token, "GET", fmt.Sprintf("%s/api/v1/claims/%v/activity", srv2.base, id), nil)
		if code != 200 || len(a["activity"].([]any)) != int(m["version"].(float64)) {
			t.Errorf("claim %v: %d activity rows for version %v", id, len(a["activity"].([]any)), m["version"])
		}
	}
	srv2.cmd.Process.Kill()
	srv2.cmd.Wait()
	if dbtest.Postgres() {
		t.Logf("%d claims acknowledged before SIGKILL, all present after restart", len(acked))
		return // the file check below is SQLite's
	}
	out := runBin(t, "", "backup", "--db", db, filepath.Join(dir, "after-crash.db"))
	if !strings.Contains(out, "checked") {
		t.Fatalf("integrity check after crash: %s", out)
	}
	t.Logf("%d claims acknowledged before SIGKILL, all present after restart", len(acked))
}

// extract reads a file and prints JSON without touching any database.
func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	blog := filepath.Join(dir, "blog.txt")
	os.WriteFile(blog, []byte("Flood live\n\n4:52 p.m.: Dam holds\n\nThe mayor, Jonas Brandt, said the dam would hold. The claim could not be independently verified.\n"), 0o644)
	var out, errb bytes.Buffer
	code := Run([]string{"extract", blog}, Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""), Getenv: func(string) string { return "" }})
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errb.String())
	}
	var cands []map[string]any
	if err := json.Unmarshal(out.Bytes(), &cands); err != nil || len(cands) != 1 {
		t.Fatalf("extract output: %v %s", err, out.String())
	}
	if cands[0]["claimant"] != "Jonas Brandt" || cands[0]["unverifiable"] != true || cands[0]["time"] != "4:52 p.m." {
		t.Errorf("candidate: %v", cands[0])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("extract wrote files: %v", entries)
	}
	for _, bad := range []string{"", "\x00\x01binary"} {
		out.Reset()
		errb.Reset()
		code := Run([]string{"extract", "-"}, Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(bad), Getenv: func(string) string { return "" }})
		if code == 0 || errb.Len() == 0 {
			t.Errorf("extract of %q: exit %d, stderr %q", bad, code, errb.String())
		}
	}
}
