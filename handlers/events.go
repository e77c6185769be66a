package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
	"claimdesk/models/events"
)

// LiveConfig holds the event stream's timings; a zero field takes its
// default. Tests shorten them.
type LiveConfig struct {
	// KeepAlive is how often an idle stream gets a comment line, so that
	// proxies and browsers do not take it for dead (default 15 s).
	KeepAlive time.Duration
	// AuthCheck is how often a stream checks that its token or session
	// still holds: a disabled user's or revoked token's stream ends within
	// it (default 10 s).
	AuthCheck time.Duration
	// WriteWait bounds one write to a client; a client that takes longer
	// counts as stuck and its stream ends (default 10 s).
	WriteWait time.Duration
	// Buffer is how many events may wait for a slow stream before it is
	// dropped with a "resync" event (default events.DefaultBuffer).
	Buffer int
}

// withDefaults fills in the zero fields.
func (l LiveConfig) withDefaults() LiveConfig {
	if l.KeepAlive <= 0 {
		l.KeepAlive = 15 * time.Second
	}
	if l.AuthCheck <= 0 {
		l.AuthCheck = 10 * time.Second
	}
	if l.WriteWait <= 0 {
		l.WriteWait = 10 * time.Second
	}
	if l.Buffer <= 0 {
		l.Buffer = events.DefaultBuffer
	}
	return l
}

// streamQuery is what a stream asks for: where to resume, which story, and
// which claim's page it serves (for presence).
type streamQuery struct {
	since        int64
	story, claim int64
}

// parseStreamQuery reads Last-Event-ID (which a reconnecting EventSource
// sends, and which wins over ?since=), ?since=, ?story= and ?claim=.
func (h *Handler) parseStreamQuery(c echo.Context) (streamQuery, error) {
	var q streamQuery
	errs := map[string]string{}
	num := func(field, v string, min int64) int64 {
		if v == "" {
			return 0
		}
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || n < min {
			errs[field] = "must be a whole number, " + strconv.FormatInt(min, 10) + " or more"
		}
		return n
	}
	since := c.QueryParam("since")
	if id := c.Request().Header.Get("Last-Event-ID"); id != "" {
		since = id
	}
	q.since = num("since", since, 0)
	q.story = num("story", c.QueryParam("story"), 1)
	q.claim = num("claim", c.QueryParam("claim"), 1)
	ctx := c.Request().Context()
	if q.story > 0 && errs["story"] == "" {
		if _, err := h.store.Story(ctx, q.story); models.IsNotFound(err) {
			errs["story"] = "no such story"
		} else if err != nil {
			return q, err
		}
	}
	if q.claim > 0 && errs["claim"] == "" {
		if _, err := h.store.Claim(ctx, q.claim); models.IsNotFound(err) {
			errs["claim"] = "no such claim"
		} else if err != nil {
			return q, err
		}
	}
	if len(errs) > 0 {
		return q, &models.ValidationError{Fields: errs}
	}
	return q, nil
}

// streamEvents serves GET /api/v1/events: every change to the desk as a
// Server-Sent Event. It replays what the client missed from the event
// table, says "ready" with where it stands, then passes on live events
// until the client leaves, falls too far behind ("resync"), loses its
// credentials or the server stops.
func (h *Handler) streamEvents(c echo.Context) error {
	q, err := h.parseStreamQuery(c)
	if err != nil {
		return err
	}
	stillAllowed := h.credentialCheck(c)
	ctx := c.Request().Context()
	live := h.cfg.Live.withDefaults()
	// Subscribe before reading the feed's position and replaying: an event
	// committed meanwhile then arrives twice (skipped by id), never not at all.
	sub := h.store.Events().Subscribe(events.Filter{StoryID: q.story, ClaimID: q.claim}, live.Buffer)
	defer sub.Close()
	pos, _ := h.store.FeedPosition()
	w, err := startStream(c, live.WriteWait)
	if err != nil {
		return err
	}
	cursor := q.since
	if c.QueryParam("since") != "" || c.Request().Header.Get("Last-Event-ID") != "" {
		if cursor, err = h.replay(ctx, w, q); err != nil {
			return nil // the client went away or the database failed: the client reconnects
		}
	}
	cursor = max(cursor, pos)
	if err := w.send(events.Frame(events.Event{Type: events.Ready, ID: cursor, LastID: cursor, At: h.store.Now()})); err != nil {
		return nil
	}
	if q.claim > 0 {
		// Publishes the claim's viewers, this page's stream included.
		leave := h.store.OpenClaimPage(q.claim, currentUser(c))
		defer leave()
	}
	keepAlive, authCheck := time.NewTicker(live.KeepAlive), time.NewTicker(live.AuthCheck)
	defer keepAlive.Stop()
	defer authCheck.Stop()
	var buf []events.Event
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-sub.Ready():
			var open bool
			buf, open = sub.Take(buf[:0])
			if cursor, err = writeEvents(w, buf, cursor); err != nil || !open {
				return nil // the client left, fell behind, or the server is stopping
			}
			if cap(buf) > 64 {
				buf = nil // an idle stream keeps no burst's worth of memory
			}
		case <-keepAlive.C:
			if err := w.send([]byte(": keep-alive\n\n")); err != nil {
				return nil
			}
		case <-authCheck.C:
			if ok, err := stillAllowed(ctx); err == nil && !ok {
				_ = w.send([]byte(": signed out\n\n"))
				return nil
			}
		}
	}
}

