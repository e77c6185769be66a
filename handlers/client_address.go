package handlers

import (
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// ParseTrustedProxies reads CLAIMDESK_TRUSTED_PROXIES: comma-separated CIDRs
// (a bare address stands for itself alone). An entry that is neither is an
// error, so a typo does not silently trust nobody or everybody.
func ParseTrustedProxies(s string) ([]*net.IPNet, error) {
	var nets []*net.IPNet
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			ip := net.ParseIP(part)
			if ip == nil {
				return nil, fmt.Errorf("CLAIMDESK_TRUSTED_PROXIES: %q is not an address or CIDR", part)
			}
			bits := 128
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			nets = append(nets, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			return nil, fmt.Errorf("CLAIMDESK_TRUSTED_PROXIES: %q is not a CIDR: %w", part, err)
		}
		nets = append(nets, n)
	}
	return nets, nil
}

// trustProxies sets how echo finds a request's client address and scheme:
// the connection's own, unless the connection comes from one of the trusted
// proxies, which alone may name the client (X-Forwarded-For, else X-Real-IP)
// and the scheme (X-Forwarded-Proto). Echo's extractors trust loopback and
// private addresses by default; here nothing is trusted unless listed, since a
// colleague's machine on the newsroom network is no proxy.
func trustProxies(e *echo.Echo, proxies []*net.IPNet) {
	if len(proxies) == 0 {
		e.IPExtractor = echo.ExtractIPDirect()
		e.SchemeExtractor = echo.ExtractSchemeDirect()
		return
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range proxies {
		opts = append(opts, echo.TrustIPRange(n))
	}
	xff, realIP := echo.ExtractIPFromXFFHeader(opts...), echo.ExtractIPFromRealIPHeader(opts...)
	e.IPExtractor = func(r *http.Request) string {
		if len(r.Header.Values(echo.HeaderXForwardedFor)) > 0 {
			return xff(r)
		}
		return realIP(r)
	}
	e.SchemeExtractor = echo.ExtractSchemeFromHeaders(opts...)
}
