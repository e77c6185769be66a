package capture

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/net/http/httpproxy"

	"claimdesk/models/outbound"
)

func testClient(cfg outbound.Config) *outbound.Client {
	cfg.AllowPrivate = true // the test servers are on 127.0.0.1
	return outbound.New(cfg)
}

func TestFetchKeepsTheServedBytesAndHeads(t *testing.T) {
	page := []byte("<html><body>Ministry statement \x00\xff binary-safe</body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new?x=1", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Note", "evil\r\nInjected: yes")
		w.Write(page)
	}))
	defer srv.Close()
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	r := Fetch(context.Background(), testClient(outbound.Config{}), srv.URL+"/old", at)
	if !r.OK() {
		t.Fatalf("capture failed: %s %s", r.ErrKind, r.Err)
	}
	sum := sha256.Sum256(page)
	if !bytes.Equal(r.Body, page) || r.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("body %q sha %s", r.Body, r.SHA256)
	}
	if r.FinalURL != srv.URL+"/new?x=1" || r.HTTPStatus != 200 || r.ContentType != "text/html; charset=utf-8" || r.IP != "127.0.0.1" || !r.At.Equal(at) {
		t.Errorf("result %+v", r)
	}
	if !strings.HasPrefix(r.RequestHead, "GET /new?x=1 HTTP/1.1\r\nHost: 127.0.0.1:") || !strings.Contains(r.RequestHead, "User-Agent: Claimdesk/1.0") {
		t.Errorf("request head %q", r.RequestHead)
	}
	if !strings.HasPrefix(r.ResponseHead, "HTTP/1.1 200 OK\r\n") || !strings.HasSuffix(r.ResponseHead, "\r\n\r\n") ||
		strings.Contains(r.ResponseHead, "\r\nInjected") {
		t.Errorf("response head %q", r.ResponseHead)
	}
}

func TestFetchKeepsNonHTMLBodiesAsTheyAre(t *testing.T) {
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0, 0xff, 0x1f, 0x8b}, 5000)...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdf)
	}))
	defer srv.Close()
	r := Fetch(context.Background(), testClient(outbound.Config{}), srv.URL+"/report.pdf", time.Now())
	sum := sha256.Sum256(pdf)
	if !r.OK() || !bytes.Equal(r.Body, pdf) || r.SHA256 != hex.EncodeToString(sum[:]) || r.ContentType != "application/pdf" {
		t.Errorf("PDF capture: %s %s, %d bytes, type %q", r.ErrKind, r.Err, len(r.Body), r.ContentType)
	}
}

func TestFetchRecordsFailuresWithTheirReason(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone":
			http.Error(w, "no such page", http.StatusNotFound)
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		case "/huge":
			w.Write(bytes.Repeat([]byte("x"), 5000))
		case "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		}
	}))
	defer srv.Close()
	client := testClient(outbound.Config{MaxBodyBytes: 1000, HeaderTimeout: 200 * time.Millisecond})
	for path, want := range map[string]string{"/gone": KindHTTP, "/broken": KindHTTP, "/huge": outbound.KindTooLarge, "/slow": outbound.KindTimeout} {
		r := Fetch(context.Background(), client, srv.URL+path, time.Now())
		if r.OK() || r.ErrKind != want || r.Err == "" {
			t.Errorf("%s: want failure %s, got %q %q", path, want, r.ErrKind, r.Err)
		}
		if want == KindHTTP && (r.SHA256 == "" || r.HTTPStatus < 400) {
			t.Errorf("%s: the error page itself should be kept: %+v", path, r)
		}
		if want != KindHTTP && len(r.Body) != 0 {
			t.Errorf("%s: no body should be kept", path)
		}
	}
	r := Fetch(context.Background(), testClient(outbound.Config{}), "ftp://example.com/file", time.Now())
	if r.ErrKind != outbound.KindScheme {
		t.Errorf("ftp: %+v", r)
	}
}

