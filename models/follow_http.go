package models

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

// HTTPPageFetcher fetches followed pages over HTTP with the rules of
// outbound fetching: only http and https, a time limit, a size limit, and
// never a loopback, private, link-local or otherwise non-public address
// (checked on the address actually dialled, so neither DNS nor a redirect
// can lead there) unless AllowPrivate is set.
type HTTPPageFetcher struct {
	AllowPrivate bool
	// Timeout bounds one fetch, redirects included (default 30 s).
	Timeout time.Duration
	client  *http.Client
}

// NewHTTPPageFetcher builds the fetcher.
func NewHTTPPageFetcher(allowPrivate bool, timeout time.Duration) *HTTPPageFetcher {
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	f := &HTTPPageFetcher{AllowPrivate: allowPrivate, Timeout: timeout}
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: f.control}
	tr := &http.Transport{DialContext: dialer.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		ResponseHeaderTimeout: timeout, MaxIdleConnsPerHost: 2, IdleConnTimeout: 90 * time.Second}
	f.client = &http.Client{Transport: tr, Timeout: timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("more than 5 redirects")
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to a %s: URL", req.URL.Scheme)
		}
		return nil
	}}
	return f
}

// control refuses to connect to an address that is not public.
func (f *HTTPPageFetcher) control(network, address string, _ syscall.RawConn) error {
	if f.AllowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast() || !ip.IsGlobalUnicast() {
		return fmt.Errorf("refusing to fetch from the non-public address %s", host)
	}
	return nil
}

// FetchPage makes one conditional GET.
func (f *HTTPPageFetcher) FetchPage(ctx context.Context, pr PageRequest) (*PageResponse, error) {
	u, err := url.Parse(pr.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("the URL is not an http or https URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "Claimdesk live-blog follower")
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	if pr.ETag != "" {
		req.Header.Set("If-None-Match", pr.ETag)
	}
	if pr.LastModified != "" {
		req.Header.Set("If-Modified-Since", pr.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching the page: %w", err)
	}
	defer resp.Body.Close()
	out := &PageResponse{Status: resp.StatusCode, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		NotModified: resp.StatusCode == http.StatusNotModified, ContentType: resp.Header.Get("Content-Type")}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		out.RetryAfter = time.Duration(s) * time.Second
	}
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, nil
	}
	limit := pr.MaxBytes
	if limit <= 0 {
		limit = 8 << 20
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("the page is larger than %d MB", limit>>20)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("the page is larger than %d MB", limit>>20)
	}
	out.Body = body
	return out, nil
}
