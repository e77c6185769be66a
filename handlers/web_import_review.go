package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// previewPageSize caps the rows one review page renders: a long paste yields
// thousands of candidates, and a page of one form per candidate for all of
// them would hang the browser. The rest are on the following pages.
const previewPageSize = 200

// previewPage cuts one page of rows out of a preview (page counts from 1).
func previewPage(sts []models.Story, p *models.ImportPreview, page int) importPreviewPage {
	total := len(p.Candidates)
	pages := (total + previewPageSize - 1) / previewPageSize
	if pages == 0 {
		pages = 1
	}
	if page < 1 {
		page = 1
	}
	if page > pages {
		page = pages
	}
	from := (page - 1) * previewPageSize
	to := min(from+previewPageSize, total)
	rows := make([]importRow, 0, to-from)
	for i, cd := range p.Candidates[from:to] {
		rows = append(rows, importRow{Index: i, ImportCandidate: cd})
	}
	return importPreviewPage{Stories: sts, Entries: p.Entries, Rows: rows, Page: page, Pages: pages, Total: total, From: from + 1, To: to}
}

// draftText puts the text of the form's draft (the pasted blog kept while it
// is reviewed) into f as "text"; a form without a draft keeps its own text.
func (h *Handler) draftText(c echo.Context, f url.Values) error {
	s := strings.TrimSpace(f.Get("draft"))
	if s == "" {
		return nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return &models.ValidationError{Fields: map[string]string{"draft": "is not a pasted blog of yours; paste it again"}}
	}
	text, err := h.store.ImportDraft(c.Request().Context(), currentUser(c), id)
	if models.IsNotFound(err) {
		return &models.ValidationError{Fields: map[string]string{"draft": "this pasted blog is no longer kept (after a day); paste it again"}}
	}
	if err != nil {
		return err
	}
	f.Set("text", text)
	return nil
}

// importDraftPage shows another page of a pasted blog's candidates:
// GET /import/drafts/:id?page=N with the story chosen for it.
func (h *Handler) importDraftPage(c echo.Context) error {
	f := url.Values{}
	for _, k := range []string{"story_id", "story_title", "reported_url"} {
		f.Set(k, c.QueryParam(k))
	}
	f.Set("draft", c.Param("id"))
	if err := h.draftText(c, f); err != nil {
		return err
	}
	ctx := c.Request().Context()
	sts, err := h.store.StoryOptions(ctx, 500)
	if err != nil {
		return err
	}
	p, err := h.store.PreviewImportPaged(ctx, importStoryID(f, sts), f.Get("text"))
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(c.QueryParam("page"))
	v := newView(c, "Preview: "+strings.TrimSpace(p.Title), "import")
	v.Form = f
	return h.renderImportPreview(c, http.StatusOK, v, previewPage(sts, p, page))
}

// PageURL is the address of another page of the review, keeping the story
// chosen for it.
func (p importPreviewPage) PageURL(f url.Values, page int) string {
	q := url.Values{"page": {strconv.Itoa(page)}}
	for _, k := range []string{"story_id", "story_title", "reported_url"} {
		if v := f.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	return "/import/drafts/" + f.Get("draft") + "?" + q.Encode()
}

// CapMessage says that the review shows the candidates a page at a time.
func (p importPreviewPage) CapMessage() string {
	if p.Pages <= 1 {
		return ""
	}
	return fmt.Sprintf("This blog has %d candidate claims: showing %d–%d, %d per page. Each import adds the ticked claims of its page; claims already in the story are marked on the next pages.",
		p.Total, p.From, p.To, previewPageSize)
}
