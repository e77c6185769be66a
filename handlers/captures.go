package handlers

import (
	"bytes"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// queueCapture queues a capture or check of an evidence link and wakes the
// pool; the fetch itself never runs on the request path.
func (h *Handler) queueCapture(c echo.Context, evidenceID int64, kind string) (*models.CaptureTask, error) {
	t, err := h.store.RequestCapture(c.Request().Context(), currentUser(c), evidenceID, kind)
	if err != nil {
		return nil, err
	}
	if h.cfg.Captures != nil {
		h.cfg.Captures.Wake()
	}
	return t, nil
}

// captureAgain answers 202 with the queued task.
func (h *Handler) captureAgain(c echo.Context) error {
	return h.queueTaskJSON(c, models.TaskCapture)
}

// checkLive queues a comparison of the live page with the last capture.
func (h *Handler) checkLive(c echo.Context) error {
	return h.queueTaskJSON(c, models.TaskCheck)
}

func (h *Handler) queueTaskJSON(c echo.Context, kind string) error {
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	t, err := h.queueCapture(c, eid, kind)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"task": t})
}

// listCaptures answers the evidence item's captures, newest first, and
// whether another is queued.
func (h *Handler) listCaptures(c echo.Context) error {
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	caps, err := h.store.EvidenceCaptures(ctx, eid)
	if err != nil {
		return err
	}
	states, err := h.store.CaptureTaskStates(ctx, []int64{eid})
	if err != nil {
		return err
	}
	st := states[eid]
	return c.JSON(http.StatusOK, map[string]any{"captures": caps, "pending": st != nil && st.CapturePending})
}

// liveCheck answers the last check of the live page against the capture it
// was compared with.
func (h *Handler) liveCheck(c echo.Context) error {
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := h.store.EvidenceItem(ctx, eid); err != nil {
		return err
	}
	states, err := h.store.CaptureTaskStates(ctx, []int64{eid})
	if err != nil {
		return err
	}
	caps, err := h.store.EvidenceCaptures(ctx, eid)
	if err != nil {
		return err
	}
	lc := newLiveCheck(states[eid], caps)
	return c.JSON(http.StatusOK, lc)
}

// captureFile serves a captured body as a download: never inline, with
// nosniff and a sandboxing CSP, so a captured page can never run as a page
// of Claimdesk's own origin.
func (h *Handler) captureFile(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	cp, err := h.store.CaptureItem(ctx, cid)
	if err != nil {
		return err
	}
	if cp.SHA256 == "" {
		return echo.NewHTTPError(http.StatusNotFound, "this capture kept no page: "+cp.Error)
	}
	data, err := h.store.CaptureBody(ctx, cp)
	if err != nil {
		return err
	}
	ct, ext := downloadType(cp.ContentType)
	attachment(c, captureFileName(cp, ext))
	c.Response().Header().Set("Content-Length", strconv.Itoa(len(data)))
	return c.Blob(http.StatusOK, ct, data)
}

// captureWARC serves a capture as a WARC/1.1 file.
func (h *Handler) captureWARC(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := h.store.WriteCaptureWARC(c.Request().Context(), &buf, cid); err != nil {
		return err
	}
	attachment(c, "claimdesk-capture-"+strconv.FormatInt(cid, 10)+".warc")
	c.Response().Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	return c.Blob(http.StatusOK, "application/warc", buf.Bytes())
}

// attachment sets the headers of a download that must never render inline.
func attachment(c echo.Context, name string) {
	hd := c.Response().Header()
	hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", "sandbox; default-src 'none'")
}

// downloadType is the type a captured body is served with and the file
// extension it is saved under: types that a browser would run (HTML, SVG,
// XML, scripts) go out as plain bytes.
func downloadType(served string) (string, string) {
	mt, _, _ := mime.ParseMediaType(served)
	switch {
	case mt == "text/html", mt == "application/xhtml+xml":
		return "application/octet-stream", ".html"
	case strings.Contains(mt, "svg"), strings.Contains(mt, "xml"), strings.Contains(mt, "javascript"):
		return "application/octet-stream", ".bin"
	case mt == "":
		return "application/octet-stream", ".bin"
	}
	ext := ".bin"
	if exts, _ := mime.ExtensionsByType(mt); len(exts) > 0 {
		ext = exts[len(exts)-1]
	}
	if mt == "application/pdf" {
		ext = ".pdf"
	}
	return mt, ext
}

// captureFileName names a download after the page's host and the capture.
func captureFileName(cp *models.Capture, ext string) string {
	host := "page"
	if u, err := url.Parse(firstNonEmpty(cp.FinalURL, cp.URL)); err == nil && u.Hostname() != "" {
		host = strings.TrimPrefix(u.Hostname(), "www.")
	}
	return path.Clean("capture-"+strconv.FormatInt(cp.ID, 10)+"-"+host) + ext
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// liveCheckResult says whether the live page still matches the last good
// capture, as of the last check.
type liveCheckResult struct {
	Pending       bool       `json:"pending"`
	CheckedAt     *time.Time `json:"checked_at"`
	CaptureID     *int64     `json:"capture_id"`
	CaptureSHA256 string     `json:"capture_sha256"`
	LiveSHA256    string     `json:"live_sha256"`
	Changed       bool       `json:"changed"`
	Error         string     `json:"error"`
}

// newLiveCheck reads the last check against the newest good capture; a
// check made against an older capture no longer says anything.
func newLiveCheck(st *models.EvidenceTaskState, caps []models.Capture) liveCheckResult {
	var r liveCheckResult
	if st == nil {
		return r
	}
	r.Pending = st.CheckPending
	var latest *models.Capture
	for i := range caps {
		if caps[i].Status == models.CaptureOK {
			latest = &caps[i]
			break
		}
	}
	lc := st.LastCheck
	if lc == nil || latest == nil || lc.CaptureID == nil || *lc.CaptureID != latest.ID {
		return r
	}
	r.CheckedAt, r.CaptureID, r.CaptureSHA256, r.LiveSHA256, r.Error = lc.FinishedAt, lc.CaptureID, latest.SHA256, lc.ResultSHA256, lc.Error
	r.Changed = lc.Error == "" && lc.ResultSHA256 != latest.SHA256
	return r
}

// formBool reads a checkbox or flag value of a form.
func formBool(v string) bool {
	switch strings.ToLower(v) {
	case "on", "true", "1", "yes":
		return true
	}
	return false
}
