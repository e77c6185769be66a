package handlers

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// smallDisk is where a full-disk test keeps its database: a real 8 MB tmpfs
// when the test may mount one (root, as on the CI machine), else an ordinary
// folder with the writes failing by injected ENOSPC. fill and free use up
// and give back the space.
type smallDisk struct {
	dir     string
	real    bool
	full    atomic.Bool  // injected mode only
	budget  atomic.Int64 // injected mode: writes that still fit once full
	filler  string
	mounted bool
}

func newSmallDisk(t *testing.T) *smallDisk {
	t.Helper()
	d := &smallDisk{dir: filepath.Join(t.TempDir(), "disk")}
	if err := os.MkdirAll(d.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d.filler = filepath.Join(d.dir, "filler")
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "claimdesk-test", d.dir).CombinedOutput(); err == nil {
			d.real, d.mounted = true, true
			t.Cleanup(func() { exec.Command("umount", "-l", d.dir).Run() })
		} else {
			t.Logf("no tmpfs (%s): injecting ENOSPC instead", strings.TrimSpace(string(out)))
		}
	} else {
		t.Log("not root: injecting ENOSPC instead of mounting a small tmpfs")
	}
	return d
}

// fault is the store's WriteFault: nil on a real small disk.
func (d *smallDisk) fault() func() error {
	if d.real {
		return nil
	}
	return func() error {
		if d.full.Load() && d.budget.Add(-1) < 0 {
			return &os.PathError{Op: "write", Path: d.dir, Err: syscall.ENOSPC}
		}
		return nil
	}
}

// fill uses up the disk but for about leave bytes, so that the writes that
// follow run out of space part of the way through.
func (d *smallDisk) fill(t *testing.T, leave int64) {
	t.Helper()
	if !d.real {
		d.budget.Store(leave / (64 << 10))
		d.full.Store(true)
		return
	}
	f, err := os.Create(d.filler)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64<<10)
	var n int64
	for {
		w, err := f.Write(buf)
		n += int64(w)
		if errors.Is(err, syscall.ENOSPC) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Truncate(max(n-leave, 0)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func (d *smallDisk) free(t *testing.T) {
	t.Helper()
	d.full.Store(false)
	if d.real {
		if err := os.Remove(d.filler); err != nil {
			t.Fatal(err)
		}
	}
}

// storageApp is the whole router on a database on a small disk.
type storageApp struct {
	e     *echo.Echo
	store *models.Store
	path  string
	token string
}

func newStorageApp(t *testing.T, dir string, fault func() error) *storageApp {
	t.Helper()
	path := filepath.Join(dir, "claimdesk.db")
	st, e := newTestRouterWith(t, models.Config{Path: path, Now: func() time.Time { return testNow }, WriteFault: fault}, Config{})
	ctx := context.Background()
	u, err := st.CreateUser(ctx, models.NewUser{Name: "Fay Checker", Email: "fay@desk.test", Role: models.RoleFactchecker, Password: webPassword})
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := st.CreateToken(ctx, u.Email, "test")
	if err != nil {
		t.Fatal(err)
	}
	return &storageApp{e: e, store: st, path: path, token: tok}
}

func (a *storageApp) do(method, path, contentType string, body io.Reader) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, body)
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	r.Header.Set("Accept", "application/json")
	r.Header.Set("Authorization", "Bearer "+a.token)
	rec := httptest.NewRecorder()
	a.e.ServeHTTP(rec, r)
	return rec
}

func (a *storageApp) json(method, path string, v any) *httptest.ResponseRecorder {
	b, _ := json.Marshal(v)
	return a.do(method, path, "application/json", bytes.NewReader(b))
}

// integrity runs PRAGMA integrity_check on the database file from outside
// the store.
func integrity(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		t.Fatal(err)
	}
	return res
}

