package models

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"claimdesk/models/webhook"
)

// WebhookSender is how this process sends the queued deliveries: through
// which HTTP client (the guarded outbound one), how many at a time, and on
// what schedule it retries. Zero fields take the defaults.
type WebhookSender struct {
	Client webhook.Doer
	// Backoff is the retry schedule (webhook.DefaultBackoff when zero).
	Backoff webhook.Backoff
	// Sends bounds the attempts in flight at once (8); PerWebhook bounds
	// them per webhook (2), so a slow receiver cannot take every slot.
	Sends, PerWebhook int
	// Timeout bounds one attempt (15 s); Poll is how often the queue is
	// looked at when nothing wakes the sender (1 s).
	Timeout, Poll time.Duration
	// Server names this process in leases and the delivery log.
	Server string
	Log    *slog.Logger
}

// DefaultWebhookTimeout bounds one attempt when WebhookSender leaves it zero.
const DefaultWebhookTimeout = 15 * time.Second

func (w *WebhookSender) defaults() {
	if w.Backoff.First <= 0 {
		w.Backoff = webhook.DefaultBackoff()
	}
	if w.Sends <= 0 {
		w.Sends = 8
	}
	if w.PerWebhook <= 0 {
		w.PerWebhook = 2
	}
	if w.Timeout <= 0 {
		w.Timeout = DefaultWebhookTimeout
	}
	if w.Poll <= 0 {
		w.Poll = time.Second
	}
	if w.Server == "" {
		host, _ := os.Hostname()
		w.Server = fmt.Sprintf("%s:%d:%s", host, os.Getpid(), randomToken(3))
	}
	if w.Log == nil {
		w.Log = slog.Default()
	}
}

// RunWebhooks sends queued deliveries until ctx ends, then waits for the
// attempts in flight. Every server on a database may run it: each delivery
// is leased by one of them at a time (see leaseDeliveries), and a lease left
// by a server that died runs out after the attempt's timeout, so the
// delivery is sent again (at least once; receivers drop repeats by id).
func (s *Store) RunWebhooks(ctx context.Context, w WebhookSender) {
	w.defaults()
	// An attempt ends within its timeout; the lease outlasts it with room
	// to record the outcome, and no longer, so a server that died holds
	// its deliveries only briefly.
	lease := 2*w.Timeout + 5*time.Second
	var mu sync.Mutex
	inflight := map[int64]int{}
	total := 0
	done := make(chan struct{}, w.Sends)
	var wg sync.WaitGroup
	defer wg.Wait()
	tick := time.NewTicker(w.Poll)
	defer tick.Stop()
	for {
		mu.Lock()
		free := w.Sends - total
		mu.Unlock()
		if free > 0 {
			busy := func(id int64) bool {
				mu.Lock()
				defer mu.Unlock()
				return inflight[id] >= w.PerWebhook
			}
			leased, err := s.leaseDeliveries(ctx, w.Server, free, lease, busy)
			if err != nil && ctx.Err() == nil {
				w.Log.Error("webhooks: reading the queue", "err", err)
			}
			for i := range leased {
				d := leased[i]
				mu.Lock()
				inflight[d.WebhookID]++
				total++
				mu.Unlock()
				wg.Add(1)
				go func() {
					defer wg.Done()
					s.attempt(ctx, &w, &d)
					mu.Lock()
					inflight[d.WebhookID]--
					total--
					mu.Unlock()
					select {
					case done <- struct{}{}:
					default: // the loop will look again anyway
					}
				}()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-s.webhookWake:
		case <-done:
		case <-tick.C:
		}
	}
}

// attempt sends one leased delivery and records the outcome. A shutdown
// (ctx ending) does not cut an attempt short; the attempt's own timeout
// bounds it.
func (s *Store) attempt(ctx context.Context, w *WebhookSender, d *leasedDelivery) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.Timeout)
	defer cancel()
	sentAt := s.Now()
	res := webhook.Send(actx, w.Client, webhook.Delivery{URL: d.URL, Secret: d.Secret, ID: d.DeliveryID,
		Event: d.EventType, Payload: []byte(d.Payload)}, sentAt)
	if err := s.recordAttempt(context.WithoutCancel(ctx), w.Server, d, res, w.Backoff, sentAt); err != nil {
		w.Log.Error("webhooks: recording an attempt", "delivery", d.DeliveryID, "err", err)
	}
}
