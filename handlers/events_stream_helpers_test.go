package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
	"claimdesk/models/events"
)

// testLive are stream timings short enough for tests.
var testLive = LiveConfig{KeepAlive: 150 * time.Millisecond, AuthCheck: 100 * time.Millisecond, WriteWait: 2 * time.Second}

// liveFixture is the whole app behind a real HTTP server on 127.0.0.1, with
// a token per role, for tests that hold streams open.
type liveFixture struct {
	*apiFixture
	srv          *httptest.Server
	path, dbURL  string
	story, other int64
	// smallSendBuffer gives the server's connections a small fixed send
	// buffer, so that a client that stops reading soon blocks the writes
	// to it (the kernel would otherwise buffer megabytes).
	smallSendBuffer bool
	// addr is where the server listens, kept across a restart.
	addr string
}

// smallSendListener accepts connections with a 16 KB send buffer.
type smallSendListener struct{ net.Listener }

func (l smallSendListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(8 << 10)
	}
	return c, err
}

// newLiveFixture starts the app on a fresh database with two stories.
func newLiveFixture(t *testing.T, live LiveConfig) *liveFixture {
	t.Helper()
	return newLiveFixtureWith(t, live, false)
}

// newLiveFixtureWith is newLiveFixture, with small send buffers if asked.
func newLiveFixtureWith(t *testing.T, live LiveConfig, smallSendBuffer bool) *liveFixture {
	t.Helper()
	path, url := dbtest.Target(t)
	f := &liveFixture{path: path, dbURL: url, smallSendBuffer: smallSendBuffer}
	f.start(t, live)
	f.apiFixture.t = t
	f.apiFixture.tokens, f.apiFixture.users = map[string]string{}, map[string]*models.User{}
	for _, who := range []struct {
		key, name string
		role      models.Role
	}{
		{"admin", "Ada Admin", models.RoleAdmin}, {"editor", "Eve Editor", models.RoleEditor},
		{"fc", "Fay Checker", models.RoleFactchecker}, {"fc2", "Finn Second", models.RoleFactchecker},
		{"viewer", "Vic Viewer", models.RoleViewer},
	} {
		f.addUser(who.key, who.name, who.role)
	}
	for i, title := range []string{"Belgorod live", "Kharkiv live"} {
		rec := f.do("editor", http.MethodPost, "/api/v1/stories", map[string]any{"title": title})
		mustStatus(t, rec, http.StatusCreated)
		id := int64(decode(t, rec)["id"].(float64))
		if i == 0 {
			f.story = id
		} else {
			f.other = id
		}
	}
	return f
}

// start opens the store and serves the app; stop undoes it. Together they
// restart the server on the same database.
func (f *liveFixture) start(t *testing.T, live LiveConfig) {
	t.Helper()
	st, err := models.Open(models.Config{Path: f.path, DatabaseURL: f.dbURL})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(st, Config{Logger: discardLogger(), Live: live})
	if err != nil {
		t.Fatal(err)
	}
	if f.apiFixture == nil {
		f.apiFixture = &apiFixture{}
	}
	f.store, f.e = st, e
	f.srv = httptest.NewUnstartedServer(e)
	if f.addr != "" {
		// A restart listens where the server was, as a restarted serve does.
		ln, err := net.Listen("tcp", f.addr)
		if err != nil {
			t.Fatal(err)
		}
		f.srv.Listener.Close()
		f.srv.Listener = ln
	}
	f.addr = f.srv.Listener.Addr().String()
	if f.smallSendBuffer {
		f.srv.Listener = smallSendListener{f.srv.Listener}
	}
	f.srv.Start()
	t.Cleanup(f.stop)
}

func (f *liveFixture) stop() {
	if f.srv == nil {
		return
	}
	f.srv.Listener.Close() // no reconnecting meanwhile
	f.srv.CloseClientConnections()
	f.srv.Close()
	f.store.Close()
	f.srv = nil
}

