package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// exportClaims streams every claim matching the claim list's filters in one
// format. The filters are parsed (and refused with 422) before anything is
// written; page and per_page are ignored, since an export holds every match.
// Each export is recorded in the audit log before its first byte goes out.
func (h *Handler) exportClaims(format models.ExportFormat) echo.HandlerFunc {
	return func(c echo.Context) error {
		q := cloneQuery(c.QueryParams())
		q.Del("page")
		q.Del("per_page")
		u := currentUser(c)
		f, err := parseClaimFilter(q, u)
		if err != nil {
			return err
		}
		ctx := c.Request().Context()
		if err := h.store.RecordAudit(ctx, models.AuditEvent{UserID: &u.ID, Email: u.Email, Action: models.AuditExport,
			Detail: strings.TrimSpace(string(format) + " " + c.Request().URL.RawQuery), Remote: c.RealIP()}); err != nil {
			return err
		}
		res := c.Response()
		hdr := res.Header()
		hdr.Set(echo.HeaderContentType, format.ContentType())
		hdr.Set(echo.HeaderContentDisposition, `attachment; filename="`+exportFileName(format, h.store)+`"`)
		hdr.Set(echo.HeaderXContentTypeOptions, "nosniff")
		hdr.Set(echo.HeaderCacheControl, "no-store")
		res.WriteHeader(http.StatusOK)
		opt := models.ExportOptions{BaseURL: h.baseURL(c), Newsroom: h.cfg.Newsroom,
			Flush: func() error { res.Flush(); return nil }}
		if _, err := h.store.Export(ctx, res, format, f, opt); err != nil {
			return h.abortStream(c, err)
		}
		return nil
	}
}

// abortStream ends a response that failed after its status was sent. A client
// that went away is not an error. Anything else is logged and the connection
// is cut without the closing chunk, so the client sees a broken download
// rather than a file that looks complete but is missing rows.
func (h *Handler) abortStream(c echo.Context, err error) error {
	if errors.Is(err, context.Canceled) || c.Request().Context().Err() != nil {
		return nil
	}
	h.log.Error("export failed after it started", "path", c.Path(), "err", err)
	panic(http.ErrAbortHandler)
}

// cloneQuery copies a query string so an export can drop the paging keys
// without touching the request's own.
func cloneQuery(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// exportFileName names a download after what it is and when it was made.
func exportFileName(format models.ExportFormat, store *models.Store) string {
	what := "claims"
	if format == models.ExportClaimReview {
		what = "claimreview"
	}
	return "claimdesk-" + what + "-" + store.Now().Format("20060102-150405") + "." + format.Extension()
}

// baseURL is where Claimdesk is reached, for each claim's own link: the
// configured BaseURL, else the scheme and host the request came in on.
func (h *Handler) baseURL(echo.Context) string {
	return strings.TrimRight(h.cfg.BaseURL, "/")
}
