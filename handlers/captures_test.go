package handlers

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"claimdesk/models"
	"claimdesk/models/outbound"
)

// livePage is a page on 127.0.0.1 whose content a test can change.
type livePage struct {
	*httptest.Server
	mu   sync.Mutex
	body string
}

func newLivePage(t testing.TB, body string) *livePage {
	p := &livePage{body: body}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		b := p.body
		p.mu.Unlock()
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, b)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *livePage) set(body string) {
	p.mu.Lock()
	p.body = body
	p.mu.Unlock()
}

func hexSHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// withCapturePool starts a capture pool, stopped when the test ends, whose
// client may reach the test's loopback servers.
func withCapturePool(t testing.TB, st *models.Store) *models.CapturePool {
	pool := st.NewCapturePool(outbound.New(outbound.Config{AllowPrivate: true}), models.CaptureSettings{Workers: 2, Poll: 20 * time.Millisecond, Logger: discardLogger()})
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { pool.Run(ctx); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	return pool
}

// eventually polls cond until it holds, failing the test after a while.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func TestCaptureAPI(t *testing.T) {
	f := newAPIFixture(t)
	pool := withCapturePool(t, f.store)
	e, err := New(f.store, Config{Logger: discardLogger(), Captures: pool})
	if err != nil {
		t.Fatal(err)
	}
	f.e = e
	_, _, claim := f.seed(t)
	page := newLivePage(t, "<h1>Ministry: 12 drones downed</h1>")

	rec := f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/evidence", claim),
		map[string]any{"url": page.URL + "/statement", "stance": "supports", "capture": true})
	mustStatus(t, rec, http.StatusCreated)
	eid := int64(decode(t, rec)["id"].(float64))
	capsPath := fmt.Sprintf("/api/v1/evidence/%d/captures", eid)

	var caps []any
	list := func() []any {
		rec := f.do("fc", "GET", capsPath, nil)
		mustStatus(t, rec, http.StatusOK)
		caps = decode(t, rec)["captures"].([]any)
		return caps
	}
	eventually(t, "the first capture", func() bool { return len(list()) == 1 })
	first := caps[0].(map[string]any)
	for _, k := range []string{"id", "captured_at", "status", "http_status", "content_type", "size", "sha256", "error"} {
		if _, ok := first[k]; !ok {
			t.Errorf("capture JSON lacks %q: %v", k, first)
		}
	}
	if first["status"] != "ok" || first["sha256"] != hexSHA("<h1>Ministry: 12 drones downed</h1>") || first["http_status"] != 200.0 ||
		first["size"] != float64(len("<h1>Ministry: 12 drones downed</h1>")) || first["error"] != "" {
		t.Fatalf("first capture %v", first)
	}
	cid := int64(first["id"].(float64))

	rec = f.do("fc", "GET", fmt.Sprintf("/api/v1/captures/%d/file", cid), nil)
	mustStatus(t, rec, http.StatusOK)
	hd := rec.Header()
	if rec.Body.String() != "<h1>Ministry: 12 drones downed</h1>" || !strings.HasPrefix(hd.Get("Content-Disposition"), "attachment;") ||
		!strings.Contains(hd.Get("Content-Disposition"), ".html") || hd.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.Contains(hd.Get("Content-Security-Policy"), "sandbox") || strings.Contains(hd.Get("Content-Type"), "html") {
		t.Errorf("captured copy served as %v: %q", hd, rec.Body.String())
	}

	rec = f.do("fc", "GET", fmt.Sprintf("/api/v1/captures/%d/warc", cid), nil)
	mustStatus(t, rec, http.StatusOK)
	if rec.Header().Get("Content-Type") != "application/warc" || !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment;") {
		t.Errorf("WARC headers %v", rec.Header())
	}
	assertWARC(t, rec.Body.Bytes(), page.URL+"/statement", "<h1>Ministry: 12 drones downed</h1>")

	// The page changes: "capture again" adds a second capture, the first stays.
	page.set("<h1>Ministry: 3 drones downed</h1>")
	rec = f.do("fc", "POST", capsPath, nil)
	mustStatus(t, rec, http.StatusAccepted)
	eventually(t, "the second capture", func() bool { return len(list()) == 2 })
	second := caps[0].(map[string]any)
	if second["sha256"] != hexSHA("<h1>Ministry: 3 drones downed</h1>") || caps[1].(map[string]any)["sha256"] != first["sha256"] ||
		caps[1].(map[string]any)["captured_at"] != first["captured_at"] {
		t.Errorf("after a change: %v", caps)
	}
	rec = f.do("fc", "GET", fmt.Sprintf("/api/v1/captures/%d/file", cid), nil)
	if rec.Body.String() != "<h1>Ministry: 12 drones downed</h1>" {
		t.Errorf("the first copy changed: %q", rec.Body.String())
	}

	// Checking the live page: unchanged, then changed.
	checkPath := fmt.Sprintf("/api/v1/evidence/%d/check", eid)
	check := func() map[string]any {
		t.Helper()
		mustStatus(t, f.do("fc", "POST", checkPath, nil), http.StatusAccepted)
		var got map[string]any
		eventually(t, "the check", func() bool {
			got = decode(t, f.do("fc", "GET", checkPath, nil))
			return got["pending"] == false && got["checked_at"] != nil
		})
		return got
	}
	if got := check(); got["changed"] != false || got["live_sha256"] != second["sha256"] {
		t.Errorf("unchanged page: %v", got)
	}
	page.set("<h1>Ministry: page edited</h1>")
	if got := check(); got["changed"] != true || got["live_sha256"] != hexSHA("<h1>Ministry: page edited</h1>") || got["capture_sha256"] != second["sha256"] {
		t.Errorf("edited page: %v", got)
	}

	acts := decode(t, f.do("viewer", "GET", fmt.Sprintf("/api/v1/claims/%d/activity", claim), nil))
	if n := strings.Count(fmt.Sprint(acts), "action:captured"); n != 2 {
		t.Errorf("%d capture rows in the activity log: %v", n, acts)
	}
}

