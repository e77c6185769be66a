package outbound

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// loopbackOnly replaces a client's guarded dialer with one that fails the
// test for any address that is not loopback, before any packet is sent, and
// otherwise dials with the guard (or with allow, for one test server).
func loopbackOnly(t *testing.T, c *Client, allow string) {
	t.Helper()
	d := &net.Dialer{Timeout: time.Second}
	d.Control = func(network, address string, rc syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !ap.Addr().Unmap().IsLoopback() {
			t.Errorf("dial to %s attempted: tests may only reach loopback", address)
			return errors.New("test refuses non-loopback traffic")
		}
		if address == allow || c.cfg.AllowPrivate {
			return nil
		}
		return guardControl(network, address, rc)
	}
	c.dialIP = d.DialContext
}

// newTestClient builds a client with cfg whose dials can only reach loopback.
func newTestClient(t *testing.T, cfg Config) *Client {
	c := New(cfg)
	loopbackOnly(t, c, "")
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func get(t *testing.T, c *Client, rawURL string) (string, *http.Response, error) {
	t.Helper()
	resp, err := c.Get(context.Background(), rawURL, Conditional{})
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), resp, err
}

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello %s via %s", r.Host, r.UserAgent())
}

func TestGuardRefusesLoopbackInEveryForm(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	resolve := func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "rebound.example" {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return nil, fmt.Errorf("no such host %s", host)
	}
	guarded := newTestClient(t, Config{Resolve: resolve})
	open := newTestClient(t, Config{AllowPrivate: true, Resolve: resolve})
	for _, host := range []string{"127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "rebound.example", "localhost"} {
		u := fmt.Sprintf("http://%s:%d/", host, port)
		if host == "localhost" {
			// the system resolver reads /etc/hosts; no DNS traffic.
			guarded2 := newTestClient(t, Config{})
			_, _, err := get(t, guarded2, u)
			assertBlocked(t, u, err)
			continue
		}
		_, _, err := get(t, guarded, u)
		assertBlocked(t, u, err)
		body, _, err := get(t, open, u)
		if err != nil || !strings.HasPrefix(body, "hello "+host) {
			t.Errorf("%s with private addresses allowed: %q %v", u, body, err)
		}
	}
	if ln, err := net.Listen("tcp6", "[::1]:0"); err == nil {
		srv6 := httptest.NewUnstartedServer(http.HandlerFunc(hello))
		srv6.Listener.Close()
		srv6.Listener = ln
		srv6.Start()
		defer srv6.Close()
		p6 := ln.Addr().(*net.TCPAddr).Port
		for _, host := range []string{"[::1]", "[::ffff:127.0.0.1]"} {
			u := fmt.Sprintf("http://%s:%d/", host, p6)
			_, _, err := get(t, guarded, u)
			assertBlocked(t, u, err)
		}
	}
}

func assertBlocked(t *testing.T, u string, err error) {
	t.Helper()
	var blocked *BlockedError
	if !errors.As(err, &blocked) || Kind(err) != KindBlocked {
		t.Errorf("%s: want a refused address, got %v", u, err)
		return
	}
	if !strings.Contains(err.Error(), "loopback") || !strings.Contains(err.Error(), "CLAIMDESK_FETCH_ALLOW_PRIVATE") {
		t.Errorf("%s: message %q should say loopback and how to allow it", u, err)
	}
}

func TestRedirectToInternalAddressIsRefused(t *testing.T) {
	internal := httptest.NewServer(http.HandlerFunc(hello))
	defer internal.Close()
	var publicHits atomic.Int32
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		publicHits.Add(1)
		http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
	}))
	defer public.Close()
	c := New(Config{})
	// the "public" server counts as public for this test, nothing else does.
	loopbackOnly(t, c, public.Listener.Addr().String())
	defer c.CloseIdleConnections()
	_, _, err := get(t, c, public.URL+"/start")
	if publicHits.Load() != 1 {
		t.Fatalf("the first hop was not fetched (%d hits): %v", publicHits.Load(), err)
	}
	assertBlocked(t, "redirect", err)
}

func TestSchemesOtherThanHTTPAreRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer srv.Close()
	c := newTestClient(t, Config{AllowPrivate: true})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:alert(1)", "http:///nohost", srv.URL} {
		_, _, err := get(t, c, u)
		var se *SchemeError
		if !errors.As(err, &se) || Kind(err) != KindScheme {
			t.Errorf("%s: want a refused scheme, got %v", u, err)
		}
	}
}

func TestRedirectsAreBoundedAndCarryTheUserAgent(t *testing.T) {
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.UserAgent())
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		io.WriteString(w, "arrived")
	}))
	defer srv.Close()
	c := newTestClient(t, Config{AllowPrivate: true, MaxRedirects: 3, ContactURL: "https://desk.example.org"})
	body, resp, err := get(t, c, srv.URL+"/hop/3")
	if err != nil || body != "arrived" || resp.Request.URL.Path != "/hop/0" {
		t.Fatalf("three redirects: %q %v", body, err)
	}
	for _, a := range agents {
		if a != "Claimdesk/1.0 (newsroom claim-verification tracker; +https://desk.example.org)" {
			t.Errorf("User-Agent %q", a)
		}
	}
	_, _, err = get(t, c, srv.URL+"/hop/4")
	if !errors.Is(err, ErrTooManyRedirects) || Kind(err) != KindRedirects {
		t.Errorf("four redirects: want too many, got %v", err)
	}
	none := newTestClient(t, Config{AllowPrivate: true, MaxRedirects: -1})
	_, resp, err = get(t, none, srv.URL+"/hop/1")
	if err != nil || resp.StatusCode != http.StatusFound {
		t.Errorf("no redirects followed: want the 302 itself, got %v %v", resp, err)
	}
}

func TestBodyLimitIsAnErrorCallersTellApart(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 1000
		fmt.Sscanf(r.URL.Query().Get("n"), "%d", &n)
		if r.URL.Query().Get("announce") == "" {
			w.(http.Flusher).Flush() // chunked: no Content-Length to warn us
		} else {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		w.Write([]byte(strings.Repeat("x", n)))
	}))
	defer srv.Close()
	c := newTestClient(t, Config{AllowPrivate: true, MaxBodyBytes: 1000})
	body, _, err := get(t, c, srv.URL+"/?n=1000")
	if err != nil || len(body) != 1000 {
		t.Fatalf("a body at the limit: %d bytes, %v", len(body), err)
	}
	body, _, err = get(t, c, srv.URL+"/?n=1001")
	if !errors.Is(err, ErrTooLarge) || Kind(err) != KindTooLarge || len(body) != 1000 {
		t.Errorf("a body one byte over: got %d bytes, %v", len(body), err)
	}
	_, _, err = get(t, c, srv.URL+"/?n=5000&announce=1")
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("an announced large body: want too large, got %v", err)
	}
}

func TestTimeLimits(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-body" {
			w.Write([]byte("start"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	c := newTestClient(t, Config{AllowPrivate: true, HeaderTimeout: 100 * time.Millisecond, TotalTimeout: 400 * time.Millisecond})
	start := time.Now()
	_, _, err := get(t, c, srv.URL+"/slow-headers")
	if Kind(err) != KindTimeout || time.Since(start) > 5*time.Second {
		t.Errorf("slow headers: want a timeout, got %v after %s", err, time.Since(start))
	}
	body, _, err := get(t, c, srv.URL+"/slow-body")
	if Kind(err) != KindTimeout || body != "start" {
		t.Errorf("slow body: want a timeout after %q, got %q %v", "start", body, err)
	}
}

func TestConditionalRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 02 Dec 2026 10:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, "page")
	}))
	defer srv.Close()
	c := newTestClient(t, Config{AllowPrivate: true})
	resp, err := c.Get(context.Background(), srv.URL, Conditional{})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("first fetch: %v %v", resp, err)
	}
	resp.Body.Close()
	cond := ValidatorsOf(resp)
	resp, err = c.Get(context.Background(), srv.URL, cond)
	if err != nil || resp.StatusCode != http.StatusNotModified {
		t.Fatalf("conditional fetch: want 304, got %v %v", resp, err)
	}
	resp.Body.Close()
}

