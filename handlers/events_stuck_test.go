package handlers

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"claimdesk/models"
)

// A reader that stops reading never holds up the writers or the other
// streams: its stream is dropped once its buffer is full, and if it reads
// again it finds a "resync" event saying where to resume, after which a
// reconnect replays the rest from the database.
func TestStuckReaderBlocksNobody(t *testing.T) {
	f := newLiveFixtureWith(t, LiveConfig{KeepAlive: time.Minute, AuthCheck: time.Minute, WriteWait: 20 * time.Second}, true)
	ctx := context.Background()
	ids := make([]int64, 0, 500)
	story, claimant := f.story, "Vyacheslav Gladkov"
	for i := range 500 {
		text := fmt.Sprintf("Claim number %d of the burst.", i)
		c, err := f.store.CreateClaim(ctx, f.users["fc"], models.ClaimInput{StoryID: &story, Claimant: &claimant, Text: &text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	live := f.openStream(t, "/api/v1/events", f.bearer("viewer"))
	live.expect("ready")
	stuck := dialStuck(t, f.srv.Listener.Addr().String(), f.tokens["viewer"])
	before := f.store.Events().Subscribers()
	if before != 2 {
		t.Fatalf("%d subscribers", before)
	}

	// Six bulk verdicts: 3,000 events, about a megabyte of stream, far more
	// than the stuck reader's buffer and socket hold.
	verdicts := []string{"in_review", "disputed", "unverified", "in_review", "disputed", "unverified"}
	done := make(chan error, 1)
	go func() {
		for _, v := range verdicts {
			rec := f.do("fc", http.MethodPost, "/api/v1/claims/bulk", map[string]any{"ids": ids, "action": "verdict", "verdict": v, "rationale": "accounts conflict"})
			if rec.Code != http.StatusOK {
				done <- fmt.Errorf("bulk %s: %d %s", v, rec.Code, rec.Body.String())
				return
			}
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the writers are blocked")
	}
	var last sseEvent
	for range 3000 {
		last = live.next()
	}
	if last.Type != "claim.verdict" || last.json(t)["verdict"] != "unverified" || last.json(t)["claim_id"] != float64(ids[499]) {
		t.Fatalf("the reading stream's last event: %s %s", last.Type, last.Data)
	}
	// The stuck stream was dropped while the reading one stays.
	deadline := time.Now().Add(5 * time.Second)
	for f.store.Events().Subscribers() != 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := f.store.Events().Subscribers(); n != 1 {
		t.Fatalf("%d subscribers after the burst, want 1", n)
	}

	// The stuck reader reads again: what was in flight, then resync, then the end.
	body := readAll(t, stuck)
	i := strings.Index(body, "event: resync\ndata: ")
	if i < 0 {
		t.Fatalf("no resync event in %d bytes; tail %q", len(body), body[max(0, len(body)-300):])
	}
	var resumeAt string
	fmt.Sscanf(body[i:][strings.Index(body[i:], `"last_id":`)+len(`"last_id":`):], "%s", &resumeAt)
	resumeAt = strings.TrimRight(resumeAt, "}")
	h := f.bearer("viewer")
	h.Set("Last-Event-ID", resumeAt)
	again := f.openStream(t, "/api/v1/events", h)
	var e sseEvent
	for e = again.next(); e.Type != "ready"; e = again.next() {
		last = e
	}
	if last.json(t)["claim_id"] != float64(ids[499]) || last.json(t)["verdict"] != "unverified" {
		t.Fatalf("the replay after resync ends with %s", last.Data)
	}
}

// dialStuck opens a stream over a connection with a tiny receive buffer
// and does not read its body.
func dialStuck(t *testing.T, addr, token string) *http.Response {
	t.Helper()
	d := net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
		if err != nil {
			return err
		}
		return serr
	}}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/api/v1/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if err := req.Write(conn); err != nil {
		t.Fatal(err)
	}
	// The headers come at once: the server has subscribed the stream.
	resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 64), req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("stuck stream: %v %v", resp, err)
	}
	conn.SetReadDeadline(time.Now().Add(2 * time.Minute))
	return resp
}

// readAll reads a response body to its end.
func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the stuck stream: %v after %d bytes", err, len(b))
	}
	return string(b)
}
