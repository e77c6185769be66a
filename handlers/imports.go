package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
	"claimdesk/models/liveblog"
)

// maxImportBody bounds an import request: the 10 MB blog plus its JSON framing.
const maxImportBody = liveblog.MaxInputBytes + 2<<20

// importPreviewRequest asks for the candidate claims of a pasted blog.
type importPreviewRequest struct {
	Text    string `json:"text" validate:"required"`
	StoryID int64  `json:"story_id" validate:"gte=0"`
}

// importCommitRequest stores a blog's claims: the candidates as previewed and
// edited, or all of them when candidates is omitted.
type importCommitRequest struct {
	Text        string                   `json:"text" validate:"required"`
	StoryID     int64                    `json:"story_id" validate:"gte=0"`
	StoryTitle  string                   `json:"story_title" validate:"max=500"`
	ReportedURL string                   `json:"reported_url" validate:"max=2000"`
	Candidates  []models.ImportCandidate `json:"candidates" validate:"max=5000"`
	// ToInbox puts the candidates into the story's inbox instead of
	// storing them as claims.
	ToInbox bool `json:"to_inbox"`
}

func (h *Handler) previewImport(c echo.Context) error {
	var req importPreviewRequest
	if err := h.bindJSONLimit(c, &req, maxImportBody); err != nil {
		return err
	}
	p, err := h.store.PreviewImport(c.Request().Context(), req.StoryID, req.Text)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (h *Handler) commitImport(c echo.Context) error {
	var req importCommitRequest
	if err := h.bindJSONLimit(c, &req, maxImportBody); err != nil {
		return err
	}
	ir := models.ImportRequest{StoryID: req.StoryID, StoryTitle: req.StoryTitle, Text: req.Text, Candidates: req.Candidates, ReportedURL: req.ReportedURL}
	if req.ToInbox {
		return h.importToInbox(c, ir)
	}
	res, err := h.store.CommitImport(c.Request().Context(), currentUser(c), ir)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if res.ClaimsAdded > 0 || res.StoryCreated {
		status = http.StatusCreated
	}
	return c.JSON(status, res)
}
