package handlers

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// inboxWebRoutes registers the web desk's side of following a blog: the
// follow form on the story page, the inbox there and on its own page, and
// the forms that accept and dismiss candidates (which work without script;
// static/inbox.js makes them keyboard-driven and live).
func (h *Handler) inboxWebRoutes(web *echo.Group) {
	viewer, fc := need(models.RoleViewer), need(models.RoleFactchecker)
	web.GET("/inbox", h.inboxPage, viewer)
	web.GET("/inbox/fragment", h.inboxFragment, viewer)
	web.POST("/stories/:id/follow", h.storyFollow, fc)
	web.POST("/stories/:id/unfollow", h.storyUnfollow, fc)
	web.POST("/candidates/bulk", h.candidatesBulkForm, fc)
	web.POST("/candidates/:id/accept", h.candidateAcceptForm, fc)
	web.POST("/candidates/:id/dismiss", h.candidateDismissForm, fc)
}

// inboxView is what the inbox partial shows: pending candidates, newest
// first, and whether the reader may decide them.
type inboxView struct {
	StoryID    int64
	Candidates []models.Candidate
	Pending    int64
	CSRF       string
	CanDecide  bool
	// ShowStory names each candidate's story (the desk-wide inbox).
	ShowStory bool
	Stories   map[int64]string
	// Since is the last live event before the candidates were read: the
	// page's event stream replays what came after, so a candidate proposed
	// while the page loaded is not missed.
	Since int64
}

// followView is the follow partial: the story's follow, if any, and the
// form's values and messages after a failed submit.
type followView struct {
	StoryID int64
	Follow  *models.Follow
	CSRF    string
	CanEdit bool
	Form    url.Values
	Errors  map[string]string
}

