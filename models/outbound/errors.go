package outbound

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
)

// ErrTooLarge is wrapped by the error a caller gets when a response body is
// longer than Config.MaxBodyBytes, so a capture can record "too large"
// rather than a network failure.
var ErrTooLarge = errors.New("response body larger than the limit")

// ErrTooManyRedirects is wrapped when a fetch is redirected more often than
// Config.MaxRedirects allows.
var ErrTooManyRedirects = errors.New("too many redirects")

// BlockedError reports a connection the guard refused: the address was not a
// public internet address. Addr is the address that would have been dialled.
// Host is set instead of Addr when a name was refused before dialling.
type BlockedError struct {
	Addr netip.Addr
	Host string
	Why  string
}

// Error names the address and why it was refused, for users and logs.
func (e *BlockedError) Error() string {
	target := e.Host
	if e.Addr.IsValid() {
		target = e.Addr.String()
	}
	return fmt.Sprintf("refused to connect to %s: %s address (set CLAIMDESK_FETCH_ALLOW_PRIVATE=on to allow)", target, e.Why)
}

// SchemeError reports a URL (the first one or a redirect) whose scheme is not
// http or https.
type SchemeError struct{ URL string }

// Error names the URL that was refused.
func (e *SchemeError) Error() string {
	return fmt.Sprintf("refused to fetch %q: only http and https URLs are fetched", e.URL)
}

// Failure kinds returned by Kind, stored with failed captures and shown to
// users; they are stable words, not sentences.
const (
	KindBlocked   = "blocked"
	KindScheme    = "scheme"
	KindTimeout   = "timeout"
	KindTooLarge  = "too_large"
	KindRedirects = "redirects"
	KindNetwork   = "network"
)

// Kind sorts an error from this package's client into one of the Kind*
// words, so callers can record why a fetch failed without parsing messages.
func Kind(err error) string {
	var blocked *BlockedError
	var scheme *SchemeError
	var ne net.Error
	switch {
	case errors.As(err, &blocked):
		return KindBlocked
	case errors.As(err, &scheme):
		return KindScheme
	case errors.Is(err, ErrTooLarge):
		return KindTooLarge
	case errors.Is(err, ErrTooManyRedirects):
		return KindRedirects
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return KindTimeout
	}
	return KindNetwork
}