func TestProxyFromEnvironmentIsUsedAndTargetsChecked(t *testing.T) {
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.RequestURI)
		fmt.Fprintf(w, "proxied %s", r.RequestURI)
	}))
	defer proxy.Close()
	resolve := func(_ context.Context, host string) ([]netip.Addr, error) {
		switch host {
		case "intranet.example":
			return []netip.Addr{netip.MustParseAddr("93.184.216.34"), netip.MustParseAddr("192.168.1.10")}, nil
		case "news.example":
			return []netip.Addr{netip.MustParseAddr("93.184.216.34")}, nil
		}
		return nil, fmt.Errorf("no such host %s", host)
	}
	cfg, err := ConfigFromEnv(func(k string) string {
		return map[string]string{"http_proxy": proxy.URL, "NO_PROXY": "skip.example"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Resolve = resolve
	c := newTestClient(t, cfg)

	body, _, err := get(t, c, "http://news.example/live")
	if err != nil || body != "proxied http://news.example/live" {
		t.Fatalf("a public name through the proxy: %q %v", body, err)
	}
	for _, u := range []string{"http://10.1.2.3/", "http://intranet.example/", "http://169.254.169.254/latest/meta-data/", "http://0x7f000001/"} {
		_, _, err := get(t, c, u)
		var blocked *BlockedError
		if !errors.As(err, &blocked) {
			t.Errorf("%s through the proxy: want refused before the proxy, got %v", u, err)
		}
	}
	// the proxy's own address, asked for directly, would skip the guard.
	_, _, err = get(t, c, proxy.URL+"/admin")
	if Kind(err) != KindBlocked {
		t.Errorf("the proxy's own address: want refused, got %v", err)
	}
	if len(seen) != 1 {
		t.Errorf("the proxy saw %v; only the public fetch should reach it", seen)
	}
	if cfg.Proxy != (httpproxy.Config{HTTPProxy: proxy.URL, NoProxy: "skip.example"}) {
		t.Errorf("proxy settings read as %+v", cfg.Proxy)
	}
}

func TestConfigFromEnvRefusesTypos(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cfg, err := ConfigFromEnv(env("CLAIMDESK_FETCH_ALLOW_PRIVATE", "on", "CLAIMDESK_FETCH_MAX_MB", "3", "CLAIMDESK_FETCH_TIMEOUT", "5s", "CLAIMDESK_FETCH_MAX_REDIRECTS", "0"))
	if err != nil || !cfg.AllowPrivate || cfg.MaxBodyBytes != 3<<20 || cfg.TotalTimeout != 5*time.Second || cfg.MaxRedirects != -1 {
		t.Errorf("read %+v, %v", cfg, err)
	}
	cfg, err = ConfigFromEnv(env())
	if err != nil || cfg.AllowPrivate {
		t.Errorf("the default must keep the guard on: %+v %v", cfg, err)
	}
	for _, kv := range [][]string{
		{"CLAIMDESK_FETCH_ALLOW_PRIVATE", "yes"},
		{"CLAIMDESK_FETCH_ALLOW_PRIVATE", "ON "},
		{"CLAIMDESK_FETCH_MAX_MB", "-1"},
		{"CLAIMDESK_FETCH_TIMEOUT", "ten"},
		{"CLAIMDESK_FETCH_MAX_REDIRECTS", "50"},
	} {
		if _, err := ConfigFromEnv(env(kv...)); err == nil || !strings.Contains(err.Error(), kv[0]) {
			t.Errorf("%s=%q: want an error naming it, got %v", kv[0], kv[1], err)
		}
	}
}

func TestProxyAddr(t *testing.T) {
	for in, want := range map[string]string{
		"http://proxy.corp:3128":  "proxy.corp:3128",
		"proxy.corp:3128":         "proxy.corp:3128",
		"https://proxy.corp":      "proxy.corp:443",
		"socks5://10.0.0.1":       "10.0.0.1:1080",
		"http://user:pw@10.0.0.2": "10.0.0.2:80",
		"":                        "",
	} {
		if got := proxyAddr(in); got != want {
			t.Errorf("proxyAddr(%q) = %q, want %q", in, got, want)
		}
	}
	u, _ := url.Parse("http://[::1]/x")
	if hostPort(u) != "[::1]:80" {
		t.Errorf("hostPort = %s", hostPort(u))
	}
}