func TestRedirectToAnInternalAddressIsRecordedAsRefused(t *testing.T) {
	var internalHits int
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { internalHits++ }))
	defer internal.Close()
	// The newsroom's proxy (on loopback here) fetches the public page, which
	// redirects to an internal address; that hop goes direct and meets the guard.
	var proxied []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied = append(proxied, r.RequestURI)
		http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
	}))
	defer proxy.Close()
	client := outbound.New(outbound.Config{
		Proxy: httpproxy.Config{HTTPProxy: proxy.URL},
		Resolve: func(_ context.Context, host string) ([]netip.Addr, error) {
			if host == "public.example" {
				return []netip.Addr{netip.MustParseAddr("93.184.216.34")}, nil
			}
			return nil, errors.New("no such host")
		},
	})
	r := Fetch(context.Background(), client, "http://public.example/story", time.Now())
	if r.ErrKind != outbound.KindBlocked || !strings.Contains(r.Err, "127.0.0.1") || internalHits != 0 {
		t.Errorf("want the redirect refused, got %q %q (internal hits %d)", r.ErrKind, r.Err, internalHits)
	}
	if len(proxied) != 1 || proxied[0] != "http://public.example/story" {
		t.Errorf("proxy saw %v", proxied)
	}
}

func TestWARCReadsBackWithTheSamePayloadAndDigest(t *testing.T) {
	page := bytes.Repeat([]byte("<p>satellite image viewer</p>\n"), 3000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	r := Fetch(context.Background(), testClient(outbound.Config{}), srv.URL+"/view", time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC))
	if !r.OK() {
		t.Fatal(r.Err)
	}
	var buf bytes.Buffer
	w := WARC{TargetURI: r.FinalURL, At: r.At, IP: r.IP, RequestID: NewRecordID(), ResponseID: NewRecordID(),
		RequestHead: r.RequestHead, ResponseHead: r.ResponseHead, Body: r.Body, Software: "Claimdesk test"}
	if err := WriteWARC(&buf, w); err != nil {
		t.Fatal(err)
	}
	un := gowarc.NewUnmarshaler(gowarc.WithStrictValidation())
	in := bufio.NewReader(&buf)
	var types []string
	for {
		rec, _, validation, err := un.Unmarshal(in)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("record %d: %v", len(types), err)
		}
		if len(validation) > 0 {
			t.Errorf("record %s: %v", rec.Type(), validation)
		}
		if rec.Version().String() != "WARC/1.1" {
			t.Errorf("version %s", rec.Version())
		}
		types = append(types, rec.Type().String())
		h := rec.WarcHeader()
		switch rec.Type() {
		case gowarc.Request:
			if h.Get(gowarc.WarcConcurrentTo) != w.ResponseID || h.Get(gowarc.WarcTargetURI) != srv.URL+"/view" {
				t.Errorf("request headers %v", h)
			}
		case gowarc.Response:
			if h.Get(gowarc.WarcRecordID) != w.ResponseID || h.Get(gowarc.WarcIPAddress) != "127.0.0.1" || h.Get(gowarc.WarcDate) != "2026-12-03T09:00:00Z" {
				t.Errorf("response headers %v", h)
			}
			if got := h.Get(gowarc.WarcPayloadDigest); got != "sha256:"+r.SHA256 {
				t.Errorf("WARC-Payload-Digest %s, want sha256:%s", got, r.SHA256)
			}
			hb, ok := rec.Block().(gowarc.HttpResponseBlock)
			if !ok {
				t.Fatalf("response block is %T", rec.Block())
			}
			if hb.HttpStatusCode() != 200 {
				t.Errorf("status %d", hb.HttpStatusCode())
			}
			pr, err := hb.PayloadBytes()
			if err != nil {
				t.Fatal(err)
			}
			payload, _ := io.ReadAll(pr)
			if !bytes.Equal(payload, page) {
				t.Errorf("payload of %d bytes differs from the %d served", len(payload), len(page))
			}
		}
		rec.Close()
	}
	if strings.Join(types, ",") != "warcinfo,request,response" {
		t.Errorf("records %v", types)
	}
}
