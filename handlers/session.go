package handlers

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// Cookie names. The session cookie holds the session token (its hash is in the
// sessions table); the pre-session cookie carries the CSRF token of the setup
// and sign-in forms, which are shown before any session exists; the flash
// cookie carries the one-line message shown after a redirect.
const (
	sessionCookie    = "claimdesk_session"
	preSessionCookie = "claimdesk_presession"
	flashCookie      = "claimdesk_flash"
	sessionKey       = "claimdesk.session"
	csrfField        = "csrf"
	csrfHeader       = "X-CSRF-Token"
)

// currentSession returns the browser session of a request made with the
// session cookie; nil for Bearer requests and anonymous ones.
func currentSession(c echo.Context) *models.Session {
	s, _ := c.Get(sessionKey).(*models.Session)
	return s
}

// secureRequest tells whether the browser reached us over HTTPS, directly or
// through a proxy that says so, so cookies get the Secure flag.
func secureRequest(c echo.Context) bool {
	return c.Scheme() == "https"
}

// setCookie writes a cookie with the flags every Claimdesk cookie shares.
func setCookie(c echo.Context, name, value string, maxAge int) {
	c.SetCookie(&http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: secureRequest(c)})
}

// loadSession resolves the session cookie, if any, into the user and session
// of the request. A cookie that no longer names a session is cleared.
func (h *Handler) loadSession(c echo.Context) (*models.User, *models.Session, error) {
	ck, err := c.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil, nil, nil
	}
	u, sess, err := h.store.SessionUser(c.Request().Context(), ck.Value)
	if errors.Is(err, models.ErrNoSession) {
		setCookie(c, sessionCookie, "", -1)
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return u, sess, nil
}

// webAuth lets signed-in browsers through to the pages. An anonymous GET is
// sent to sign in (or to the first-run setup when nobody can sign in yet);
// any other anonymous request is refused.
func (h *Handler) webAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u, sess, err := h.loadSession(c)
		if err != nil {
			return err
		}
		if u == nil {
			r := c.Request()
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				return echo.NewHTTPError(http.StatusForbidden, "your session has ended; sign in again")
			}
			n, err := h.store.UserCount(r.Context())
			if err != nil {
				return err
			}
			if n == 0 {
				return c.Redirect(http.StatusSeeOther, "/setup")
			}
			return c.Redirect(http.StatusSeeOther, "/signin?next="+url.QueryEscape(r.URL.RequestURI()))
		}
		c.Set(userKey, u)
		c.Set(sessionKey, sess)
		return next(c)
	}
}

// csrfProtect refuses, with 403 and before anything is written, any
// state-changing page request whose CSRF token (form field "csrf", or the
// X-CSRF-Token header) does not match the session's.
func (h *Handler) csrfProtect(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if safeMethod(c) {
			return next(c)
		}
		r := c.Request()
		sent := r.Header.Get(csrfHeader)
		if sent == "" {
			// Bound the body before the form is parsed for its token: an
			// upload may only be as large as the store accepts.
			r.Body = http.MaxBytesReader(c.Response(), r.Body, h.store.MaxUploadBytes()+h.cfg.MaxBodyBytes)
			sent = c.FormValue(csrfField)
		}
		if sess := currentSession(c); sess == nil || !sess.ValidCSRF(sent) {
			return badCSRF()
		}
		return next(c)
	}
}

// csrfHeaderOnly is the API's CSRF check for session-authenticated calls: the
// token must come in the X-CSRF-Token header, which a cross-site form cannot set.
func csrfHeaderOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if safeMethod(c) {
			return next(c)
		}
		if sess := currentSession(c); sess == nil || !sess.ValidCSRF(c.Request().Header.Get(csrfHeader)) {
			return badCSRF()
		}
		return next(c)
	}
}

// badCSRF is the answer to a state-changing request without a valid CSRF token.
func badCSRF() error {
	return echo.NewHTTPError(http.StatusForbidden, "the form's security token is missing or out of date; reload the page and try again")
}

func safeMethod(c echo.Context) bool {
	switch c.Request().Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	return false
}

// preSessionToken returns the CSRF token of the anonymous forms (setup and
// sign-in), creating its cookie on first use. The forms echo it back and
// checkPreSession compares the two: a cross-site page can neither read the
// cookie nor set it, so it cannot forge the form.
func preSessionToken(c echo.Context) string {
	if ck, err := c.Cookie(preSessionCookie); err == nil && len(ck.Value) >= 32 {
		return ck.Value
	}
	t := randomString(32)
	setCookie(c, preSessionCookie, t, 3600)
	return t
}

// checkPreSession is the CSRF check of the anonymous forms.
func checkPreSession(c echo.Context) error {
	ck, err := c.Cookie(preSessionCookie)
	sent := c.FormValue(csrfField)
	if err != nil || ck.Value == "" || sent == "" || subtle.ConstantTimeCompare([]byte(ck.Value), []byte(sent)) != 1 {
		return badCSRF()
	}
	return nil
}

func randomString(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// setFlash leaves a message for the page the browser is redirected to.
func setFlash(c echo.Context, msg string) {
	setCookie(c, flashCookie, url.QueryEscape(msg), 60)
}

// takeFlash reads and clears the message left by the previous request.
func takeFlash(c echo.Context) string {
	ck, err := c.Cookie(flashCookie)
	if err != nil || ck.Value == "" {
		return ""
	}
	setCookie(c, flashCookie, "", -1)
	msg, err := url.QueryUnescape(ck.Value)
	if err != nil {
		return ""
	}
	return msg
}

// redirectBack redirects to a local path given by a form (the page the user
// came from), or to fallback when it is missing or could lead elsewhere (see
// localPath).
func redirectBack(c echo.Context, to, fallback string) error {
	if p, ok := localPath(to); ok {
		to = p
	} else {
		to = fallback
	}
	return c.Redirect(http.StatusSeeOther, to)
}