// writeEvents writes evs, those not yet sent (by id), and flushes them; it
// returns the id of the last stored event written. A Resync event is
// written with where to resume, and ends the stream (errStreamEnd).
func writeEvents(w *sseWriter, evs []events.Event, cursor int64) (int64, error) {
	for _, e := range evs {
		if e.Type == events.Resync {
			e.LastID = cursor
			_ = w.send(events.Frame(e))
			return cursor, errStreamEnd
		}
		if e.Stored() {
			if e.ID <= cursor {
				continue
			}
			cursor = e.ID
		}
		if err := w.write(frameOf(e)); err != nil {
			return cursor, err
		}
	}
	return cursor, w.flush()
}

// errStreamEnd ends a stream that was told to resync.
var errStreamEnd = errors.New("the stream fell behind and was told to resync")

// replay writes the stored events after q.since (of q.story, if set) and
// returns the id of the last one written, or q.since.
func (h *Handler) replay(ctx context.Context, w *sseWriter, q streamQuery) (int64, error) {
	cursor := q.since
	for {
		evs, err := h.store.EventsAfter(ctx, cursor, q.story, 500)
		if err != nil {
			return cursor, err
		}
		for _, e := range evs {
			if err := w.write(events.Frame(e)); err != nil {
				return cursor, err
			}
			cursor = e.ID
		}
		if err := w.flush(); err != nil {
			return cursor, err
		}
		if len(evs) < 500 {
			return cursor, nil
		}
	}
}

// frameOf is the event's frame, rendered by the feed or else here.
func frameOf(e events.Event) []byte {
	if e.Frame != nil {
		return e.Frame
	}
	return events.Frame(e)
}

// credentialCheck returns a check of whether the request's token or session
// still lets its user read the desk. A database error counts as still
// allowed (the stream ends at the next check that can tell).
func (h *Handler) credentialCheck(c echo.Context) func(context.Context) (bool, error) {
	if auth := c.Request().Header.Get(echo.HeaderAuthorization); auth != "" {
		token := strings.TrimSpace(strings.TrimPrefix(auth, "Bearer "))
		return func(ctx context.Context) (bool, error) {
			u, err := h.store.UserByToken(ctx, token)
			if errors.Is(err, models.ErrBadToken) {
				return false, nil
			}
			if err != nil {
				return true, err
			}
			return u.Role.AtLeast(models.RoleViewer), nil
		}
	}
	session := ""
	if ck, err := c.Cookie(sessionCookie); err == nil {
		session = ck.Value
	}
	return func(ctx context.Context) (bool, error) {
		u, _, err := h.store.SessionUser(ctx, session)
		if errors.Is(err, models.ErrNoSession) {
			return false, nil
		}
		if err != nil {
			return true, err
		}
		return u.Role.AtLeast(models.RoleViewer), nil
	}
}

// sseWriter writes a stream's frames, each write bounded by a deadline so
// that a client that stopped reading ends its own stream instead of
// holding a goroutine forever.
type sseWriter struct {
	w    http.ResponseWriter
	rc   *http.ResponseController
	wait time.Duration
}

// startStream sends the stream's headers. The server's read and write
// timeouts are meant for ordinary requests; a stream lives for hours, so
// they are lifted here and every write gets its own deadline instead.
func startStream(c echo.Context, wait time.Duration) (*sseWriter, error) {
	res := c.Response()
	hd := res.Header()
	hd.Set(echo.HeaderContentType, "text/event-stream; charset=utf-8")
	hd.Set(echo.HeaderCacheControl, "no-store")
	hd.Set("X-Accel-Buffering", "no") // nginx: pass each event on at once
	res.WriteHeader(http.StatusOK)
	// The controller goes to the server's own writer: echo's wrapper would
	// swallow a failed flush.
	w := &sseWriter{w: res, rc: http.NewResponseController(res.Writer), wait: wait}
	_ = w.rc.SetReadDeadline(time.Time{}) // not every writer supports deadlines (httptest's recorder)
	// retry: how long an EventSource waits before reconnecting on its own.
	return w, w.send([]byte("retry: 2000\n\n"))
}

// write queues b; flush sends what is queued.
func (w *sseWriter) write(b []byte) error {
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.wait))
	_, err := w.w.Write(b)
	return err
}

func (w *sseWriter) flush() error {
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.wait))
	return w.rc.Flush()
}

// send writes b and flushes it.
func (w *sseWriter) send(b []byte) error {
	if err := w.write(b); err != nil {
		return err
	}
	return w.flush()
}
