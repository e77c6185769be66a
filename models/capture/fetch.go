package capture

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"sort"
	"strings"
	"time"

	"claimdesk/models/outbound"
)

// Doer sends one request; *outbound.Client is the one Claimdesk uses, so
// every capture goes through the address guard and the limits.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// KindHTTP marks a capture whose server answered with an error status (4xx,
// 5xx): the answer is kept, but the capture counts as failed. The other
// failure kinds are outbound's (blocked, timeout, too_large, …).
const KindHTTP = "http_status"

// Result is one capture attempt, successful or not. Failed attempts are kept
// too, with ErrKind and Err saying why.
type Result struct {
	URL      string
	FinalURL string
	At       time.Time
	// HTTPStatus is 0 when no answer came.
	HTTPStatus  int
	ContentType string
	Body        []byte
	// SHA256 is the hex SHA-256 of Body, "" when there is no body.
	SHA256 string
	// IP is the address connected to (the proxy's, behind a proxy).
	IP string
	// RequestHead and ResponseHead are the HTTP message heads as sent and
	// received (start line, header lines, blank line), for the WARC records.
	RequestHead  string
	ResponseHead string
	ErrKind      string
	Err          string
}

// OK reports whether the capture holds a page worth citing.
func (r *Result) OK() bool { return r.ErrKind == "" }

// Fetch captures rawURL now. It never returns an error: every failure is a
// Result with the reason, since a failed capture is recorded like a good one.
// The body is read whole, bounded by the client's size limit.
func Fetch(ctx context.Context, client Doer, rawURL string, now time.Time) *Result {
	r := &Result{URL: rawURL, At: now.UTC()}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		r.ErrKind, r.Err = outbound.KindScheme, "the URL cannot be fetched: "+err.Error()
		return r
	}
	// The page as served, not re-encoded: its hash is the hash of the
	// bytes the server sent.
	req.Header.Set("Accept-Encoding", "identity")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,image/*,*/*;q=0.8")
	var ip string
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			if host, _, err := net.SplitHostPort(info.Conn.RemoteAddr().String()); err == nil {
				ip = host
			}
		},
	}))
	resp, err := client.Do(req)
	if err != nil {
		r.ErrKind, r.Err = outbound.Kind(err), err.Error()
		return r
	}
	defer resp.Body.Close()
	r.IP = ip
	r.FinalURL = resp.Request.URL.String()
	r.HTTPStatus = resp.StatusCode
	r.ContentType = resp.Header.Get("Content-Type")
	r.RequestHead = requestHead(resp.Request)
	r.ResponseHead = responseHead(resp)
	body := bytes.NewBuffer(make([]byte, 0, bodyCap(resp.ContentLength)))
	if _, err := io.Copy(body, resp.Body); err != nil {
		r.ErrKind, r.Err = outbound.Kind(err), "reading the page: "+err.Error()
		return r
	}
	r.Body = body.Bytes()
	sum := sha256.Sum256(r.Body)
	r.SHA256 = hex.EncodeToString(sum[:])
	if resp.StatusCode >= 400 {
		r.ErrKind, r.Err = KindHTTP, "the server answered "+resp.Status
	}
	return r
}

// bodyCap sizes the body buffer from Content-Length, within reason.
func bodyCap(n int64) int {
	if n <= 0 || n > 64<<20 {
		return 64 << 10
	}
	return int(n)
}

// requestHead writes the request's head as it went on the wire (HTTP/1.1
// form), with the headers Claimdesk set.
func requestHead(req *http.Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, req.URL.RequestURI(), req.URL.Host)
	writeHeader(&b, req.Header)
	b.WriteString("\r\n")
	return b.String()
}

// responseHead writes the response's status line and headers. An HTTP/2
// answer is written in HTTP/1.1 form, as web archives record it, since WARC
// readers parse HTTP/1.x message heads.
func responseHead(resp *http.Response) string {
	var b strings.Builder
	version := "HTTP/1.1"
	if resp.ProtoMajor == 1 && resp.ProtoMinor == 0 {
		version = "HTTP/1.0"
	}
	fmt.Fprintf(&b, "%s %s\r\n", version, resp.Status)
	writeHeader(&b, resp.Header)
	b.WriteString("\r\n")
	return b.String()
}

// writeHeader writes header lines sorted by name, dropping line breaks a
// header value could smuggle in.
func writeHeader(b *strings.Builder, h http.Header) {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	clean := strings.NewReplacer("\r", " ", "\n", " ")
	for _, k := range names {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s: %s\r\n", k, clean.Replace(v))
		}
	}
}
