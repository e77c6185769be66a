package models

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"claimdesk/models/outbound"
)

// outboundPageFetcher fetches followed pages through the guarded outbound
// client (only http and https, public addresses, time and size limits),
// adding what following needs: conditional requests and a page limit of
// its own.
type outboundPageFetcher struct{ client *outbound.Client }

// NewPageFetcher fetches followed pages through client.
func NewPageFetcher(client *outbound.Client) PageFetcher { return outboundPageFetcher{client: client} }

// FetchPage makes one conditional GET; an answer other than 200 is returned
// with its status (and Retry-After) and no body.
func (f outboundPageFetcher) FetchPage(ctx context.Context, pr PageRequest) (*PageResponse, error) {
	resp, err := f.client.Get(ctx, pr.URL, outbound.Conditional{ETag: pr.ETag, LastModified: pr.LastModified})
	if err != nil {
		return nil, fetchError(err)
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
	if limit <= 0 || limit > f.client.MaxBodyBytes() {
		limit = f.client.MaxBodyBytes()
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("the page is larger than %d MB", limit>>20)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fetchError(err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("the page is larger than %d MB", limit>>20)
	}
	out.Body = body
	return out, nil
}

// fetchError words a failed fetch for the story page.
func fetchError(err error) error {
	if errors.Is(err, outbound.ErrTooLarge) {
		return fmt.Errorf("the page is too large: %w", err)
	}
	return fmt.Errorf("fetching the page: %w", err)
}
