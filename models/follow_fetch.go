package models

import (
	"context"
	"time"
)

// PageRequest is one conditional fetch of a followed page.
type PageRequest struct {
	URL string
	// ETag and LastModified are sent as If-None-Match and
	// If-Modified-Since when set.
	ETag, LastModified string
	MaxBytes           int64
}

// PageResponse is what a fetch brought back. NotModified is a 304: the page
// did not change since the validators were given.
type PageResponse struct {
	Status       int
	NotModified  bool
	Body         []byte
	ETag         string
	LastModified string
	// ContentType is the Content-Type header, whose charset says how the
	// page is encoded.
	ContentType string
	// RetryAfter is the delay a 429 or 503 asked for, zero when none.
	RetryAfter time.Duration
}

// PageFetcher fetches followed pages. Production uses the guarded outbound
// client (only http and https, only public addresses, time and size
// limits); tests may pass any fetcher.
type PageFetcher interface {
	FetchPage(ctx context.Context, req PageRequest) (*PageResponse, error)
}