func TestCaptureAPIRefusals(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	rec := f.upload("fc", fmt.Sprintf("/api/v1/claims/%d/evidence", claim), map[string]string{"stance": "context", "capture": "on"}, "report.pdf", []byte("%PDF-1.4 a report"))
	mustStatus(t, rec, http.StatusCreated)
	fileOnly := int64(decode(t, rec)["id"].(float64))
	rec = f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/evidence", claim), map[string]any{"url": "https://news.example/a", "stance": "supports"})
	mustStatus(t, rec, http.StatusCreated)
	link := int64(decode(t, rec)["id"].(float64))

	rec = f.do("fc", "POST", fmt.Sprintf("/api/v1/evidence/%d/captures", fileOnly), nil)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), `"url"`) {
		t.Errorf("no-link answer %s", rec.Body.String())
	}
	rec = f.do("fc", "POST", fmt.Sprintf("/api/v1/evidence/%d/check", link), nil)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	for _, p := range []string{"/api/v1/evidence/999999/captures", "/api/v1/captures/999999/file", "/api/v1/captures/999999/warc", "/api/v1/captures/x/file"} {
		mustStatus(t, f.do("fc", "GET", p, nil), http.StatusNotFound)
	}
	mustStatus(t, f.do("fc", "POST", "/api/v1/evidence/999999/captures", nil), http.StatusNotFound)
	for _, p := range []string{fmt.Sprintf("/api/v1/evidence/%d/captures", link), "/api/v1/captures/1/file", "/api/v1/captures/1/warc"} {
		mustStatus(t, f.do("viewer", "GET", p, nil), http.StatusForbidden)
		mustStatus(t, f.do("", "GET", p, nil), http.StatusUnauthorized)
	}
	mustStatus(t, f.do("viewer", "POST", fmt.Sprintf("/api/v1/evidence/%d/captures", link), nil), http.StatusForbidden)
	// No capture was asked for the link added without "capture": true, and
	// nothing was queued by the refusals.
	rec = f.do("fc", "GET", fmt.Sprintf("/api/v1/evidence/%d/captures", link), nil)
	if m := decode(t, rec); len(m["captures"].([]any)) != 0 || m["pending"] != false {
		t.Errorf("unexpected captures %v", m)
	}
}

// assertWARC reads a WARC file back with a WARC reader and checks the
// response record's payload and digest.
func assertWARC(t *testing.T, data []byte, target, payload string) {
	t.Helper()
	un := gowarc.NewUnmarshaler(gowarc.WithStrictValidation())
	in := bufio.NewReader(bytes.NewReader(data))
	var types []string
	for {
		rec, _, validation, err := un.Unmarshal(in)
		if err == io.EOF {
			break
		}
		if err != nil || len(validation) > 0 {
			t.Fatalf("WARC record %d: %v %v", len(types), err, validation)
		}
		types = append(types, rec.Type().String())
		if rec.Type() == gowarc.Response {
			h := rec.WarcHeader()
			if h.Get(gowarc.WarcTargetURI) != target || h.Get(gowarc.WarcPayloadDigest) != "sha256:"+hexSHA(payload) {
				t.Errorf("response record headers %v", h)
			}
			pr, err := rec.Block().(gowarc.HttpResponseBlock).PayloadBytes()
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(pr)
			if string(got) != payload {
				t.Errorf("WARC payload %q", got)
			}
		}
		rec.Close()
	}
	if strings.Join(types, " ") != "warcinfo request response" {
		t.Errorf("WARC records %v", types)
	}
}

