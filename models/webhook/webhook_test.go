package webhook

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

func TestBodyAddsSentAt(t *testing.T) {
	at := time.Unix(1780000000, 0)
	for _, p := range []string{`{"id":"d1","type":"claim.published"}`, ` {} `, `{ "a": [1] }`} {
		b := Body([]byte(p), at)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s → %s: %v", p, b, err)
		}
		if m["sent_at"] != float64(1780000000) {
			t.Errorf("%s → %s", p, b)
		}
	}
}

// A receiver checks the signature over the raw body, and the timestamp
// header against the body it signed.
func TestSendSignsBodyAndTimestamp(t *testing.T) {
	var got struct {
		body                  []byte
		sig, ts, id, ev, ctyp string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.body, _ = io.ReadAll(r.Body)
		got.sig, got.ts = r.Header.Get(SignatureHeader), r.Header.Get(TimestampHeader)
		got.id, got.ev, got.ctyp = r.Header.Get(DeliveryHeader), r.Header.Get(EventHeader), r.Header.Get("Content-Type")
		w.WriteHeader(204)
	}))
	defer srv.Close()
	now := time.Unix(1780000123, 0)
	res := Send(context.Background(), srv.Client(), Delivery{URL: srv.URL, Secret: "s3cret", ID: "dlv-1", Event: "claim.corrected",
		Payload: []byte(`{"id":"dlv-1","type":"claim.corrected"}`)}, now)
	if !res.OK() || res.Status != 204 {
		t.Fatalf("result %+v", res)
	}
	if !Verify("s3cret", got.body, got.sig) || Verify("other", got.body, got.sig) {
		t.Fatalf("signature %q does not verify the body %s", got.sig, got.body)
	}
	var m map[string]any
	json.Unmarshal(got.body, &m)
	if got.ts != "1780000123" || strconv.FormatFloat(m["sent_at"].(float64), 'f', 0, 64) != got.ts {
		t.Errorf("timestamp header %q, body sent_at %v", got.ts, m["sent_at"])
	}
	if got.id != "dlv-1" || got.ev != "claim.corrected" || got.ctyp != "application/json" {
		t.Errorf("headers %+v", got)
	}
	tampered := append([]byte{}, got.body...)
	tampered[len(tampered)-2] ^= 1
	if Verify("s3cret", tampered, got.sig) {
		t.Error("a changed body still verifies")
	}
}

func TestSendFailures(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database down", 500)
	}))
	res := Send(context.Background(), srv.Client(), Delivery{URL: srv.URL, Payload: []byte(`{}`)}, time.Now())
	if res.OK() || res.Status != 500 || res.Err != "HTTP 500: database down" {
		t.Errorf("500: %+v", res)
	}
	srv.Close()
	res = Send(context.Background(), http.DefaultClient, Delivery{URL: srv.URL, Payload: []byte(`{}`)}, time.Now())
	if res.OK() || res.Status != 0 || res.Err == "" {
		t.Errorf("down: %+v", res)
	}
}

func TestBackoffGrowsWithJitterAndLastsADay(t *testing.T) {
	b := DefaultBackoff()
	var total time.Duration
	prev := time.Duration(0)
	n := 0
	for n = 1; !b.GiveUp(time.Time{}, time.Time{}.Add(total)); n++ {
		d := b.Delay(n)
		if lo, hi := 0.8*float64(min(b.First<<(n-1), b.Max)), 1.2*float64(min(b.First<<(n-1), b.Max)); n < 20 && (float64(d) < lo || float64(d) > hi) {
			t.Errorf("delay %d = %v, outside %v–%v", n, d, time.Duration(lo), time.Duration(hi))
		}
		if n > 1 && n < 12 && d < prev/2 {
			t.Errorf("delay %d = %v shrank from %v", n, d, prev)
		}
		prev = d
		total += d
		if n > 100 {
			t.Fatal("never gives up")
		}
	}
	if total < 24*time.Hour || total > 31*time.Hour {
		t.Errorf("gave up after %v and %d attempts", total, n)
	}
	// The same attempt gets different delays: the jitter spreads them.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[b.Delay(3)] = true
	}
	if len(seen) < 5 {
		t.Errorf("no jitter: %v", seen)
	}
}
