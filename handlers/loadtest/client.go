// Package loadtest measures a running Claimdesk over real HTTP: latency
// percentiles for one client and throughput at many, for the desk list,
// full-text search, a claim page, concurrent verdict changes and the desk
// list while verdicts change, each beside /healthz measured in the same run;
// and a soak of mixed reads, writes, uploads, exports and invalid requests
// that counts every 5xx answer and every lost write. The command in
// cmd/loadtest runs it; tests use it too.
package loadtest

import (
	"net/http"
	"time"
)

// Client is an HTTP client with keep-alive connections for every worker,
// authenticated with one API token.
type Client struct {
	base  string
	token string
	http  *http.Client
}

// NewClient makes a client for base (loopback only) with room for conns workers.
func NewClient(base, token string, conns int) *Client {
	tr := &http.Transport{MaxIdleConns: conns * 2, MaxIdleConnsPerHost: conns * 2, IdleConnTimeout: time.Minute}
	return &Client{base: base, token: token, http: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}
