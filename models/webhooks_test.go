package models

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"claimdesk/models/events"
	"claimdesk/models/outbound"
	"claimdesk/models/webhook"
)

// receiver is a webhook endpoint on 127.0.0.1 that records what it gets
// and answers with what answer says.
type receiver struct {
	mu     sync.Mutex
	got    []received
	answer func(n int) int
	delay  time.Duration
	srv    *http.Server
	addr   string
}

type received struct {
	body               []byte
	sig, id, ts, event string
	status             int
	at                 time.Time
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	time.Sleep(r.delay)
	r.mu.Lock()
	status := 200
	if r.answer != nil {
		status = r.answer(len(r.got))
	}
	r.got = append(r.got, received{body: body, sig: req.Header.Get(webhook.SignatureHeader), id: req.Header.Get(webhook.DeliveryHeader),
		ts: req.Header.Get(webhook.TimestampHeader), event: req.Header.Get(webhook.EventHeader), status: status, at: time.Now()})
	r.mu.Unlock()
	w.WriteHeader(status)
}

// listen starts serving on addr ("127.0.0.1:0" for any port).
func (r *receiver) listen(t *testing.T, addr string) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	r.srv = &http.Server{Handler: r}
	go r.srv.Serve(ln)
	t.Cleanup(func() { r.srv.Close() })
}

func (r *receiver) received() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func (r *receiver) url() string { return "http://" + r.addr + "/hook" }

// waitFor polls cond for up to d.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// quickSender retries every 100 ms (no jitter) and gives up after giveUp.
func quickSender(giveUp time.Duration) WebhookSender {
	return WebhookSender{Client: outbound.New(outbound.Config{AllowPrivate: true, MaxRedirects: -1}), Backoff: webhook.Backoff{First: 100 * time.Millisecond, Max: 100 * time.Millisecond,
		GiveUpAfter: giveUp}, Poll: 50 * time.Millisecond, Timeout: 5 * time.Second}
}

// runSender runs the store's sender until the test ends.
func runSender(t *testing.T, s *Store, w WebhookSender) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.RunWebhooks(ctx, w); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// hookedReceiver puts f on the real clock and starts a receiver on
// 127.0.0.1 with a webhook subscribed to types; it returns the webhook's
// secret too.
func hookedReceiver(t *testing.T, f *fixture, types ...string) (*receiver, *Webhook, string) {
	t.Helper()
	realClock(f)
	rcv := &receiver{}
	rcv.listen(t, "127.0.0.1:0")
	w, secret, err := f.s.CreateWebhook(context.Background(), f.admin, WebhookInput{URL: rcv.url(), Events: types})
	if err != nil {
		t.Fatal(err)
	}
	return rcv, w, secret
}

func realClock(f *fixture) {
	f.clock.mu.Lock()
	defer f.clock.mu.Unlock()
	f.s.now = time.Now
}

func TestCreateWebhookValidates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range []struct {
		in    WebhookInput
		field string
	}{
		{WebhookInput{URL: "", Events: []string{EventClaimPublished}}, "url"},
		{WebhookInput{URL: "ftp://cms.example/hook", Events: []string{EventClaimPublished}}, "url"},
		{WebhookInput{URL: "https://cms.example/hook"}, "events"},
		{WebhookInput{URL: "https://cms.example/hook", Events: []string{"claim.deleted"}}, "events"},
		{WebhookInput{URL: "https://cms.example/hook", Events: []string{events.ClaimVerdict, events.Presence}}, "events"},
		{WebhookInput{URL: "https://cms.example/hook", Events: []string{EventTest}}, "events"},
		{WebhookInput{URL: "https://cms.example/hook", Events: []string{EventClaimPublished}, Secret: "short"}, "secret"},
	} {
		_, _, err := f.s.CreateWebhook(ctx, f.admin, tc.in)
		fieldErr(t, err, tc.field)
	}
	if ws, _ := f.s.Webhooks(ctx); len(ws) != 0 {
		t.Fatalf("refused webhooks were stored: %+v", ws)
	}
	w, secret, err := f.s.CreateWebhook(ctx, f.admin, WebhookInput{URL: "https://cms.example/hook", Events: []string{EventClaimCorrected, EventClaimCorrected}})
	if err != nil || len(secret) < MinWebhookSecret || len(w.Events) != 1 || w.Events[0] != EventClaimCorrected || !w.Active {
		t.Fatalf("%v %q %+v", err, secret, w)
	}
	// Every type of the live event stream can be subscribed to.
	stream := []string{events.ClaimCreated, events.ClaimUpdated, events.ClaimVerdict, events.ClaimVerifiability,
		events.ClaimAssigned, events.ClaimSignedOff, events.EvidenceAdded, events.EvidenceRemoved,
		events.CandidateProposed, events.ClaimPublished, events.ClaimCorrected}
	all, _, err := f.s.CreateWebhook(ctx, f.admin, WebhookInput{URL: "https://cms.example/all", Events: stream})
	if err != nil || len(all.Events) != len(stream) {
		t.Fatalf("subscribing to every stream type: %v %+v", err, all)
	}
}

