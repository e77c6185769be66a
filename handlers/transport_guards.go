package handlers

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/labstack/echo/v4"
)

// hstsMaxAge is how long a browser that reached Claimdesk over HTTPS keeps
// to HTTPS for it: two years, as the HSTS preload list asks.
const hstsMaxAge = "max-age=63072000"

// strictTransport tells browsers that reached Claimdesk over HTTPS (directly,
// or through a trusted proxy that says so) never to use plain HTTP for it
// again. Over plain HTTP the header would mean nothing and is left out.
func strictTransport(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Scheme() == "https" {
			c.Response().Header().Set("Strict-Transport-Security", hstsMaxAge)
		}
		return next(c)
	}
}

// Request bodies must keep coming: after bodyGrace, at least bodyMinRate
// bytes a second on average, or the read fails and the connection is
// dropped. A client dripping a body a byte at a time (to hold a connection
// and a goroutine as long as the server allows) is cut off after about
// bodyGrace, while a 10 MB upload over a slow link still has minutes.
const (
	DefaultBodyGrace   = 15 * time.Second
	DefaultBodyMinRate = 16 << 10
)

// errSlowBody is the read error of a body that came too slowly.
var errSlowBody = fmt.Errorf("the request body arrived too slowly: %w", os.ErrDeadlineExceeded)

// slowBodyGuard wraps the request body in a reader that moves the
// connection's read deadline along with what has arrived (see minRateBody).
func (h *Handler) slowBodyGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = &minRateBody{ReadCloser: r.Body, rc: http.NewResponseController(c.Response().Writer),
				start: time.Now(), grace: h.cfg.BodyGrace, rate: h.cfg.BodyMinRate}
		}
		return next(c)
	}
}

// minRateBody is a request body whose next bytes must arrive by
// start + grace + (bytes so far / rate).
type minRateBody struct {
	io.ReadCloser
	rc    *http.ResponseController
	start time.Time
	grace time.Duration
	rate  int64
	n     int64
}

func (b *minRateBody) Read(p []byte) (int, error) {
	due := b.start.Add(b.grace + time.Duration(float64(b.n)/float64(b.rate)*float64(time.Second)))
	// Where the connection cannot take a deadline (an in-process test
	// server), the body is read as it comes.
	_ = b.rc.SetReadDeadline(due)
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
		return n, errSlowBody
	}
	return n, err
}
