package handlers

import (
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// evidenceRequest is evidence given by link (JSON) or alongside a file
// (multipart form fields of the same names).
type evidenceRequest struct {
	Kind   string `json:"kind" form:"kind" validate:"max=40"`
	Stance string `json:"stance" form:"stance" validate:"required,oneof=supports refutes context"`
	URL    string `json:"url" form:"url" validate:"max=2000"`
	Title  string `json:"title" form:"title" validate:"max=500"`
	Note   string `json:"note" form:"note" validate:"max=20000"`
	Origin string `json:"origin" form:"origin" validate:"max=300"`
	// Capture also captures the linked page, in the background.
	Capture bool `json:"capture" form:"capture"`
}

func (h *Handler) addEvidence(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req evidenceRequest
	in := models.EvidenceInput{}
	ct, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if ct == "multipart/form-data" {
		r := c.Request()
		r.Body = http.MaxBytesReader(c.Response(), r.Body, h.store.MaxUploadBytes()+1<<20)
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return models.ErrTooLarge{Limit: h.store.MaxUploadBytes()}
			}
			return echo.NewHTTPError(http.StatusBadRequest, "the upload could not be read")
		}
		defer r.MultipartForm.RemoveAll()
		req = evidenceRequest{Kind: r.FormValue("kind"), Stance: r.FormValue("stance"), URL: r.FormValue("url"),
			Title: r.FormValue("title"), Note: r.FormValue("note"), Origin: r.FormValue("origin"), Capture: formBool(r.FormValue("capture"))}
		if err := h.validate.Struct(&req); err != nil {
			return validationError(err)
		}
		file, hdr, err := r.FormFile("file")
		if err != nil && !errors.Is(err, http.ErrMissingFile) {
			return &models.ValidationError{Fields: map[string]string{"file": "could not be read"}}
		}
		if file != nil {
			defer file.Close()
			in.File, in.FileName = file, hdr.Filename
		}
	} else if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	in.Kind, in.Stance, in.URL, in.Title, in.Note, in.Origin = req.Kind, req.Stance, req.URL, req.Title, req.Note, req.Origin
	ev, err := h.store.AddEvidence(c.Request().Context(), currentUser(c), id, in)
	if err != nil {
		return err
	}
	if req.Capture && ev.URL != "" {
		if _, err := h.queueCapture(c, ev.ID, models.TaskCapture); err != nil {
			return err
		}
	}
	return c.JSON(http.StatusCreated, ev)
}

func (h *Handler) listEvidence(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	evs, err := h.store.ClaimEvidence(ctx, id)
	if err != nil {
		return err
	}
	cl, err := h.store.Claim(ctx, id)
	if err != nil {
		return err
	}
	n, err := h.store.ClaimCorroboration(ctx, cl, evs)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"evidence": evs, "corroboration": n})
}

type removeEvidenceRequest struct {
	Reason string `json:"reason" validate:"required,max=5000"`
}

func (h *Handler) removeEvidence(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	var req removeEvidenceRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	if err := h.store.RemoveEvidence(c.Request().Context(), currentUser(c), id, eid, req.Reason); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// downloadEvidence serves an uploaded file as an attachment, never inline, with
// nosniff and a sandboxing CSP, so an uploaded file can never run as a page.
func (h *Handler) downloadEvidence(c echo.Context) error {
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	ev, err := h.store.EvidenceItem(ctx, eid)
	if err != nil {
		return err
	}
	if ev.FileSHA256 == nil {
		return echo.NewHTTPError(http.StatusNotFound, "this evidence has no file")
	}
	data, ct, err := h.store.EvidenceFile(ctx, *ev.FileSHA256)
	if err != nil {
		return err
	}
	attachment(c, ev.FileName)
	c.Response().Header().Set("Content-Length", strconv.Itoa(len(data)))
	if strings.HasPrefix(ct, "text/") {
		ct = "text/plain; charset=utf-8"
	}
	return c.Blob(http.StatusOK, ct, data)
}
