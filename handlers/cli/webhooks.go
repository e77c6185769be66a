package cli

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"claimdesk/models"
	"claimdesk/models/webhook"
)

// webhookSender reads the sender's settings from the environment:
// CLAIMDESK_WEBHOOK_RETRY_FIRST (the first retry's delay, 10s),
// CLAIMDESK_WEBHOOK_RETRY_FOR (how long a failing delivery is retried, 24h)
// and CLAIMDESK_WEBHOOK_TIMEOUT (one attempt, 15s). A malformed value is an
// error rather than a silent default.
func webhookSender(env Env, logger *slog.Logger) (models.WebhookSender, error) {
	b := webhook.DefaultBackoff()
	w := models.WebhookSender{Log: logger, Timeout: models.DefaultWebhookTimeout}
	for _, s := range []struct {
		key string
		dst *time.Duration
	}{
		{"CLAIMDESK_WEBHOOK_RETRY_FIRST", &b.First},
		{"CLAIMDESK_WEBHOOK_RETRY_FOR", &b.GiveUpAfter},
		{"CLAIMDESK_WEBHOOK_TIMEOUT", &w.Timeout},
	} {
		if v := env.Getenv(s.key); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return w, fmt.Errorf("%s=%q: want a duration such as 30s", s.key, v)
			}
			*s.dst = d
		}
	}
	b.Max = max(b.Max, b.First)
	w.Backoff = b
	client, err := webhookClient(env, w.Timeout)
	if err != nil {
		return w, err
	}
	w.Client = client
	return w, nil
}

// runWebhooks sends webhook deliveries until ctx ends; the returned wait
// blocks until the attempts in flight are recorded.
func runWebhooks(ctx context.Context, st *models.Store, w models.WebhookSender) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		st.RunWebhooks(ctx, w)
	}()
	return func() { <-done }
}

// onOff reads an on/off switch from the environment (unset: off).
func onOff(env Env, key string) (bool, error) {
	switch v := env.Getenv(key); v {
	case "", "off":
		return false, nil
	case "on":
		return true, nil
	default:
		return false, fmt.Errorf("%s=%q: want on or off", key, v)
	}
}
