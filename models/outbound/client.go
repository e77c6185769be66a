package outbound

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Client is the guarded HTTP client. It is safe for concurrent use; build
// one per process with New and share it.
type Client struct {
	cfg  Config
	http *http.Client
	// proxyFor picks the proxy for a URL (nil for a direct connection).
	proxyFor func(*url.URL) (*url.URL, error)
	// proxyAddrs are the host:port of the configured proxies, the only
	// addresses dialled without the guard.
	proxyAddrs map[string]bool
	// plain dials the configured proxies; dialIP dials every other address,
	// with the guard in its Control function.
	plain  *net.Dialer
	dialIP func(ctx context.Context, network, addr string) (net.Conn, error)
}

// New builds a client with cfg's limits; zero fields take their defaults.
func New(cfg Config) *Client {
	cfg = cfg.withDefaults()
	c := &Client{
		cfg:        cfg,
		proxyFor:   cfg.Proxy.ProxyFunc(),
		proxyAddrs: map[string]bool{},
		plain:      &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second},
	}
	for _, p := range []string{cfg.Proxy.HTTPProxy, cfg.Proxy.HTTPSProxy} {
		if addr := proxyAddr(p); addr != "" {
			c.proxyAddrs[addr] = true
		}
	}
	guarded := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		guarded.Control = guardControl
	}
	c.dialIP = guarded.DialContext
	transport := &http.Transport{
		Proxy:                  c.proxy,
		DialContext:            c.dial,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    cfg.ConnectTimeout,
		ResponseHeaderTimeout:  cfg.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           32,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	c.http = &http.Client{Transport: transport, Timeout: cfg.TotalTimeout, CheckRedirect: c.checkRedirect}
	return c
}

// MaxBodyBytes is the body limit in force, for messages and for callers
// that size buffers.
func (c *Client) MaxBodyBytes() int64 { return c.cfg.MaxBodyBytes }

// UserAgent is the User-Agent sent with every request.
func (c *Client) UserAgent() string { return c.cfg.UserAgent }

// Conditional carries the validators of an earlier response, so a caller
// polling a page (a followed live blog) is answered 304 when nothing changed.
type Conditional struct {
	ETag         string
	LastModified string
}

// ValidatorsOf returns the validators of resp, to send with the next request.
func ValidatorsOf(resp *http.Response) Conditional {
	return Conditional{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
}

// Get fetches rawURL, sending cond's validators when set. A 304 answer is
// returned as is (with an empty body) for the caller to handle.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	return c.Do(req)
}

// Do sends req through the guard. The response body stops at the size limit:
// reading past it fails with an error wrapping ErrTooLarge, and a response
// that announces a larger Content-Length fails here at once. The caller
// closes the body.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	if err := checkScheme(req.URL); err != nil {
		return nil, err
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > c.cfg.MaxBodyBytes {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %w (%d bytes announced, limit %d)", req.URL.Redacted(), ErrTooLarge, resp.ContentLength, c.cfg.MaxBodyBytes)
	}
	resp.Body = &limitedBody{rc: resp.Body, left: c.cfg.MaxBodyBytes, limit: c.cfg.MaxBodyBytes}
	return resp, nil
}

// CloseIdleConnections closes kept-alive connections, for a clean shutdown.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// checkScheme refuses any URL that is not http or https with a host.
func checkScheme(u *url.URL) error {
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &SchemeError{URL: u.Redacted()}
	}
	return nil
}

// checkRedirect bounds and re-checks every redirect; the dialer checks the
// new address when it connects.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if c.cfg.MaxRedirects < 0 {
		return http.ErrUseLastResponse
	}
	if len(via) > c.cfg.MaxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, c.cfg.MaxRedirects)
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	return nil
}

// dial connects to addr. The configured proxies are dialled as they are;
// every other host is resolved here and each address dialled through the
// guarded dialer, whose Control refuses non-public addresses.
func (c *Client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if c.proxyAddrs[addr] {
		return c.plain.DialContext(ctx, network, addr)
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	ips, err := c.lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	var firstErr error
	for _, ip := range ips {
		conn, err := c.dialIP(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, firstErr
}

// lookup turns host into addresses: IP literals and the numeric forms
// resolvers accept are read here, names go to the resolver.
func (c *Client) lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, ok := numericHost(host); ok {
		return []netip.Addr{ip}, nil
	}
	var ips []netip.Addr
	var err error
	if c.cfg.Resolve != nil {
		ips, err = c.cfg.Resolve(ctx, host)
	} else {
		ips, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	}
	if err != nil {
		return nil, err
	}
	if len(ips) == 0 {
		return nil, fmt.Errorf("no address found for %s", host)
	}
	return ips, nil
}

// guardControl runs after the socket is made and before it connects: the
// address here is the one actually dialled, whatever resolved it.
func guardControl(network, address string, _ syscall.RawConn) error {
	if network != "tcp4" && network != "tcp6" {
		return fmt.Errorf("refused to dial %s over %s: only TCP is used", address, network)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refused to dial %q: cannot read the address: %w", address, err)
	}
	if why := Refusal(ap.Addr()); why != "" {
		return &BlockedError{Addr: ap.Addr(), Why: why}
	}
	return nil
}

// limitedBody reads at most limit bytes of a response body and fails with
// ErrTooLarge when the body goes on past them.
type limitedBody struct {
	rc    io.ReadCloser
	left  int64
	limit int64
}

// Read passes reads through until the limit, then probes for one more byte.
func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("%w (limit %d bytes)", ErrTooLarge, b.limit)
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

// Close closes the underlying body.
func (b *limitedBody) Close() error { return b.rc.Close() }
