package handlers

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
	"claimdesk/models/liveblog"
)

// The "Import live blog" flow of the web desk: a form to paste or upload the
// blog (GET /import), a preview of its candidate claims as editable rows
// (POST /import/preview), and the import of the rows kept (POST
// /import/commit). The blog text travels with the preview form, so the commit
// re-parses exactly the text that was previewed.

// importFormPage is what the first step shows.
type importFormPage struct {
	Stories []models.Story
	MaxMB   int
}

// importPreviewPage is what the preview shows: the parsed entries and every
// candidate claim as an editable row, with the counts the desk wants first.
type importPreviewPage struct {
	Stories    []models.Story
	Text       string
	Entries    []models.ImportEntry
	Rows       []importRow
	Duplicates int
	Selected   int
	// Other holds messages for fields that belong to no row or control on
	// the page, shown above the rows.
	Other map[string]string
	// TooLarge says why the rows cannot travel back in one form, if so.
	TooLarge string
	// Paging through a long blog's candidates (see web_import_review.go):
	// Total candidates, this page's rows From–To of them.
	Page, Pages, Total, From, To int
}

// importRow is one candidate claim of the preview with its field messages.
type importRow struct {
	Index int
	models.ImportCandidate
	Errors map[string]string
}

// importTopFields are the commit form's own controls; every other message of
// a failed commit is either a row's or shown above the rows.
var importTopFields = map[string]bool{"story_id": true, "story_title": true, "reported_url": true}

// importForm shows the form to paste or upload a live blog; ?story=ID
// preselects the story it goes into.
func (h *Handler) importForm(c echo.Context) error {
	v := newView(c, "Import live blog", "import")
	v.Form.Set("story_id", c.QueryParam("story"))
	return h.renderImportForm(c, http.StatusOK, v)
}

func (h *Handler) renderImportForm(c echo.Context, status int, v view) error {
	sts, err := h.store.StoryOptions(c.Request().Context(), 500)
	if err != nil {
		return err
	}
	v.D = importFormPage{Stories: sts, MaxMB: liveblog.MaxInputBytes >> 20}
	return h.render(c, status, "import", v)
}

// importBodyLimit answers an upload larger than any blog may be with the
// form and a message under the file control. It runs before csrfProtect,
// which bounds the body and would otherwise refuse it as a missing token;
// nothing is read or written.
func (h *Handler) importBodyLimit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().ContentLength <= h.store.MaxUploadBytes()+h.cfg.MaxBodyBytes {
			return next(c)
		}
		v := newView(c, "Import live blog", "import")
		v.Errors["file"] = fmt.Sprintf("is larger than %d MB", liveblog.MaxInputBytes>>20)
		return h.renderImportForm(c, http.StatusRequestEntityTooLarge, v)
	}
}

// importPreview parses the pasted or uploaded blog and shows its candidate
// claims; bad input comes back as the form with the field's message.
func (h *Handler) importPreview(c echo.Context) error {
	f := formValues(c, "story_id", "story_title", "reported_url", "text")
	fail := func(fields map[string]string) error {
		v := newView(c, "Import live blog", "import")
		if t := f.Get("text"); len(t) > liveblog.MaxInputBytes || !utf8Text(t) {
			f.Del("text")
		}
		v.Form, v.Errors = f, fields
		return h.renderImportForm(c, http.StatusUnprocessableEntity, v)
	}
	text, fromFile, err := importText(c, f.Get("text"))
	if ve, ok := asValidation(err); ok {
		return fail(ve.Fields)
	}
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	sts, err := h.store.StoryOptions(ctx, 500)
	if err != nil {
		return err
	}
	storyID := importStoryID(f, sts)
	p, err := h.store.PreviewImportForReview(ctx, storyID, text)
	if ve, ok := asValidation(err); ok {
		if msg, ok := ve.Fields["text"]; ok && fromFile {
			return fail(map[string]string{"file": msg})
		}
		return fail(ve.Fields)
	}
	if err != nil {
		return err
	}
	if storyID == 0 && strings.TrimSpace(f.Get("story_title")) == "" {
		f.Set("story_title", strings.TrimSpace(p.Title))
		// An updated blog goes into the story named after it: preview
		// against that story so the claims it already holds are marked.
		if storyID = importStoryID(f, sts); storyID > 0 {
			if p, err = h.store.PreviewImportForReview(ctx, storyID, text); err != nil {
				return err
			}
		}
	}
	if storyID > 0 {
		f.Set("story_id", strconv.FormatInt(storyID, 10))
	}
	draft, err := h.store.CreateImportDraft(ctx, currentUser(c), text)
	if err != nil {
		return err
	}
	f.Set("draft", strconv.FormatInt(draft, 10))
	v := newView(c, "Preview: "+strings.TrimSpace(p.Title), "import")
	v.Form = f
	pp, err := h.previewPage(ctx, sts, p, 1)
	if err != nil {
		return err
	}
	return h.renderImportPreview(c, http.StatusOK, v, pp)
}

