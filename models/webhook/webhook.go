// Package webhook is how Claimdesk tells a newsroom's other systems (its
// CMS, a chat bot) that something was published or corrected: the signing
// of a delivery, its sending over a guarded HTTP client, and the schedule of
// retries. It holds no state and knows no database; the store keeps the
// queue and calls it.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Header names of a delivery.
const (
	// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the raw
	// body under the webhook's secret.
	SignatureHeader = "X-Claimdesk-Signature"
	// TimestampHeader is the Unix time the attempt was sent. The same value
	// is the body's "sent_at", so it is covered by the signature: a receiver
	// that checks the signature and refuses a timestamp more than a few
	// minutes old cannot be fooled by a replayed request.
	TimestampHeader = "X-Claimdesk-Timestamp"
	// DeliveryHeader is the delivery's id, the same on every attempt, for
	// receivers to drop duplicates (delivery is at least once).
	DeliveryHeader = "X-Claimdesk-Delivery"
	// EventHeader is the event type ("claim.published").
	EventHeader = "X-Claimdesk-Event"
)

// Sign is the signature header's value for body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a signature header's value against body and secret in
// constant time; receivers written in Go can use it as is.
func Verify(secret string, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// Doer sends one HTTP request. The store hands in the guarded outbound
// client, which refuses non-public addresses and bounds time and size.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Delivery is one attempt to send an event to a webhook.
type Delivery struct {
	URL, Secret string
	// ID is the delivery id, the same on every attempt.
	ID, Event string
	// Payload is the event's JSON object without "sent_at", which Body adds.
	Payload []byte
}

// Result is what an attempt came to.
type Result struct {
	Status   int
	Duration time.Duration
	// Err says why the attempt failed (a status outside 2xx included); ""
	// on success.
	Err string
}

// OK reports whether the receiver took the delivery.
func (r Result) OK() bool { return r.Err == "" }

// Body is the payload with "sent_at" (Unix seconds) added as its first
// field: what is signed and sent.
func Body(payload []byte, sentAt time.Time) []byte {
	p := bytes.TrimSpace(payload)
	var b bytes.Buffer
	b.WriteString(`{"sent_at":`)
	b.WriteString(strconv.FormatInt(sentAt.Unix(), 10))
	if rest := bytes.TrimPrefix(p, []byte("{")); len(bytes.TrimSpace(rest)) > 1 {
		b.WriteByte(',')
		b.Write(rest)
	} else {
		b.WriteByte('}')
	}
	return b.Bytes()
}

// maxErrorText bounds the part of a receiver's answer kept with an error.
const maxErrorText = 300

// Send makes one attempt: a POST of the signed body, which counts as
// delivered on any 2xx answer. ctx bounds the attempt.
func Send(ctx context.Context, client Doer, d Delivery, now time.Time) Result {
	body := Body(d.Payload, now)
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(body))
	if err != nil {
		return Result{Err: err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Claimdesk-Webhooks/1")
	req.Header.Set(SignatureHeader, Sign(d.Secret, body))
	req.Header.Set(TimestampHeader, strconv.FormatInt(now.Unix(), 10))
	req.Header.Set(DeliveryHeader, d.ID)
	req.Header.Set(EventHeader, d.Event)
	resp, err := client.Do(req)
	if err != nil {
		return Result{Duration: time.Since(start), Err: err.Error()}
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorText))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	r := Result{Status: resp.StatusCode, Duration: time.Since(start)}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		r.Err = "HTTP " + strconv.Itoa(resp.StatusCode)
		if s := strings.TrimSpace(string(snippet)); s != "" {
			r.Err += ": " + strings.ToValidUTF8(s, "")
		}
	}
	return r
}

// Backoff is the schedule of retries: the first after First, each later one
// twice as long as the one before, up to Max, with a random share of Jitter
// either way so that deliveries that failed together do not return
// together; a delivery still failing GiveUpAfter its first attempt is
// marked failed.
type Backoff struct {
	First, Max, GiveUpAfter time.Duration
	Jitter                  float64
}

// DefaultBackoff retries for a day: 10 s, 20 s, 40 s … up to 6 h apart.
func DefaultBackoff() Backoff {
	return Backoff{First: 10 * time.Second, Max: 6 * time.Hour, GiveUpAfter: 24 * time.Hour, Jitter: 0.2}
}

// Delay is how long to wait after failed attempt number n (1 for the first).
func (b Backoff) Delay(n int) time.Duration {
	d := b.First
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	if b.Jitter > 0 {
		d += time.Duration((rand.Float64()*2 - 1) * b.Jitter * float64(d))
	}
	return max(d, time.Millisecond)
}

// GiveUp reports whether a delivery first tried at first and failing again
// at now has been retried long enough.
func (b Backoff) GiveUp(first, now time.Time) bool {
	return now.Sub(first) >= b.GiveUpAfter
}