// A webhook subscribed to claim.verdict gets exactly one signed delivery
// for a verdict change, queued in the change's own transaction: a change
// refused for its stale version queues nothing, and the claim's other events
// (its creation, its evidence) are not sent.
func TestWebhookVerdictEvent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rcv, w, secret := hookedReceiver(t, f, events.ClaimVerdict)
	c := f.claim(t, "Unemployment fell to 4 percent in March.")
	f.evidence(t, c, "refutes", "https://example.org/labour-statistics", "")
	if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "the office says 5.1", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Verified, Rationale: "stale", Version: c.Version}); err == nil {
		t.Fatal("a change at a stale version was accepted")
	}
	// Queued by the commit itself, before any sender runs.
	ds, err := f.s.WebhookDeliveries(ctx, w.ID, 10)
	if err != nil || len(ds) != 1 || ds[0].Status != "pending" || ds[0].EventType != events.ClaimVerdict ||
		ds[0].ClaimID == nil || *ds[0].ClaimID != c.ID {
		t.Fatalf("queued deliveries %v %+v", err, ds)
	}
	runSender(t, f.s, quickSender(time.Hour))
	waitFor(t, 5*time.Second, "the delivery", func() bool { return len(rcv.received()) >= 1 })
	time.Sleep(300 * time.Millisecond) // nothing more may arrive
	got := rcv.received()
	if len(got) != 1 {
		t.Fatalf("receiver got %d requests, want 1", len(got))
	}
	r := got[0]
	if !webhook.Verify(secret, r.body, r.sig) || r.event != events.ClaimVerdict || r.id != ds[0].DeliveryID {
		t.Errorf("headers: signature %q, event %q, id %q", r.sig, r.event, r.id)
	}
	var body struct {
		ID     string    `json:"id"`
		Type   string    `json:"type"`
		At     time.Time `json:"at"`
		Detail struct {
			Action string `json:"action"`
		} `json:"detail"`
		Claim *struct {
			ID        int64   `json:"id"`
			Verdict   Verdict `json:"verdict"`
			Rationale string  `json:"rationale"`
			Published bool    `json:"published"`
		} `json:"claim"`
		Correction json.RawMessage `json:"correction"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	if body.ID != r.id || body.Type != events.ClaimVerdict || body.At.IsZero() || body.Detail.Action != ActVerdictChanged ||
		body.Claim == nil || body.Claim.ID != c.ID || body.Claim.Verdict != False || body.Claim.Rationale != "the office says 5.1" ||
		body.Claim.Published || body.Correction != nil {
		t.Errorf("body %s", r.body)
	}
}

// The check: a receiver that is down, then answers 500, then 200
// gets exactly one successful delivery per event, with the same delivery id
// on every attempt, each signed with the webhook's secret; the delivery log
// records every attempt.
func TestWebhookRetriesUntilDelivered(t *testing.T) {
	f := newFixture(t)
	realClock(f)
	ctx := context.Background()
	rcv := &receiver{answer: func(n int) int {
		if n == 0 {
			return 500
		}
		return 200
	}}
	// Down: a port nobody listens on (yet).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	w, secret, err := f.s.CreateWebhook(ctx, f.admin, WebhookInput{URL: "http://" + addr + "/hook",
		Events: []string{EventClaimPublished, EventClaimCorrected}, Secret: "a shared secret of the newsroom"})
	if err != nil {
		t.Fatal(err)
	}
	runSender(t, f.s, quickSender(time.Hour))
	c := f.publish(t, f.claim(t, "Two women were killed."), Verified)
	waitFor(t, 5*time.Second, "a failed attempt", func() bool {
		ds, _ := f.s.WebhookDeliveries(ctx, w.ID, 10)
		return len(ds) == 1 && ds[0].Attempts >= 1
	})
	rcv.listen(t, addr)
	waitFor(t, 10*time.Second, "the delivery", func() bool {
		ds, _ := f.s.WebhookDeliveries(ctx, w.ID, 10)
		return len(ds) == 1 && ds[0].Status == "delivered"
	})
	time.Sleep(300 * time.Millisecond) // nothing more may arrive
	got := rcv.received()
	if len(got) != 2 || got[0].status != 500 || got[1].status != 200 {
		t.Fatalf("receiver got %d requests: %+v", len(got), got)
	}
	if got[0].id != got[1].id || got[0].id == "" {
		t.Errorf("delivery ids %q and %q", got[0].id, got[1].id)
	}
	for _, r := range got {
		if !webhook.Verify(secret, r.body, r.sig) {
			t.Errorf("signature %q does not verify", r.sig)
		}
		var body struct {
			ID     string `json:"id"`
			Type   string `json:"type"`
			SentAt int64  `json:"sent_at"`
			Claim  struct {
				ID        int64   `json:"id"`
				Verdict   Verdict `json:"verdict"`
				Published bool    `json:"published"`
			} `json:"claim"`
		}
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatal(err)
		}
		if body.ID != r.id || body.Type != EventClaimPublished || body.Claim.ID != c.ID || !body.Claim.Published || body.Claim.Verdict != Verified {
			t.Errorf("body %s", r.body)
		}
		if ts, _ := json.Marshal(body.SentAt); string(ts) != r.ts {
			t.Errorf("timestamp header %q, body sent_at %d", r.ts, body.SentAt)
		}
	}
	ds, _ := f.s.WebhookDeliveries(ctx, w.ID, 10)
	// While down, one attempt or more (a busy machine may fit in another
	// before the receiver is up), then the 500, then the 200.
	d := ds[0]
	k := len(d.Log)
	if k < 3 || d.Attempts != k || d.Log[k-2].StatusCode != 500 || d.Log[k-1].StatusCode != 200 || d.Log[k-1].Error != "" ||
		d.ClaimID == nil || *d.ClaimID != c.ID || d.EventType != EventClaimPublished {
		t.Errorf("delivery log %+v", d)
	}
	for _, a := range d.Log[:k-2] {
		if a.StatusCode != 0 || a.Error == "" {
			t.Errorf("attempt while down: %+v", a)
		}
	}
	// A correction goes out as claim.corrected with the correction.
	if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "staged", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "claim.corrected", func() bool { return len(rcv.received()) == 3 })
	var body struct {
		Type       string     `json:"type"`
		Correction Correction `json:"correction"`
	}
	json.Unmarshal(rcv.received()[2].body, &body)
	if body.Type != EventClaimCorrected || body.Correction.ToVerdict != False || body.Correction.UpdateLine == "" {
		t.Errorf("corrected body %s", rcv.received()[2].body)
	}
}

// A delivery still failing after the backoff's time is marked failed;
// "retry now" gives it one more attempt.
func TestWebhookGivesUpThenRetryNow(t *testing.T) {
	f := newFixture(t)
	realClock(f)
	ctx := context.Background()
	rcv := &receiver{answer: func(int) int { return 503 }}
	rcv.listen(t, "127.0.0.1:0")
	w, _, err := f.s.CreateWebhook(ctx, f.admin, WebhookInput{URL: rcv.url(), Events: []string{EventClaimPublished}})
	if err != nil {
		t.Fatal(err)
	}
	runSender(t, f.s, quickSender(400*time.Millisecond))
	f.publish(t, f.claim(t, "A bridge was hit."), False)
	var d WebhookDelivery
	waitFor(t, 10*time.Second, "failed", func() bool {
		ds, _ := f.s.WebhookDeliveries(ctx, w.ID, 10)
		if len(ds) == 1 {
			d = ds[0]
		}
		return d.Status == "failed"
	})
	if d.Attempts < 3 || d.LastStatus != 503 || d.FinishedAt == nil {
		t.Errorf("failed delivery %+v", d)
	}
	n := len(rcv.received())
	time.Sleep(300 * time.Millisecond)
	if len(rcv.received()) != n {
		t.Fatal("a failed delivery was tried again")
	}
	rcv.mu.Lock()
	rcv.answer = nil
	rcv.mu.Unlock()
	if err := f.s.RetryDelivery(ctx, w.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "delivered after retry now", func() bool {
		ds, _ := f.s.WebhookDeliveries(ctx, w.ID, 10)
		return ds[0].Status == "delivered"
	})
	if err := f.s.RetryDelivery(ctx, w.ID, d.ID); err == nil {
		t.Error("retrying a delivered delivery succeeded")
	}
	if err := f.s.RetryDelivery(ctx, w.ID+1, d.ID); !IsNotFound(err) {
		t.Errorf("retry through another webhook: %v", err)
	}
}

// A slow receiver does not hold up the others: its deliveries wait for it,
// everyone else's go out at once.
func TestSlowWebhookDoesNotHoldUpOthers(t *testing.T) {
	f := newFixture(t)
	realClock(f)
	ctx := context.Background()
	slow := &receiver{delay: 3 * time.Second}
	fast := &receiver{}
	slow.listen(t, "127.0.0.1:0")
	fast.listen(t, "127.0.0.1:0")
	for _, r := range []*receiver{slow, fast} {
		if _, _, err := f.s.CreateWebhook(ctx, f.admin, WebhookInput{URL: r.url(), Events: []string{EventClaimPublished}}); err != nil {
			t.Fatal(err)
		}
	}
	snd := quickSender(time.Hour)
	snd.Sends = 4
	runSender(t, f.s, snd)
	start := time.Now()
	for _, text := range []string{"one", "two", "three", "four", "five"} {
		f.publish(t, f.claim(t, "Claim "+text), Verified)
	}
	waitFor(t, 2500*time.Millisecond, "the fast receiver's five deliveries", func() bool { return len(fast.received()) == 5 })
	if len(slow.received()) != 0 {
		t.Fatal("the slow receiver answered already; the test proves nothing")
	}
	t.Logf("fast receiver had all five after %v", time.Since(start))
}

// Two servers sending from one queue send each delivery once: a delivery
// is leased by one of them at a time.
func TestTwoSendersSendEachDeliveryOnce(t *testing.T) {
	f := newFixture(t)
	realClock(f)
	ctx := context.Background()
	// A receiver slow enough that one server at its limit of sends per
	// webhook leaves work for the other.
	rcv := &receiver{delay: 150 * time.Millisecond}
	rcv.listen(t, "127.0.0.1:0")
	w, _, err := f.s.CreateWebhook(ctx, f.admin, WebhookInput{URL: rcv.url(), Events: []string{EventClaimPublished}})
	if err != nil {
		t.Fatal(err)
	}
	const n = 12
	for i := range n {
		c := f.claim(t, "Claim number "+string(rune('a'+i)))
		f.publish(t, c, Verified)
	}
	cfg := f.cfg
	cfg.Now = time.Now
	second, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	a, b := quickSender(time.Hour), quickSender(time.Hour)
	a.Server, b.Server = "server-a", "server-b"
	runSender(t, f.s, a)
	runSender(t, second, b)
	waitFor(t, 10*time.Second, "every delivery", func() bool {
		ws, _ := f.s.Webhooks(ctx)
		return ws[0].Delivered == n
	})
	time.Sleep(300 * time.Millisecond)
	got := rcv.received()
	seen := map[string]bool{}
	for _, r := range got {
		if seen[r.id] {
			t.Errorf("delivery %s sent twice", r.id)
		}
		seen[r.id] = true
	}
	if len(seen) != n {
		t.Errorf("%d distinct deliveries of %d", len(seen), n)
	}
	ds, _ := f.s.WebhookDeliveries(ctx, w.ID, 100)
	servers := map[string]int{}
	for _, d := range ds {
		servers[d.Log[0].Server]++
	}
	if servers["server-a"] == 0 || servers["server-b"] == 0 {
		t.Errorf("one server sent everything: %v", servers)
	}
}

func TestSendTestEvent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rcv, w, secret := hookedReceiver(t, f, EventClaimCorrected)
	runSender(t, f.s, quickSender(time.Hour))
	if err := f.s.SendTestEvent(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "the test event", func() bool { return len(rcv.received()) == 1 })
	r := rcv.received()[0]
	if r.event != EventTest || !webhook.Verify(secret, r.body, r.sig) {
		t.Errorf("test event %+v %s", r, r.body)
	}
	if err := f.s.SendTestEvent(ctx, w.ID+10); !IsNotFound(err) {
		t.Errorf("test event to no webhook: %v", err)
	}
}
