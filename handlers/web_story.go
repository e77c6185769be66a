package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// storiesPage lists the stories with their claim counts, and the form to start one.
func (h *Handler) storiesPage(c echo.Context) error {
	return h.renderStories(c, http.StatusOK, newView(c, "Stories", "stories"))
}

func (h *Handler) renderStories(c echo.Context, status int, v view) error {
	archived := c.QueryParam("archived") == "1"
	sts, err := h.store.Stories(c.Request().Context(), archived, 500)
	if err != nil {
		return err
	}
	v.D = map[string]any{"Stories": sts, "Archived": archived}
	return h.render(c, status, "stories", v)
}

// storyCreate starts a story and opens it.
func (h *Handler) storyCreate(c echo.Context) error {
	f := formValues(c, storyFields()...)
	st, err := h.store.CreateStory(c.Request().Context(), currentUser(c), storyFormInput(f))
	if ve, ok := asValidation(err); ok {
		v := newView(c, "Stories", "stories")
		v.Form, v.Errors = f, ve.Fields
		return h.renderStories(c, http.StatusUnprocessableEntity, v)
	}
	if err != nil {
		return err
	}
	setFlash(c, "Story created. Add its entries and claims below.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(st.ID, 10))
}

// storyFields lists the story details a person sets, on the stories page
// when starting a story and on the story page when editing one.
func storyFields() []string { return []string{"title", "url", "language", "date", "time_zone"} }

// storyFormInput is a story form's details as the store takes them.
func storyFormInput(f url.Values) models.StoryInput {
	return models.StoryInput{Title: ptr(f.Get("title")), URL: ptr(f.Get("url")), Language: ptr(f.Get("language")),
		Date: ptr(f.Get("date")), TimeZone: ptr(f.Get("time_zone"))}
}

func ptr(s string) *string { return &s }

// entryBlock is one live-blog entry with its claims, as the story page lists it.
type entryBlock struct {
	Entry       *models.Entry
	Claims      []models.Claim
	Unconfirmed int
}

// chartCol is one column of the story's chart: the claims of one entry,
// stacked by verdict.
type chartCol struct {
	X, W, LabelX float64
	Label        string
	Total        int64
	Segs         []chartSeg
	ShowLabel    bool
}

// chartSeg is one verdict's part of a column.
type chartSeg struct {
	Y, H    float64
	Verdict string
	Label   string
	N       int64
}

// storyPage is what the story page shows. Details are the values of the
// form that edits the story's details; Conflict says the story changed
// while the user was editing it.
type storyPage struct {
	Story       *models.Story
	Details     url.Values
	Conflict    bool
	Entries     []entryBlock
	Total       int64
	Shown       int
	Unconfirmed int64
	Counts      map[string]int64
	Chart       []chartCol
	ChartMax    int64
	Corrections []models.Correction
	// Follow and Inbox are the followed blog and its candidates.
	Follow *followView
	Inbox  *inboxView
}

// Chart geometry, in SVG user units.
const (
	chartW, chartH, chartTop, chartLeft = 800.0, 170.0, 10.0, 30.0
	chartBase                           = 140.0
)

func (h *Handler) storyPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderStory(c, id, http.StatusOK, newView(c, "", "stories"))
}