// claim creates a claim in a story through the API and returns its id and version.
func (f *liveFixture) claim(story int64, text string) (int64, int64) {
	f.t.Helper()
	rec := f.do("fc", http.MethodPost, "/api/v1/claims", map[string]any{"story_id": story, "claimant": "Vyacheslav Gladkov", "text": text})
	mustStatus(f.t, rec, http.StatusCreated)
	m := decode(f.t, rec)
	return int64(m["id"].(float64)), int64(m["version"].(float64))
}

// sseEvent is one message of a stream as a client parses it.
type sseEvent struct {
	ID, Type, Data string
}

// json decodes the event's data.
func (e sseEvent) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(e.Data), &m); err != nil {
		t.Fatalf("event %s data is not JSON: %v: %s", e.Type, err, e.Data)
	}
	return m
}

// sseStream is an open stream read by a goroutine.
type sseStream struct {
	t        *testing.T
	resp     *http.Response
	events   chan sseEvent
	comments chan string
	cancel   context.CancelFunc
}

// openStream opens GET path with the header set and fails unless it is a
// stream.
func (f *liveFixture) openStream(t *testing.T, path string, header http.Header) *sseStream {
	t.Helper()
	s, status := f.tryStream(t, path, header)
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, status)
	}
	return s
}

// tryStream opens GET path and returns the stream (nil unless 200) and status.
func (f *liveFixture) tryStream(t *testing.T, path string, header http.Header) (*sseStream, int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		cancel()
		return nil, resp.StatusCode
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	s := &sseStream{t: t, resp: resp, events: make(chan sseEvent, 10000), comments: make(chan string, 1000), cancel: cancel}
	go s.read()
	t.Cleanup(s.close)
	return s, resp.StatusCode
}

// bearer is the header of a token.
func (f *liveFixture) bearer(who string) http.Header {
	return http.Header{"Authorization": {"Bearer " + f.tokens[who]}}
}

func (s *sseStream) read() {
	defer close(s.events)
	r := events.NewReader(s.resp.Body)
	for {
		m, err := r.Next()
		if err != nil {
			return
		}
		if m.Comment != "" {
			select {
			case s.comments <- m.Comment:
			default:
			}
			continue
		}
		s.events <- sseEvent{ID: m.ID, Type: m.Type, Data: m.Data}
	}
}

func (s *sseStream) close() {
	s.cancel()
	s.resp.Body.Close()
}

// next returns the next event that is not presence, failing after 5 s.
func (s *sseStream) next() sseEvent {
	s.t.Helper()
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				s.t.Fatal("the stream ended")
			}
			if e.Type == "presence" {
				continue
			}
			return e
		case <-time.After(5 * time.Second):
			s.t.Fatal("no event within 5 s")
		}
	}
}

// expect reads the next events and fails unless their types are want.
func (s *sseStream) expect(want ...string) []sseEvent {
	s.t.Helper()
	var got []sseEvent
	for _, w := range want {
		e := s.next()
		got = append(got, e)
		if e.Type != w {
			s.t.Fatalf("event %d is %s, want %s (%s)", len(got), e.Type, w, e.Data)
		}
	}
	return got
}

// ended waits up to 5 s for the stream to end.
func (s *sseStream) ended() bool {
	deadline := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-s.events:
			if !ok {
				return true
			}
		case <-deadline:
			return false
		}
	}
}

// quiet fails if an event other than presence arrives within d.
func (s *sseStream) quiet(d time.Duration) {
	s.t.Helper()
	deadline := time.After(d)
	for {
		select {
		case e, ok := <-s.events:
			if ok && e.Type != "presence" {
				s.t.Fatalf("unexpected event %s: %s", e.Type, e.Data)
			}
		case <-deadline:
			return
		}
	}
}

// path is a claim's API path.
func claimPath(id int64, rest string) string { return fmt.Sprintf("/api/v1/claims/%d%s", id, rest) }