// inboxFor loads a story's inbox (0 = every story's).
func (h *Handler) inboxFor(c echo.Context, storyID int64, v view) (*inboxView, error) {
	ctx := c.Request().Context()
	since, err := h.store.LastEventID(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := h.store.Candidates(ctx, models.CandidateFilter{StoryID: storyID, Limit: 200})
	if err != nil {
		return nil, err
	}
	n, err := h.store.PendingCandidateCount(ctx, storyID)
	if err != nil {
		return nil, err
	}
	iv := &inboxView{StoryID: storyID, Candidates: cs, Pending: n, CSRF: v.CSRF, CanDecide: v.Can("factchecker"), ShowStory: storyID == 0, Since: since}
	if iv.ShowStory && len(cs) > 0 {
		sts, err := h.store.Stories(ctx, true, 0)
		if err != nil {
			return nil, err
		}
		iv.Stories = map[int64]string{}
		for _, st := range sts {
			iv.Stories[st.ID] = st.Title
		}
	}
	return iv, nil
}

// storyFollowing is the story page's follow form and inbox.
func (h *Handler) storyFollowing(c echo.Context, storyID int64, v view) (*followView, *inboxView, error) {
	fv := &followView{StoryID: storyID, CSRF: v.CSRF, CanEdit: v.Can("factchecker"), Form: url.Values{}, Errors: map[string]string{}}
	fl, err := h.store.FollowOf(c.Request().Context(), storyID)
	switch {
	case err == nil:
		fv.Follow = fl
	case !models.IsNotFound(err):
		return nil, nil, err
	}
	if v.Form.Get("_form") == "follow" {
		fv.Form, fv.Errors = v.Form, v.Errors
	}
	iv, err := h.inboxFor(c, storyID, v)
	return fv, iv, err
}

func (h *Handler) inboxPage(c echo.Context) error {
	v := newView(c, "Inbox", "desk")
	iv, err := h.inboxFor(c, 0, v)
	if err != nil {
		return err
	}
	v.D = iv
	return h.render(c, http.StatusOK, "inbox", v)
}

// inboxFragment is the inbox partial alone, which the page script swaps in
// when the live events say candidates were proposed.
func (h *Handler) inboxFragment(c echo.Context) error {
	var id int64
	if s := c.QueryParam("story"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return echo.NewHTTPError(http.StatusNotFound, "not found")
		}
		id = n
	}
	iv, err := h.inboxFor(c, id, newView(c, "", ""))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := h.pages["inbox"].ExecuteTemplate(&buf, "inbox", iv); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

func (h *Handler) storyFollow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := formValues(c, "url", "every_seconds")
	f.Set("_form", "follow")
	every, perr := strconv.ParseInt(strings.TrimSpace(f.Get("every_seconds")), 10, 64)
	if perr != nil && strings.TrimSpace(f.Get("every_seconds")) != "" {
		return h.storyFormFailed(c, id, f, &models.ValidationError{Fields: map[string]string{"every_seconds": "must be a number of seconds"}})
	}
	_, err = h.store.StartFollow(c.Request().Context(), currentUser(c), id, models.FollowInput{URL: f.Get("url"), EverySeconds: every, Floor: h.cfg.FollowFloor})
	if err != nil {
		return h.storyFormFailed(c, id, f, err)
	}
	setFlash(c, "Following the live blog: new entries' claims will wait in the inbox below.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(id, 10)+"#follow")
}

func (h *Handler) storyUnfollow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.StopFollow(c.Request().Context(), id); err != nil {
		return err
	}
	setFlash(c, "Stopped following the live blog. What it found stays.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(id, 10)+"#follow")
}

// candidateReturn is where a decision's form goes back to: the page it
// came from (the story or the desk-wide inbox), else the candidate's story.
func candidateReturn(c echo.Context, storyID int64) string {
	if r := c.FormValue("return"); r == "/inbox" || storyPath.MatchString(r) {
		return r + "#inbox"
	}
	return "/stories/" + strconv.FormatInt(storyID, 10) + "#inbox"
}

// storyPath is a story page's address, the only other page a decision's
// form may return to.
var storyPath = regexp.MustCompile(`^/stories/[0-9]+$`)

// formCandidate loads the candidate a decision's form names.
func (h *Handler) formCandidate(c echo.Context) (*models.Candidate, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	return h.store.Candidate(c.Request().Context(), id)
}

func (h *Handler) candidateAcceptForm(c echo.Context) error {
	cand, err := h.formCandidate(c)
	if err != nil {
		return err
	}
	var edits models.CandidateEdits
	if c.FormValue("edit") == "1" {
		text := func(name string) *string { v := c.FormValue(name); return &v }
		flag := func(name string) *bool { v := c.FormValue(name) == "1"; return &v }
		edits = models.CandidateEdits{Claim: text("claim"), Claimant: text("claimant"), Quote: text("quote"), Verb: text("verb"),
			Channel: text("channel"), Via: text("via"), Caveat: text("caveat"), Direct: flag("direct"), Unverifiable: flag("unverifiable")}
	}
	claim, err := h.store.AcceptCandidate(c.Request().Context(), currentUser(c), cand.ID, edits)
	if err != nil {
		return h.candidateFailed(c, cand, err)
	}
	setFlash(c, "Accepted: claim #"+strconv.FormatInt(claim.ID, 10)+" added to the story.")
	return c.Redirect(http.StatusSeeOther, candidateReturn(c, cand.StoryID))
}

func (h *Handler) candidateDismissForm(c echo.Context) error {
	cand, err := h.formCandidate(c)
	if err != nil {
		return err
	}
	if _, err := h.store.DismissCandidate(c.Request().Context(), currentUser(c), cand.ID, c.FormValue("reason")); err != nil {
		return h.candidateFailed(c, cand, err)
	}
	setFlash(c, "Dismissed.")
	return c.Redirect(http.StatusSeeOther, candidateReturn(c, cand.StoryID))
}

// candidateFailed goes back to the page with the reason a decision was
// refused (invalid edits, or someone decided the candidate first).
func (h *Handler) candidateFailed(c echo.Context, cand *models.Candidate, err error) error {
	var de *models.CandidateDecidedError
	if ve, ok := asValidation(err); ok {
		setFlash(c, notDone(ve))
	} else if errors.As(err, &de) {
		setFlash(c, "Someone else got there first: the candidate was already "+de.Current.State+".")
	} else {
		return err
	}
	return c.Redirect(http.StatusSeeOther, candidateReturn(c, cand.StoryID))
}

func (h *Handler) candidatesBulkForm(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	var ids []int64
	for _, s := range form["ids"] {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			ids = append(ids, n)
		}
	}
	back := "/inbox#inbox"
	if sid, err := strconv.ParseInt(c.FormValue("story"), 10, 64); err == nil && sid > 0 {
		back = "/stories/" + strconv.FormatInt(sid, 10) + "#inbox"
	}
	out, err := h.store.DecideCandidates(c.Request().Context(), currentUser(c), ids, c.FormValue("action") == "accept", c.FormValue("reason"))
	if ve, ok := asValidation(err); ok {
		setFlash(c, notDone(ve))
		return c.Redirect(http.StatusSeeOther, back)
	}
	if err != nil {
		return err
	}
	done, failed := 0, 0
	for _, o := range out {
		if o.Error == "" {
			done++
		} else {
			failed++
		}
	}
	msg := strconv.Itoa(done) + " candidate(s) " + map[bool]string{true: "accepted", false: "dismissed"}[c.FormValue("action") == "accept"] + "."
	if failed > 0 {
		msg += " " + strconv.Itoa(failed) + " could not be (already decided by someone else)."
	}
	setFlash(c, msg)
	return c.Redirect(http.StatusSeeOther, back)
}

// notDone is a refused decision's messages as one flash line.
func notDone(ve *models.ValidationError) string {
	parts := make([]string, 0, len(ve.Fields))
	for f, m := range ve.Fields {
		parts = append(parts, f+" "+m)
	}
	sort.Strings(parts)
	return "Not done: " + strings.Join(parts, "; ") + "."
}

// importToInboxForm sends a previewed paste's ticked candidates to the
// chosen story's inbox instead of storing them as claims.
func (h *Handler) importToInboxForm(c echo.Context, f url.Values, req models.ImportRequest) error {
	res, err := h.store.SendImportToInbox(c.Request().Context(), req)
	if ve, ok := asValidation(err); ok {
		return h.importCommitFailed(c, f, req.StoryID, req.Candidates, ve.Fields)
	}
	if err != nil {
		return err
	}
	setFlash(c, strconv.Itoa(len(res.CandidateIDs))+" candidate(s) sent to the inbox, "+strconv.Itoa(res.EntriesAdded)+" entries added.")
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(res.StoryID, 10)+"#inbox")
}