func (h *Handler) renderStory(c echo.Context, id int64, status int, v view) error {
	ctx := c.Request().Context()
	st, err := h.store.Story(ctx, id)
	if err != nil {
		return err
	}
	entries, err := h.store.Entries(ctx, id)
	if err != nil {
		return err
	}
	f := models.ClaimFilter{StoryID: id, Sort: "reported", PerPage: models.MaxPerPage}
	list, err := h.store.Claims(ctx, f)
	if err != nil {
		return err
	}
	counts, err := h.store.StoryVerdictsByEntry(ctx, id)
	if err != nil {
		return err
	}
	p := storyPage{Story: st, Details: storyDetails(st, v.Form), Conflict: status == http.StatusConflict,
		Total: list.Total, Shown: len(list.Claims), Counts: map[string]int64{}}
	if p.Corrections, err = h.store.Corrections(ctx, models.CorrectionFilter{StoryID: id}); err != nil {
		return err
	}
	byEntry := map[int64]int{}
	for i := range entries {
		byEntry[entries[i].ID] = len(p.Entries)
		p.Entries = append(p.Entries, entryBlock{Entry: &entries[i]})
	}
	loose := entryBlock{}
	for _, cl := range list.Claims {
		b := &loose
		if cl.EntryID != nil {
			if i, ok := byEntry[*cl.EntryID]; ok {
				b = &p.Entries[i]
			}
		}
		b.Claims = append(b.Claims, cl)
		if cl.Unconfirmed {
			b.Unconfirmed++
		}
	}
	if len(loose.Claims) > 0 {
		p.Entries = append(p.Entries, loose)
	}
	for _, r := range counts {
		p.Counts[string(r.Verdict)] += r.N
		if r.Verdict.Unconfirmed() {
			p.Unconfirmed += r.N
		}
	}
	p.Chart, p.ChartMax = storyChart(entries, counts)
	if p.Follow, p.Inbox, err = h.storyFollowing(c, id, v); err != nil {
		return err
	}
	v.Title = st.Title
	v.D = p
	return h.render(c, status, "story", v)
}

// storyDetails is what the details form shows: what the user typed when the
// form comes back, else the story as it is stored.
func storyDetails(st *models.Story, f url.Values) url.Values {
	if f.Get("_form") == "story" {
		return f
	}
	return url.Values{"title": {st.Title}, "url": {st.URL}, "language": {st.Language}, "date": {st.Date}, "time_zone": {st.TimeZone}}
}

// storyUpdate saves a story's edited details. The form carries the version
// it was based on: when someone changed the story meanwhile, nothing is
// overwritten and the page shows the current details above what the user
// typed (409), to compare and submit again.
func (h *Handler) storyUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, append(storyFields(), "version")...)
	f.Set("_form", "story")
	if version := formVersion(f); version <= 0 {
		err = &models.ValidationError{Fields: map[string]string{"version": "is missing: reload the page and edit again"}}
	} else {
		_, err = h.store.UpdateStory(c.Request().Context(), id, version, storyFormInput(f))
	}
	if err != nil {
		return h.storyFormFailed(c, id, f, err)
	}
	setFlash(c, "Story details saved.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(id, 10))
}

// storyFormFailed shows the story page again after one of its forms failed:
// with the messages and what was typed for invalid input (422), or with the
// current details above what was typed when the story changed meanwhile
// (409). Any other error is returned as it is.
func (h *Handler) storyFormFailed(c echo.Context, id int64, f url.Values, err error) error {
	status := http.StatusUnprocessableEntity
	var sce *models.StoryConflictError
	ve, invalid := asValidation(err)
	switch {
	case errors.As(err, &sce):
		status = http.StatusConflict
	case !invalid:
		return err
	}
	v := newView(c, "", "stories")
	v.Form = f
	if invalid {
		v.Errors = ve.Fields
	}
	return h.renderStory(c, id, status, v)
}

