package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"claimdesk/models/dbtest"
	"claimdesk/models/webhook"
)

// hookReceiver records the deliveries it is sent, by delivery id.
type hookReceiver struct {
	mu   sync.Mutex
	got  map[string]int
	body map[string][]byte
	sigs map[string]string
}

func (r *hookReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	b, _ := io.ReadAll(req.Body)
	id := req.Header.Get(webhook.DeliveryHeader)
	r.mu.Lock()
	r.got[id]++
	r.body[id], r.sigs[id] = b, req.Header.Get(webhook.SignatureHeader)
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (r *hookReceiver) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}

// The check: a serve process killed with SIGKILL while deliveries
// are pending (their receiver is down) sends them after it restarts, each
// once, signed, with the delivery id it was queued with.
func TestWebhookDeliveriesSurviveSIGKILL(t *testing.T) {
	db := dbtest.DB(t)
	for _, u := range []struct{ name, email, role string }{
		{"Ada Admin", "ada@desk.test", "admin"}, {"Fay Checker", "fay@desk.test", "factchecker"}, {"Eve Editor", "eve@desk.test", "editor"},
	} {
		runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", u.name, "--email", u.email, "--role", u.role)
	}
	tok := map[string]string{}
	for _, who := range []string{"ada", "fay", "eve"} {
		tok[who] = strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", who+"@desk.test"))
	}
	// The receiver's address, nobody listening yet: it is down.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hookAddr := ln.Addr().String()
	ln.Close()
	env := []string{"CLAIMDESK_FETCH_ALLOW_PRIVATE=on", "CLAIMDESK_WEBHOOK_RETRY_FIRST=300ms", "CLAIMDESK_WEBHOOK_TIMEOUT=2s"}
	srv := startServer(t, db, env...)
	c := &http.Client{Timeout: 10 * time.Second}
	api := srv.base + "/api/v1"
	const secret = "the newsroom's shared webhook secret"
	code, hook := call(t, c, tok["ada"], "POST", api+"/webhooks", map[string]any{"url": "http://" + hookAddr + "/claimdesk",
		"events": []string{"claim.published", "claim.corrected"}, "secret": secret})
	if code != 201 {
		t.Fatalf("create webhook: %d %v", code, hook)
	}
	_, story := call(t, c, tok["fay"], "POST", api+"/stories", map[string]any{"title": "Crash test"})
	_, cl := call(t, c, tok["fay"], "POST", api+"/claims", map[string]any{"story_id": story["id"], "claimant": "Vyacheslav Gladkov", "text": "Two women were killed"})
	claimURL := fmt.Sprintf("%s/claims/%v", api, cl["id"])
	call(t, c, tok["fay"], "POST", claimURL+"/evidence", map[string]any{"stance": "supports", "url": "https://example.org/photo", "kind": "photo"})
	steps := []struct {
		who, path string
		body      map[string]any
	}{
		{"fay", "/verdict", map[string]any{"verdict": "verified", "rationale": "geolocated", "version": 1}},
		{"eve", "/signoff", map[string]any{"version": 2}},
		{"fay", "/verdict", map[string]any{"verdict": "false", "rationale": "staged in 2022", "version": 3}},
	}
	for _, s := range steps {
		if code, m := call(t, c, tok[s.who], "POST", claimURL+s.path, s.body); code != 200 {
			t.Fatalf("%s: %d %v", s.path, code, m)
		}
	}
	deliveries := func(base string) []any {
		_, m := call(t, c, tok["ada"], "GET", fmt.Sprintf("%s/api/v1/webhooks/%v/deliveries", base, hook["id"]), nil)
		ds, _ := m["deliveries"].([]any)
		return ds
	}
	// Both deliveries failed at least once against the receiver that is down.
	for end := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		ds := deliveries(srv.base)
		if len(ds) == 2 && ds[0].(map[string]any)["attempts"].(float64) >= 1 && ds[1].(map[string]any)["attempts"].(float64) >= 1 {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("no failed attempts: %v\n%s", ds, srv.logs.String())
		}
	}
	if err := srv.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	srv.cmd.Wait()

	rcv := &hookReceiver{got: map[string]int{}, body: map[string][]byte{}, sigs: map[string]string{}}
	ln, err = net.Listen("tcp", hookAddr)
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: rcv}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })

	srv2 := startServer(t, db, env...)
	for end := time.Now().Add(20 * time.Second); rcv.count() < 2; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("after restart the receiver got %d deliveries\n%s", rcv.count(), srv2.logs.String())
		}
	}
	time.Sleep(time.Second) // nothing more may come
	rcv.mu.Lock()
	defer rcv.mu.Unlock()
	types := map[string]bool{}
	for id, n := range rcv.got {
		if n != 1 {
			t.Errorf("delivery %s received %d times", id, n)
		}
		if !webhook.Verify(secret, rcv.body[id], rcv.sigs[id]) {
			t.Errorf("delivery %s: signature does not verify", id)
		}
		var b struct {
			ID, Type string
		}
		json.Unmarshal(rcv.body[id], &b)
		if b.ID != id {
			t.Errorf("body id %q, header id %q", b.ID, id)
		}
		types[b.Type] = true
	}
	if len(rcv.got) != 2 || !types["claim.published"] || !types["claim.corrected"] {
		t.Errorf("received %v", types)
	}
	for _, d := range deliveries(srv2.base) {
		if d := d.(map[string]any); d["status"] != "delivered" || rcv.got[d["delivery_id"].(string)] != 1 {
			t.Errorf("delivery after restart: %v", d)
		}
	}
}