// importCommit imports the rows the desk kept, as edited, and opens the
// story; a validation error shows the preview again with the edits kept.
func (h *Handler) importCommit(c echo.Context) error {
	f := formValues(c, "story_id", "story_title", "reported_url", "text", "count", "draft", "page")
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	if err := h.draftText(c, f); err != nil {
		return err
	}
	cands, err := importCandidatesFromForm(form)
	storyID, _ := strconv.ParseInt(strings.TrimSpace(f.Get("story_id")), 10, 64)
	var res *models.ImportResult
	req := models.ImportRequest{StoryID: storyID, StoryTitle: f.Get("story_title"), Text: f.Get("text"), Candidates: cands, ReportedURL: strings.TrimSpace(f.Get("reported_url"))}
	if err == nil && c.FormValue("to_inbox") == "1" {
		return h.importToInboxForm(c, f, req)
	}
	if err == nil {
		res, err = h.store.CommitImport(c.Request().Context(), currentUser(c), req)
	}
	if ve, ok := asValidation(err); ok {
		return h.importCommitFailed(c, f, storyID, cands, ve.Fields)
	}
	if err != nil {
		return err
	}
	setFlash(c, importMessage(res))
	page, _ := strconv.Atoi(form.Get("page"))
	if pages, _ := strconv.Atoi(form.Get("pages")); page > 0 && page < pages {
		// A long blog is reviewed a page at a time: go on with the next.
		q := url.Values{"page": {strconv.Itoa(page + 1)}, "story_id": {strconv.FormatInt(res.StoryID, 10)}}
		if u := strings.TrimSpace(f.Get("reported_url")); u != "" {
			q.Set("reported_url", u)
		}
		return c.Redirect(http.StatusSeeOther, "/import/drafts/"+f.Get("draft")+"?"+q.Encode())
	}
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(res.StoryID, 10))
}