// The claim page lists each link's captures with the captured copy as a
// download, offers "capture again" and "check live page", and warns when
// the live page no longer matches the last capture.
func TestClaimPageCaptures(t *testing.T) {
	a := newWebApp(t)
	pool := withCapturePool(t, a.store)
	e, err := New(a.store, Config{Logger: discardLogger(), Captures: pool})
	if err != nil {
		t.Fatal(err)
	}
	a.e = e
	fc := a.user("checker", models.RoleFactchecker)
	viewer := a.user("viewer", models.RoleViewer)
	cl := a.seedClaim(fc, "The depot burned down", "regional governor")
	page := newLivePage(t, "<p>Depot on fire</p>")
	path := "/claims/" + itoa64(cl.ID)
	b := a.browser().signIn(fc.Email)
	if body := b.get(path).Body.String(); !strings.Contains(body, `name="capture" value="on" checked`) {
		t.Fatal("the evidence form does not offer capture, on by default")
	}
	rec := b.post(path+"/evidence", url.Values{"url": {page.URL + "/depot"}, "stance": {"supports"}, "kind": {"photo"}, "capture": {"on"}})
	wantStatus(t, rec, http.StatusSeeOther)
	evs, _ := a.store.ClaimEvidence(context.Background(), cl.ID)
	eid := evs[0].ID
	var body string
	eventually(t, "the capture on the page", func() bool {
		body = b.get(path).Body.String()
		return strings.Contains(body, "View captured copy")
	})
	caps, _ := a.store.EvidenceCaptures(context.Background(), eid)
	for _, want := range []string{`id="cap-` + itoa64(eid) + `"`, `href="/api/v1/captures/` + itoa64(caps[0].ID) + `/file" download`,
		`/api/v1/captures/` + itoa64(caps[0].ID) + `/warc`, hexSHA("<p>Depot on fire</p>")[:16], "Capture again", "Check live page",
		"captured", "Captured " + page.URL + "/depot"} {
		if !strings.Contains(body, want) {
			t.Errorf("claim page lacks %q", want)
		}
	}
	if strings.Contains(body, "Depot on fire") {
		t.Error("the captured HTML is shown inline on the claim page")
	}

	page.set("<p>Depot article removed</p>")
	rec = b.post(path+"/evidence/"+itoa64(eid)+"/check", nil)
	wantStatus(t, rec, http.StatusSeeOther)
	if rec.Header().Get("Location") != path+"#cap-"+itoa64(eid) {
		t.Errorf("redirect to %q", rec.Header().Get("Location"))
	}
	eventually(t, "the warning", func() bool {
		body = b.get(path).Body.String()
		return strings.Contains(body, "The live page has changed since the last capture")
	})
	rec = b.post(path+"/evidence/"+itoa64(eid)+"/capture", nil)
	wantStatus(t, rec, http.StatusSeeOther)
	eventually(t, "the second capture", func() bool {
		caps, _ = a.store.EvidenceCaptures(context.Background(), eid)
		return len(caps) == 2
	})
	body = b.get(path).Body.String()
	if strings.Contains(body, "The live page has changed") || strings.Count(body, "View captured copy") != 2 {
		t.Error("after capturing again, the warning should go and both copies show")
	}
	// Evidence of another claim is not found; viewers see no capture tools.
	other := a.seedClaim(fc, "Another claim", "someone")
	wantStatus(t, b.post("/claims/"+itoa64(other.ID)+"/evidence/"+itoa64(eid)+"/capture", nil), http.StatusNotFound)
	vb := a.browser().signIn(viewer.Email)
	if body := vb.get(path).Body.String(); strings.Contains(body, "View captured copy") || strings.Contains(body, "Capture again") {
		t.Error("a viewer sees the capture tools")
	}
}

func TestDownloadTypeNeverServesActiveContent(t *testing.T) {
	for served, want := range map[string][2]string{
		"text/html; charset=utf-8": {"application/octet-stream", ".html"},
		"application/xhtml+xml":    {"application/octet-stream", ".html"},
		"image/svg+xml":            {"application/octet-stream", ".bin"},
		"application/javascript":   {"application/octet-stream", ".bin"},
		"text/xml":                 {"application/octet-stream", ".bin"},
		"":                         {"application/octet-stream", ".bin"},
		"application/pdf":          {"application/pdf", ".pdf"},
		"image/png":                {"image/png", ".png"},
	} {
		ct, ext := downloadType(served)
		if ct != want[0] || ext != want[1] {
			t.Errorf("downloadType(%q) = %q %q, want %q %q", served, ct, ext, want[0], want[1])
		}
	}
}
