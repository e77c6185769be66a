package models

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"claimdesk/models/capture"
	"claimdesk/models/outbound"
)

// pageServer serves a page whose content the test can change.
type pageServer struct {
	*httptest.Server
	mu   sync.Mutex
	body []byte
	hits int
}

func newPageServer(t *testing.T, body string) *pageServer {
	p := &pageServer{body: []byte(body)}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		b := p.body
		p.hits++
		p.mu.Unlock()
		switch r.URL.Path {
		case "/gone":
			http.Error(w, "deleted", http.StatusNotFound)
			return
		case "/slow":
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
			return
		case "/huge":
			w.Write(bytes.Repeat([]byte("x"), 4096))
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *pageServer) set(body string) {
	p.mu.Lock()
	p.body = []byte(body)
	p.mu.Unlock()
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// testPool is a capture pool whose client may reach the tests' loopback servers.
func testPool(f *fixture, cfg outbound.Config) *CapturePool {
	cfg.AllowPrivate = true
	return f.s.NewCapturePool(outbound.New(cfg), CaptureSettings{Workers: 2, Poll: 20 * time.Millisecond})
}

func TestCaptureKeepsBodyByHashAndNeverChangesIt(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	srv := newPageServer(t, "<p>The ministry said 12 drones were downed.</p>")
	c := f.claim(t, "Twelve drones were downed.")
	ev := f.evidence(t, c, "supports", srv.URL+"/statement", "ministry")
	pool := testPool(f, outbound.Config{})

	first, err := pool.Capture(ctx, f.fc, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "<p>The ministry said 12 drones were downed.</p>"
	if first.Status != CaptureOK || first.SHA256 != sha(want) || first.Size != int64(len(want)) || first.HTTPStatus != 200 ||
		first.ContentType != "text/html; charset=utf-8" || first.Error != "" {
		t.Fatalf("first capture %+v", first)
	}
	body, err := f.s.CaptureBody(ctx, first)
	if err != nil || string(body) != want {
		t.Fatalf("stored body %q %v", body, err)
	}

	srv.set("<p>The ministry said 3 drones were downed.</p>")
	second, err := pool.Capture(ctx, f.fc, ev.ID)
	if err != nil || second.SHA256 != sha("<p>The ministry said 3 drones were downed.</p>") || second.ID == first.ID {
		t.Fatalf("second capture %+v %v", second, err)
	}
	// The same page again is a third capture but no second copy of the body.
	third, err := pool.Capture(ctx, f.fc, ev.ID)
	if err != nil || third.SHA256 != second.SHA256 {
		t.Fatalf("third capture %+v %v", third, err)
	}
	var copies int64
	f.s.read(ctx).Table("files").Where("sha256 = ?", second.SHA256).Count(&copies)
	if copies != 1 {
		t.Errorf("%d copies of one body", copies)
	}

	caps, err := f.s.EvidenceCaptures(ctx, ev.ID)
	if err != nil || len(caps) != 3 || caps[0].ID != third.ID || caps[2].ID != first.ID {
		t.Fatalf("captures newest first: %+v %v", caps, err)
	}
	if caps[2].SHA256 != sha(want) || caps[2].CapturedAt != first.CapturedAt {
		t.Errorf("the first capture changed: %+v", caps[2])
	}
	body, _ = f.s.CaptureBody(ctx, &caps[2])
	if string(body) != want {
		t.Errorf("the first capture's body changed: %q", body)
	}
	for _, stmt := range []string{`UPDATE captures SET sha256 = NULL WHERE id = ?`, `DELETE FROM captures WHERE id = ?`} {
		if err := f.s.w.Exec(stmt, first.ID).Error; err == nil || !strings.Contains(err.Error(), "captures are never") {
			t.Errorf("%s: want refused by the schema, got %v", stmt, err)
		}
	}
	acts, err := f.s.ClaimActivity(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var captured []Activity
	for _, a := range acts {
		if a.Action == ActCaptured {
			captured = append(captured, a)
		}
	}
	if len(captured) != 3 || captured[0].ToValue != CaptureOK || !strings.Contains(captured[0].Text, first.SHA256) ||
		captured[0].ActorID == nil || *captured[0].ActorID != f.fc.ID {
		t.Errorf("activity rows %+v", captured)
	}
}

func TestFailedCapturesAreRecordedWithTheirReason(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	srv := newPageServer(t, "page")
	c := f.claim(t, "A bridge was hit.")
	pool := testPool(f, outbound.Config{MaxBodyBytes: 1000, HeaderTimeout: 100 * time.Millisecond})
	guarded := f.s.NewCapturePool(outbound.New(outbound.Config{}), CaptureSettings{})
	cases := []struct {
		pool     *CapturePool
		path     string
		kind     string
		contains string
	}{
		{pool, "/gone", "http_status", "404"},
		{pool, "/slow", outbound.KindTimeout, "timeout"},
		{pool, "/huge", outbound.KindTooLarge, "larger than the limit"},
		{guarded, "/page", outbound.KindBlocked, "loopback"},
	}
	for _, tc := range cases {
		ev := f.evidence(t, c, "context", srv.URL+tc.path, "")
		got, err := tc.pool.Capture(ctx, f.fc, ev.ID)
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if got.Status != CaptureFailed || got.ErrorKind != tc.kind || !strings.Contains(got.Error, tc.contains) {
			t.Errorf("%s: %+v", tc.path, got)
		}
		acts, _ := f.s.ClaimActivity(ctx, c.ID)
		last := acts[len(acts)-1]
		if last.Action != ActCaptured || last.ToValue != CaptureFailed || !strings.Contains(last.Text, "failed") {
			t.Errorf("%s: activity %+v", tc.path, last)
		}
	}
	noLink, err := f.s.AddEvidence(ctx, f.fc, c.ID, EvidenceInput{Stance: "context", File: strings.NewReader("%PDF-1.4 report"), FileName: "r.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RequestCapture(ctx, f.fc, noLink.ID, TaskCapture); !isField(err, "url") {
		t.Errorf("evidence without a link: %v", err)
	}
	if _, err := f.s.RequestCapture(ctx, f.fc, 999999, TaskCapture); !IsNotFound(err) {
		t.Errorf("missing evidence: %v", err)
	}
}

func isField(err error, field string) bool {
	ve, ok := err.(*ValidationError)
	return ok && ve.Fields[field] != ""
}

func TestPoolWorksThroughQueuedTasksAndChecksTheLivePage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	srv := newPageServer(t, "version one")
	c := f.claim(t, "Power is back in the city.")
	ev := f.evidence(t, c, "supports", srv.URL+"/live", "")
	pool := testPool(f, outbound.Config{})
	if _, err := f.s.RequestCapture(ctx, f.fc, ev.ID, TaskCheck); !isField(err, "id") {
		t.Errorf("a check before any capture: %v", err)
	}
	t1, err := f.s.RequestCapture(ctx, f.fc, ev.ID, TaskCapture)
	if err != nil {
		t.Fatal(err)
	}
	t2, err := f.s.RequestCapture(ctx, f.editor, ev.ID, TaskCapture)
	if err != nil || t2.ID != t1.ID {
		t.Errorf("a second request while one waits should return it: %v %v", t2, err)
	}
	states, err := f.s.CaptureTaskStates(ctx, []int64{ev.ID})
	if err != nil || !states[ev.ID].CapturePending {
		t.Errorf("pending state %+v %v", states[ev.ID], err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { pool.Run(runCtx); close(done) }()
	defer func() { stop(); <-done }()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			pool.Wake()
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("the queued capture", func() bool {
		caps, _ := f.s.EvidenceCaptures(ctx, ev.ID)
		return len(caps) == 1
	})
	caps, _ := f.s.EvidenceCaptures(ctx, ev.ID)
	if caps[0].SHA256 != sha("version one") {
		t.Fatalf("capture %+v", caps[0])
	}

	check := func() *EvidenceTaskState {
		t.Helper()
		task, err := f.s.RequestCapture(ctx, f.fc, ev.ID, TaskCheck)
		if err != nil {
			t.Fatal(err)
		}
		waitFor("the check", func() bool {
			tk, _ := f.s.CaptureTaskItem(ctx, task.ID)
			return tk.FinishedAt != nil
		})
		states, err := f.s.CaptureTaskStates(ctx, []int64{ev.ID})
		if err != nil {
			t.Fatal(err)
		}
		return states[ev.ID]
	}
	st := check()
	if st.LastCheck == nil || st.LastCheck.ResultSHA256 != caps[0].SHA256 || *st.LastCheck.CaptureID != caps[0].ID || st.CapturePending {
		t.Errorf("unchanged page: %+v", st)
	}
	srv.set("version two")
	st = check()
	if st.LastCheck.ResultSHA256 != sha("version two") || *st.LastCheck.CaptureID != caps[0].ID {
		t.Errorf("changed page: %+v", st.LastCheck)
	}
	if n, _ := f.s.EvidenceCaptures(ctx, ev.ID); len(n) != 1 {
		t.Errorf("a check must not add a capture: %d", len(n))
	}
}

func TestCaptureWARCReadsBackWithTheStoredDigest(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	page := strings.Repeat("<p>Satellite image of the depot, 2 December.</p>\n", 500)
	srv := newPageServer(t, page)
	c := f.claim(t, "The depot burned down.")
	ev := f.evidence(t, c, "supports", srv.URL+"/image", "")
	got, err := testPool(f, outbound.Config{}).Capture(ctx, f.fc, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	var first, second bytes.Buffer
	if err := f.s.WriteCaptureWARC(ctx, &first, got.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.WriteCaptureWARC(ctx, &second, got.ID); err != nil {
		t.Fatal(err)
	}
	un := gowarc.NewUnmarshaler(gowarc.WithStrictValidation())
	in := bufio.NewReader(&first)
	var ids []string
	for {
		rec, _, validation, err := un.Unmarshal(in)
		if err == io.EOF {
			break
		}
		if err != nil || len(validation) > 0 {
			t.Fatalf("record: %v %v", err, validation)
		}
		if rec.Type() != gowarc.Warcinfo {
			ids = append(ids, rec.WarcHeader().Get(gowarc.WarcRecordID))
		}
		if rec.Type() == gowarc.Response {
			if d := rec.WarcHeader().Get(gowarc.WarcPayloadDigest); d != "sha256:"+got.SHA256 {
				t.Errorf("payload digest %s, want sha256:%s", d, got.SHA256)
			}
			pr, err := rec.Block().(gowarc.HttpResponseBlock).PayloadBytes()
			if err != nil {
				t.Fatal(err)
			}
			payload, _ := io.ReadAll(pr)
			if string(payload) != page {
				t.Errorf("payload differs from the served page")
			}
		}
		rec.Close()
	}
	if len(ids) != 2 || !strings.Contains(second.String(), ids[0]) || !strings.Contains(second.String(), ids[1]) {
		t.Errorf("request and response records should keep their ids across downloads: %v", ids)
	}
	failed := f.evidence(t, c, "context", "http://127.0.0.1:1/", "")
	fc, err := f.s.NewCapturePool(outbound.New(outbound.Config{}), CaptureSettings{}).Capture(ctx, f.fc, failed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.WriteCaptureWARC(ctx, io.Discard, fc.ID); !IsNotFound(err) {
		t.Errorf("a capture refused before any answer has no WARC: %v", err)
	}
}

func TestGoodCapturesAreAlsoSentToSavePageNowWhenEnabled(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	page := newPageServer(t, "<p>statement</p>")
	var saved []string
	var mu sync.Mutex
	archive := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.URL.Path == "/save":
			saved = append(saved, r.FormValue("url"))
			io.WriteString(w, `{"job_id":"spn2-1"}`)
		case r.URL.Path == "/save/status/spn2-1":
			io.WriteString(w, `{"status":"success","timestamp":"20261203090000","original_url":"`+saved[len(saved)-1]+`"}`)
		}
	}))
	defer archive.Close()
	client := outbound.New(outbound.Config{AllowPrivate: true})
	pool := f.s.NewCapturePool(client, CaptureSettings{Poll: 20 * time.Millisecond,
		Archive: &capture.SavePageNow{Endpoint: archive.URL, AccessKey: "k", Secret: "s", Client: client, PollEvery: time.Millisecond}})
	c := f.claim(t, "A statement was issued.")
	ev := f.evidence(t, c, "supports", page.URL+"/statement", "")
	gone := f.evidence(t, c, "supports", page.URL+"/gone", "")
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { pool.Run(runCtx); close(done) }()
	defer func() { stop(); <-done }()
	for _, id := range []int64{ev.ID, gone.ID} {
		if _, err := f.s.RequestCapture(ctx, f.fc, id, TaskCapture); err != nil {
			t.Fatal(err)
		}
	}
	pool.Wake()
	deadline := time.Now().Add(10 * time.Second)
	for {
		caps, err := f.s.EvidenceCaptures(ctx, ev.ID)
		if err != nil {
			t.Fatal(err)
		}
		failed, err := f.s.EvidenceCaptures(ctx, gone.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(caps) == 1 && caps[0].ArchiveURL != "" && len(failed) == 1 {
			if caps[0].ArchiveURL != archive.URL+"/web/20261203090000/"+page.URL+"/statement" {
				t.Errorf("archive URL %q", caps[0].ArchiveURL)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no archive URL: %+v", caps)
		}
		time.Sleep(10 * time.Millisecond)
	}
	failed, _ := f.s.EvidenceCaptures(ctx, gone.ID)
	mu.Lock()
	defer mu.Unlock()
	if len(saved) != 1 || len(failed) != 1 || failed[0].ArchiveURL != "" {
		t.Errorf("only good captures go to the archive: saved %v, failed capture %+v", saved, failed)
	}
}

// A database that already has later steps (numbered by other features) but
// not the capture tables gets them when opened by a binary that knows them.
func TestMigrationBelowTheHighestAppliedStepStillRuns(t *testing.T) {
	cfg := testConfig(t)
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`DROP TABLE capture_tasks`, `DROP TABLE captures`, `DELETE FROM schema_migrations WHERE version = 8`} {
		if err := s.w.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(cfg); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int64
	if err := s.read(context.Background()).Table("captures").Count(&n).Error; err != nil {
		t.Fatalf("captures table not recreated: %v", err)
	}
}