// importCommitFailed re-renders the preview of the same text with the
// submitted rows (edits kept) and the messages of a failed commit.
func (h *Handler) importCommitFailed(c echo.Context, f url.Values, storyID int64, cands []models.ImportCandidate, fields map[string]string) error {
	ctx := c.Request().Context()
	p, err := h.store.PreviewImportForReview(ctx, storyID, f.Get("text"))
	if ve, ok := asValidation(err); ok {
		// The text itself is bad (it was altered on the way): start again.
		v := newView(c, "Import live blog", "import")
		f.Del("text")
		v.Form, v.Errors = f, ve.Fields
		return h.renderImportForm(c, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	sts, err := h.store.StoryOptions(ctx, 500)
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(f.Get("page"))
	pp, err := h.previewPage(ctx, nil, p, page)
	if err != nil {
		return err
	}
	rows := make([]importRow, len(cands))
	for i, cd := range cands {
		if i < len(pp.Rows) {
			orig := pp.Rows[i]
			cd.Time, cd.Headline, cd.Duplicate, cd.Matches = orig.Time, orig.Headline, orig.Duplicate, orig.Matches
			cd.Repeats, cd.SourceRole, cd.Rule, cd.Why = orig.Repeats, orig.SourceRole, orig.Rule, orig.Why
		}
		rows[i] = importRow{Index: i, ImportCandidate: cd, Errors: map[string]string{}}
	}
	other := map[string]string{}
	for k, msg := range fields {
		if i, name, ok := candidateField(k); ok && i < len(rows) {
			rows[i].Errors[name] = msg
		} else if !importTopFields[k] {
			other[k] = msg
		}
	}
	v := newView(c, "Preview: "+strings.TrimSpace(p.Title), "import")
	v.Form, v.Errors = f, fields
	pp.Stories, pp.Rows, pp.Other = sts, rows, other
	return h.renderImportPreview(c, http.StatusUnprocessableEntity, v, pp)
}

// renderImportPreview counts the rows kept and the duplicates, and shows the preview.
func (h *Handler) renderImportPreview(c echo.Context, status int, v view, p importPreviewPage) error {
	p.TooLarge = h.importFormTooLarge("", p.Rows)
	for _, r := range p.Rows {
		if r.Duplicate {
			p.Duplicates++
		}
		if r.Selected {
			p.Selected++
		}
	}
	v.D = p
	return h.render(c, status, "import_preview", v)
}

// maxFormFields is how many fields Go's form parser accepts in one request
// (net/url's default limit); a larger import form would arrive empty.
const maxFormFields = 10000

// importFormTooLarge tells, before the desk spends time on the rows, whether
// the preview's form would be refused when sent back: more rows than one
// import takes, more fields than a form may carry, or a body over the limit.
func (h *Handler) importFormTooLarge(text string, rows []importRow) string {
	const advice = " Import it with the claimdesk import command, or paste it in parts."
	if len(rows) > models.MaxImportCandidates {
		return fmt.Sprintf("This blog has %d candidate claims; one import takes at most %d.", len(rows), models.MaxImportCandidates) + advice
	}
	fields, size := 6, int64(len(url.QueryEscape(text)))+256
	for _, r := range rows {
		// Sent for every row (selected and unverifiable at most), then
		// the hidden fields the template writes only when set.
		vals := []string{"1", r.Claim, r.Claimant, r.Caveat, "0000", "1"}
		for _, v := range []string{r.Quote, r.Verb, r.Channel, r.Via} {
			if v != "" {
				vals = append(vals, v)
			}
		}
		if r.Direct {
			vals = append(vals, "1")
		}
		if r.SourceID > 0 {
			vals = append(vals, "000000", r.SourceName)
		}
		fields += len(vals)
		for _, v := range vals {
			size += int64(len(url.QueryEscape(v))) + 32 // the field's name
		}
	}
	if limit := h.store.MaxUploadBytes() + h.cfg.MaxBodyBytes; fields > maxFormFields || size > limit {
		return fmt.Sprintf("This blog and its %d candidate claims are too large to send back through this page.", len(rows)) + advice
	}
	return ""
}

// importText returns the blog to preview: the uploaded .txt file when one was
// chosen, else the pasted text. fromFile says which, so a message about the
// text can be shown under the control the user used.
func importText(c echo.Context, pasted string) (text string, fromFile bool, err error) {
	fh, err := c.FormFile("file")
	switch {
	case errors.Is(err, http.ErrMissingFile), errors.Is(err, http.ErrNotMultipart):
		return pasted, false, nil
	case err != nil:
		return "", false, &models.ValidationError{Fields: map[string]string{"file": "could not be read; try again or paste the text"}}
	}
	if fh.Size == 0 && fh.Filename == "" {
		return pasted, false, nil
	}
	if strings.TrimSpace(pasted) != "" {
		return "", true, &models.ValidationError{Fields: map[string]string{"file": "choose a file or paste the text, not both"}}
	}
	b, err := readUpload(fh)
	if err != nil {
		return "", true, err
	}
	if len(b) > liveblog.MaxInputBytes {
		return "", true, &models.ValidationError{Fields: map[string]string{"file": fmt.Sprintf("is larger than %d MB", liveblog.MaxInputBytes>>20)}}
	}
	if kind := http.DetectContentType(b); len(b) > 0 && !strings.HasPrefix(kind, "text/plain") {
		return "", true, &models.ValidationError{Fields: map[string]string{"file": "is not a plain-text file (it looks like " +
			strings.SplitN(kind, ";", 2)[0] + "): save the live blog as .txt and upload that, or paste its text"}}
	}
	return string(b), true, nil
}

// readUpload reads at most one byte more than a blog may have, so an
// oversized file is recognised without being read whole.
func readUpload(fh *multipart.FileHeader) ([]byte, error) {
	file, err := fh.Open()
	if err != nil {
		return nil, &models.ValidationError{Fields: map[string]string{"file": "could not be read; try again or paste the text"}}
	}
	defer file.Close()
	b, err := io.ReadAll(io.LimitReader(file, liveblog.MaxInputBytes+1))
	if err != nil {
		return nil, &models.ValidationError{Fields: map[string]string{"file": "could not be read; try again or paste the text"}}
	}
	return b, nil
}

// importStoryID is the story a preview is for: the one chosen, or the current
// story that already has the title typed (an import goes into that one), so
// the preview can mark the claims it already holds.
func importStoryID(f url.Values, sts []models.Story) int64 {
	if id, err := strconv.ParseInt(strings.TrimSpace(f.Get("story_id")), 10, 64); err == nil && id > 0 {
		return id
	}
	title := strings.TrimSpace(f.Get("story_title"))
	if title == "" {
		return 0
	}
	for _, s := range sts {
		if s.Title == title {
			return s.ID
		}
	}
	return 0
}

// importCandidatesFromForm reads the preview's rows: fields named
// candidates[i].claim and so on, for i below the form's count. A claimant
// edited away from the matched source's name is sent without the source, so
// the import matches or creates it afresh.
func importCandidatesFromForm(form url.Values) ([]models.ImportCandidate, error) {
	n, err := strconv.Atoi(strings.TrimSpace(form.Get("count")))
	if err != nil || n < 0 {
		return nil, &models.ValidationError{Fields: map[string]string{"candidates": "the preview's rows did not arrive whole; preview the blog again"}}
	}
	if n > models.MaxImportCandidates {
		return nil, &models.ValidationError{Fields: map[string]string{"candidates": fmt.Sprintf("at most %d claims in one import", models.MaxImportCandidates)}}
	}
	out := make([]models.ImportCandidate, n)
	for i := range out {
		p := "candidates[" + strconv.Itoa(i) + "]."
		get := func(name string) string { return form.Get(p + name) }
		cd := models.ImportCandidate{Selected: get("selected") != "", Claim: get("claim"), Claimant: get("claimant"),
			Quote: get("quote"), Verb: get("verb"), Direct: get("direct") != "", Channel: get("channel"), Via: get("via"),
			Unverifiable: get("unverifiable") != "", Caveat: get("caveat"), EntryIndex: -1, Key: get("key"), Role: get("role"),
			Duplicate: get("duplicate") != ""}
		if s := strings.TrimSpace(get("entry_index")); s != "" {
			if cd.EntryIndex, err = strconv.Atoi(s); err != nil {
				cd.EntryIndex = -2 // not an entry: the import names the field
			}
		}
		if id, err := strconv.ParseInt(strings.TrimSpace(get("source_id")), 10, 64); err == nil && id > 0 {
			name := get("source_name")
			if strings.EqualFold(strings.TrimSpace(cd.Claimant), strings.TrimSpace(name)) {
				cd.SourceID, cd.SourceName = id, name
			}
		}
		cd.LinkTo, cd.LinkKind = importLinkFromForm(get("link"))
		out[i] = cd
	}
	return out, nil
}

// candidateField splits "candidates[3].claim" into 3 and "claim".
func candidateField(key string) (int, string, bool) {
	rest, ok := strings.CutPrefix(key, "candidates[")
	if !ok {
		return 0, "", false
	}
	num, name, ok := strings.Cut(rest, "].")
	if !ok {
		return 0, "", false
	}
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 {
		return 0, "", false
	}
	return i, name, true
}

// importMessage sums up an import for the flash line.
func importMessage(r *models.ImportResult) string {
	return fmt.Sprintf("Imported %s (%d already there), %s.", plural(r.ClaimsAdded, "claim", "claims"),
		r.ClaimsExisting, plural(r.SourcesAdded, "new source", "new sources"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// utf8Text tells whether s may be shown again in the form's text area.
func utf8Text(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}
