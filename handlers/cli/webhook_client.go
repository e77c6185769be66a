package cli

import (
	"time"

	"claimdesk/models/outbound"
)

// webhookClient is the guarded outbound client as webhook deliveries use
// it: the operator's outbound settings (CLAIMDESK_FETCH_ALLOW_PRIVATE,
// proxies; see models/outbound), no redirects (a receiver that moved must be
// updated, not followed), a small answer read, and the attempt's own time.
func webhookClient(env Env, attempt time.Duration) (*outbound.Client, error) {
	cfg, err := outbound.ConfigFromEnv(env.Getenv)
	if err != nil {
		return nil, err
	}
	cfg.MaxRedirects = -1
	cfg.MaxBodyBytes = 64 << 10
	cfg.TotalTimeout, cfg.HeaderTimeout = attempt, attempt
	return outbound.New(cfg), nil
}