// The disk fills up while several people write: every write then gets a
// clear 503 "storage full" and nothing else goes wrong; reads keep working;
// once space is freed, writes work again without a restart, and every write
// that was acknowledged is there, in a database that checks out.
func TestFullDiskAnswers503AndRecovers(t *testing.T) {
	disk := newSmallDisk(t)
	a := newStorageApp(t, disk.dir, disk.fault())
	rec := a.json("POST", "/api/v1/stories", map[string]any{"title": "Storage drill"})
	mustStatus(t, rec, http.StatusCreated)
	story := decode(t, rec)["id"]
	disk.fill(t, 1<<20)

	var (
		mu      sync.Mutex
		acked   []float64
		full    int
		other   []string
		stopped atomic.Bool
		wg      sync.WaitGroup
	)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 400 && !stopped.Load(); i++ {
				rec := a.json("POST", "/api/v1/claims", map[string]any{"story_id": story, "claimant": fmt.Sprintf("Source %d", w),
					"text": fmt.Sprintf("claim %d/%d %s", w, i, strings.Repeat("words of the claim ", 100))})
				mu.Lock()
				switch {
				case rec.Code == http.StatusCreated:
					acked = append(acked, decode(t, rec)["id"].(float64))
				case rec.Code == http.StatusServiceUnavailable && strings.Contains(rec.Body.String(), "storage full") && rec.Header().Get("Retry-After") != "":
					full++
					if full >= 40 {
						stopped.Store(true)
					}
				default:
					other = append(other, fmt.Sprintf("%d %s", rec.Code, rec.Body.String()))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(other) > 0 {
		t.Fatalf("%d answers other than 201 or 503 storage full, first: %s", len(other), other[0])
	}
	if full < 40 {
		t.Fatalf("only %d writes were refused as storage full (%d acknowledged)", full, len(acked))
	}
	t.Logf("real disk: %v; %d claims acknowledged before the disk was full, %d refused", disk.real, len(acked), full)

	// An upload that cannot be stored leaves nothing half-written.
	claimPath := fmt.Sprintf("/api/v1/claims/%d", int64(acked[0]))
	body, ct := multipartBody(map[string]string{"stance": "supports", "kind": "document"}, "report.pdf", bytes.Repeat([]byte("%PDF-1.4 data "), 40000))
	rec = a.do("POST", claimPath+"/evidence", ct, body)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "storage full") {
		t.Fatalf("upload on a full disk: %d %s", rec.Code, rec.Body.String())
	}
	// Reads keep working.
	rec = a.do("GET", "/api/v1/claims?per_page=5", "", nil)
	mustStatus(t, rec, http.StatusOK)
	if total := decode(t, rec)["total"].(float64); int(total) != len(acked) {
		t.Fatalf("list total %v while full, want %d", total, len(acked))
	}
	mustStatus(t, a.do("GET", claimPath, "", nil), http.StatusOK)
	mustStatus(t, a.do("GET", "/healthz", "", nil), http.StatusOK)

	// Space comes back: writes work again, in the same process.
	disk.free(t)
	rec = a.json("POST", "/api/v1/claims", map[string]any{"story_id": story, "claimant": "After", "text": "written once space was freed"})
	mustStatus(t, rec, http.StatusCreated)
	acked = append(acked, decode(t, rec)["id"].(float64))
	body, ct = multipartBody(map[string]string{"stance": "supports", "kind": "document"}, "report.pdf", []byte("%PDF-1.4 small"))
	mustStatus(t, a.do("POST", claimPath+"/evidence", ct, body), http.StatusCreated)

	rec = a.do("GET", claimPath+"/evidence", "", nil)
	mustStatus(t, rec, http.StatusOK)
	if n := strings.Count(rec.Body.String(), `"file_sha256":"`); n != 1 {
		t.Fatalf("claim has %d uploaded files, want only the one stored after space returned: %s", n, rec.Body.String())
	}
	for _, id := range acked {
		mustStatus(t, a.do("GET", fmt.Sprintf("/api/v1/claims/%d", int64(id)), "", nil), http.StatusOK)
	}
	rec = a.do("GET", "/api/v1/claims?per_page=5", "", nil)
	if total := decode(t, rec)["total"].(float64); int(total) != len(acked) {
		t.Fatalf("list total %v after recovery, want %d", total, len(acked))
	}
	if res := integrity(t, a.path); res != "ok" {
		t.Fatalf("integrity_check: %s", res)
	}
}

// A database that cannot be written (here: the write fails with EROFS)
// answers writes with 503 "storage read-only" and recovers the same way.
func TestReadOnlyStorageAnswers503AndRecovers(t *testing.T) {
	var readOnly atomic.Bool
	a := newStorageApp(t, t.TempDir(), func() error {
		if readOnly.Load() {
			return &os.PathError{Op: "open", Path: "claimdesk.db", Err: syscall.EROFS}
		}
		return nil
	})
	rec := a.json("POST", "/api/v1/stories", map[string]any{"title": "Read-only drill"})
	mustStatus(t, rec, http.StatusCreated)
	story := decode(t, rec)["id"]
	readOnly.Store(true)
	rec = a.json("POST", "/api/v1/claims", map[string]any{"story_id": story, "claimant": "A", "text": "refused"})
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "storage read-only") {
		t.Fatalf("write to a read-only database: %d %s", rec.Code, rec.Body.String())
	}
	mustStatus(t, a.do("GET", fmt.Sprintf("/api/v1/stories/%v", story), "", nil), http.StatusOK)
	readOnly.Store(false)
	mustStatus(t, a.json("POST", "/api/v1/claims", map[string]any{"story_id": story, "claimant": "A", "text": "accepted"}), http.StatusCreated)
}
