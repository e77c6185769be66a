package outbound

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// proxy is the transport's Proxy function: it picks the proxy for req and,
// since the guard cannot see the address a proxy dials, checks the target
// before handing it over (see the package comment).
func (c *Client) proxy(req *http.Request) (*url.URL, error) {
	pu, err := c.proxyFor(req.URL)
	if err != nil || c.cfg.AllowPrivate {
		return pu, err
	}
	if pu == nil {
		if c.proxyAddrs[hostPort(req.URL)] {
			return nil, &BlockedError{Host: req.URL.Host, Why: "the proxy's own"}
		}
		return nil, nil
	}
	ips, err := c.lookup(req.Context(), req.URL.Hostname())
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if why := Refusal(ip); why != "" {
			return nil, &BlockedError{Addr: ip, Why: why}
		}
	}
	return pu, nil
}

// proxyAddr is the host:port the transport dials for a proxy setting, as
// httpproxy reads it (a bare "host:port" means http).
func proxyAddr(setting string) string {
	if setting == "" {
		return ""
	}
	u, err := url.Parse(setting)
	if err != nil || u.Host == "" || !strings.Contains(setting, "://") {
		u, err = url.Parse("http://" + setting)
		if err != nil {
			return ""
		}
	}
	return hostPort(u)
}

// hostPort is u's host with the scheme's default port filled in, the form
// the transport passes to the dialer.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch u.Scheme {
		case "https":
			port = "443"
		case "socks5", "socks5h":
			port = "1080"
		default:
			port = "80"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}
