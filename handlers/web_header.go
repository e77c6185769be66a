package handlers

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// headerInfo is what the page header counts for the signed-in user: final
// verdicts awaiting an editor's sign-off (editors only) and unread mentions.
type headerInfo struct {
	AwaitingSignOff int64
	UnreadMentions  int64
}

// awaitingQuery is the desk view of verdicts awaiting sign-off, the verdict
// that has waited longest first.
const awaitingQuery = "/?awaiting_signoff=1&sort=verdict_at"

// header counts for the page header; a failure to count is an error like any
// other rather than a header that silently says zero.
func (h *Handler) header(c echo.Context, u *models.User) (*headerInfo, error) {
	ctx := c.Request().Context()
	hi := &headerInfo{}
	var err error
	if u.Role.AtLeast(models.RoleEditor) {
		if hi.AwaitingSignOff, err = h.store.CountClaims(ctx, models.ClaimFilter{AwaitingSignOff: true, PerPage: 1}); err != nil {
			return nil, err
		}
	}
	if hi.UnreadMentions, err = h.store.UnreadMentions(ctx, u.ID); err != nil {
		return nil, err
	}
	return hi, nil
}

// deskNav names the desk view the header marks as current: the sign-off
// queue, the Unconfirmed view, or the desk.
func deskNav(nav string, f models.ClaimFilter) string {
	if nav != "desk" {
		return nav
	}
	switch {
	case f.AwaitingSignOff:
		return "awaiting"
	case f.Unconfirmed && !f.Stale && f.AssigneeID == 0 && !f.Unassigned:
		return "unconfirmed"
	}
	return "desk"
}

// canonicalAfterPost is the address of the page a form was sent from, when a
// POST answers with the form again (an error): the browser shows that
// address rather than the POST route, so a reload or a shared link opens the
// page, not a resubmission. Only an address on this host is used.
func canonicalAfterPost(c echo.Context, status int) string {
	r := c.Request()
	if r.Method != http.MethodPost || status < 400 {
		return ""
	}
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host || !strings.HasPrefix(ref.Path, "/") {
		return ""
	}
	return ref.RequestURI()
}

// shortcutPages are the pages whose keyboard shortcuts the footer lists.
var shortcutPages = map[string]string{
	"desk": "list search", "sources": "list search", "source": "list", "stories": "list", "story": "list",
	"mentions": "list", "claim": "verdict",
}

// Shortcuts says which keys the page has ("list", "search", "verdict"); the
// footer only lists those.
func (v view) Shortcuts() string { return shortcutPages[v.Page] }
