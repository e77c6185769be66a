package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// listMentions answers GET /api/v1/mentions: the notes that mention the
// current user, newest first, with "read".
func (h *Handler) listMentions(c echo.Context) error {
	ms, err := h.store.Mentions(c.Request().Context(), currentUser(c).ID, 100)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"mentions": ms})
}

// readMentionsRequest marks mentions read: the ids given, or all of them.
type readMentionsRequest struct {
	IDs []int64 `json:"ids" validate:"max=500"`
}

func (h *Handler) readMentions(c echo.Context) error {
	var req readMentionsRequest
	if err := h.bindJSON(c, &req); err != nil {
		return err
	}
	n, err := h.store.MarkMentionsRead(c.Request().Context(), currentUser(c).ID, req.IDs)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"marked": n})
}

// mentionsPage lists the user's mentions on the web desk.
func (h *Handler) mentionsPage(c echo.Context) error {
	u := currentUser(c)
	ms, err := h.store.Mentions(c.Request().Context(), u.ID, 100)
	if err != nil {
		return err
	}
	unread := 0
	for _, m := range ms {
		if !m.Read {
			unread++
		}
	}
	handle := u.Email
	if i := strings.IndexByte(handle, '@'); i > 0 {
		handle = handle[:i]
	}
	v := newView(c, "Mentions", "mentions")
	v.D = map[string]any{"Mentions": ms, "Unread": unread, "Handle": handle}
	return h.render(c, http.StatusOK, "mentions", v)
}

// mentionOpen marks one mention read and opens its claim at the activity.
func (h *Handler) mentionOpen(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u := currentUser(c)
	ms, err := h.store.Mentions(c.Request().Context(), u.ID, 200)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.ID == id {
			if _, err := h.store.MarkMentionsRead(c.Request().Context(), u.ID, []int64{id}); err != nil {
				return err
			}
			return c.Redirect(http.StatusSeeOther, "/claims/"+strconv.FormatInt(m.ClaimID, 10)+"#activity")
		}
	}
	return echo.ErrNotFound
}

// mentionsReadForm marks every mention read from the Mentions page.
func (h *Handler) mentionsReadForm(c echo.Context) error {
	if _, err := h.store.MarkMentionsRead(c.Request().Context(), currentUser(c).ID, nil); err != nil {
		return err
	}
	setFlash(c, "All mentions marked read.")
	return c.Redirect(http.StatusSeeOther, "/mentions")
}