// storyChart lays out one stacked column per entry, in time order, with a
// last column for claims outside any entry.
func storyChart(entries []models.Entry, counts []models.EntryVerdictCount) ([]chartCol, int64) {
	type key struct {
		entry   int64
		verdict models.Verdict
	}
	n := map[key]int64{}
	hasLoose := false
	for _, r := range counts {
		e := derefID(r.EntryID)
		if e == 0 {
			hasLoose = true
		}
		n[key{e, r.Verdict}] += r.N
	}
	type colSrc struct {
		id    int64
		label string
	}
	var cols []colSrc
	for _, e := range models.Chronological(entries) {
		label := e.TimeText
		if label == "" {
			label = "#" + strconv.Itoa(e.Position+1)
		}
		cols = append(cols, colSrc{e.ID, label})
	}
	if hasLoose {
		cols = append(cols, colSrc{0, "other"})
	}
	if len(cols) == 0 {
		return nil, 0
	}
	var max int64
	for _, cs := range cols {
		var t int64
		for _, vd := range models.Verdicts() {
			t += n[key{cs.id, vd}]
		}
		if t > max {
			max = t
		}
	}
	if max == 0 {
		return nil, 0
	}
	step := (chartW - chartLeft) / float64(len(cols))
	w := step * 0.8
	if w > 40 {
		w = 40
	}
	every := len(cols)/12 + 1
	out := make([]chartCol, 0, len(cols))
	for i, cs := range cols {
		x := chartLeft + float64(i)*step + (step-w)/2
		col := chartCol{X: x, W: w, LabelX: x + w/2, Label: cs.label, ShowLabel: i%every == 0}
		y := chartBase
		for _, vd := range models.Verdicts() {
			k := n[key{cs.id, vd}]
			if k == 0 {
				continue
			}
			hgt := (chartBase - chartTop) * float64(k) / float64(max)
			y -= hgt
			col.Segs = append(col.Segs, chartSeg{Y: y, H: hgt, Verdict: string(vd), Label: vd.Label(), N: k})
			col.Total += k
		}
		out = append(out, col)
	}
	return out, max
}

// storyEntryCreate adds a live-blog entry by hand.
func (h *Handler) storyEntryCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, "time", "headline", "body")
	f.Set("_form", "entry")
	ctx := c.Request().Context()
	es, err := h.store.Entries(ctx, id)
	if err != nil {
		return err
	}
	_, err = h.store.CreateEntry(ctx, id, models.EntryInput{TimeText: f.Get("time"), Headline: f.Get("headline"), Body: f.Get("body"), Position: len(es)})
	if err != nil {
		return h.storyFormFailed(c, id, f, err)
	}
	setFlash(c, "Entry added.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(id, 10)+"#entries")
}

// storyArchive archives a story (or restores it): editors take a finished live
// blog off the desk's story lists; nothing in it is deleted.
func (h *Handler) storyArchive(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	archived := c.FormValue("archived") != "0"
	st, err := h.store.SetStoryArchived(c.Request().Context(), id, archived)
	if err != nil {
		return err
	}
	if st.Archived {
		setFlash(c, "Story archived: it no longer appears in story lists; its claims stay on the desk.")
	} else {
		setFlash(c, "Story restored.")
	}
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(id, 10))
}

// storyClaimCreate adds a claim to the story, with its claimant matched to a
// known source by name or alias (or a new source).
func (h *Handler) storyClaimCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, "text", "claimant", "quote", "entry_id", "verb", "channel", "via", "reported_url", "verifiability", "verifiability_reason")
	f.Set("_form", "claim")
	in := models.ClaimInput{StoryID: &id, Text: ptr(f.Get("text")), Claimant: ptr(f.Get("claimant")), Quote: ptr(f.Get("quote")),
		Verb: ptr(f.Get("verb")), Channel: ptr(f.Get("channel")), Via: ptr(f.Get("via")), ReportedURL: ptr(f.Get("reported_url")),
		VerifiabilityReason: ptr(f.Get("verifiability_reason"))}
	if e := strings.TrimSpace(f.Get("entry_id")); e != "" {
		n, err := strconv.ParseInt(e, 10, 64)
		if err == nil {
			in.EntryID = &n
		}
	}
	if vf := f.Get("verifiability"); vf != "" {
		x := models.Verifiability(vf)
		in.Verifiability = &x
	}
	direct := c.FormValue("direct") != ""
	in.Direct = &direct
	cl, err := h.store.CreateClaimAsking(c.Request().Context(), currentUser(c), in, c.FormValue("not_duplicate") != "")
	if err != nil {
		return h.storyFormFailed(c, id, f, duplicateQuestion(err))
	}
	setFlash(c, "Claim #"+strconv.FormatInt(cl.ID, 10)+" added.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(id, 10)+"#claim-"+strconv.FormatInt(cl.ID, 10))
}
