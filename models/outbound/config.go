package outbound

import (
	"context"
	"fmt"
	"net/netip"
	"strconv"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// Defaults used when a Config field is zero; documented in the README.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultHeaderTimeout  = 20 * time.Second
	DefaultTotalTimeout   = 60 * time.Second
	DefaultMaxBodyBytes   = 25 << 20
	DefaultMaxRedirects   = 5
	// DefaultUserAgent names Claimdesk so the owner of a fetched site can
	// tell who is calling; ContactURL is appended when set.
	DefaultUserAgent = "Claimdesk/1.0 (newsroom claim-verification tracker)"
)

// Config holds the limits of the outbound client. The zero value is usable:
// every zero field takes its Default*.
type Config struct {
	// AllowPrivate lifts the public-address rule (tests, closed networks).
	AllowPrivate bool
	// ConnectTimeout bounds the TCP connect and TLS handshake.
	ConnectTimeout time.Duration
	// HeaderTimeout bounds the wait for the response headers once sent.
	HeaderTimeout time.Duration
	// TotalTimeout bounds the whole exchange, redirects and body included.
	TotalTimeout time.Duration
	// MaxBodyBytes is how much of a response body may be read.
	MaxBodyBytes int64
	// MaxRedirects is how many redirects are followed; -1 follows none.
	MaxRedirects int
	// UserAgent replaces DefaultUserAgent when set.
	UserAgent string
	// ContactURL (the desk's base URL) is added to the User-Agent.
	ContactURL string
	// Proxy is the proxy setting, usually read from the environment; its
	// zero value means no proxy.
	Proxy httpproxy.Config
	// Resolve looks a host name up; nil means the system resolver. Tests
	// give a fixed table.
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)
}

// ConfigFromEnv reads the outbound settings from the environment through
// getenv (main passes os.Getenv): CLAIMDESK_FETCH_ALLOW_PRIVATE (on/off),
// CLAIMDESK_FETCH_TIMEOUT (a duration for the whole exchange),
// CLAIMDESK_FETCH_MAX_MB, CLAIMDESK_FETCH_MAX_REDIRECTS, CLAIMDESK_BASE_URL
// for the User-Agent's contact, and the usual HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY (upper or lower case). A malformed value is an error, so a typo
// never silently turns the guard off.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	var c Config
	switch v := getenv("CLAIMDESK_FETCH_ALLOW_PRIVATE"); v {
	case "", "off":
	case "on":
		c.AllowPrivate = true
	default:
		return c, fmt.Errorf("CLAIMDESK_FETCH_ALLOW_PRIVATE=%q: want on or off", v)
	}
	if v := getenv("CLAIMDESK_FETCH_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("CLAIMDESK_FETCH_TIMEOUT=%q: want a duration such as 60s", v)
		}
		c.TotalTimeout = d
	}
	if v := getenv("CLAIMDESK_FETCH_MAX_MB"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 || n > 1<<14 {
			return c, fmt.Errorf("CLAIMDESK_FETCH_MAX_MB=%q: want megabytes between 1 and 16384", v)
		}
		c.MaxBodyBytes = n << 20
	}
	if v := getenv("CLAIMDESK_FETCH_MAX_REDIRECTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 20 {
			return c, fmt.Errorf("CLAIMDESK_FETCH_MAX_REDIRECTS=%q: want 0 to 20", v)
		}
		c.MaxRedirects = n
		if n == 0 {
			c.MaxRedirects = -1
		}
	}
	c.ContactURL = getenv("CLAIMDESK_BASE_URL")
	c.Proxy = httpproxy.Config{
		HTTPProxy:  firstEnv(getenv, "HTTP_PROXY", "http_proxy"),
		HTTPSProxy: firstEnv(getenv, "HTTPS_PROXY", "https_proxy"),
		NoProxy:    firstEnv(getenv, "NO_PROXY", "no_proxy"),
	}
	return c, nil
}

// firstEnv returns the first non-empty variable of names.
func firstEnv(getenv func(string) string, names ...string) string {
	for _, n := range names {
		if v := getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// withDefaults fills the zero fields of c.
func (c Config) withDefaults() Config {
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.HeaderTimeout <= 0 {
		c.HeaderTimeout = DefaultHeaderTimeout
	}
	if c.TotalTimeout <= 0 {
		c.TotalTimeout = DefaultTotalTimeout
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxRedirects == 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
		if c.ContactURL != "" {
			c.UserAgent = DefaultUserAgent[:len(DefaultUserAgent)-1] + "; +" + c.ContactURL + ")"
		}
	}
	return c
}
