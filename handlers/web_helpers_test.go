package handlers

import (
	"claimdesk/models/dbtest"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// webApp is the whole router on a fresh database, for tests of the pages.
type webApp struct {
	t     *testing.T
	store *models.Store
	e     *echo.Echo
	now   time.Time
	// dbPath or dbURL is the database under the store (see package dbtest).
	dbPath, dbURL string
}

const webPassword = "a long enough password"

func newWebApp(t *testing.T) *webApp {
	t.Helper()
	path, url := dbtest.Target(t)
	st, e := newTestRouterAt(t, path, url)
	return &webApp{t: t, store: st, e: e, now: testNow, dbPath: path, dbURL: url}
}

// user creates a user with the test password.
func (a *webApp) user(key string, role models.Role) *models.User {
	a.t.Helper()
	u, err := a.store.CreateUser(context.Background(), models.NewUser{Name: strings.ToUpper(key[:1]) + key[1:] + " Tester",
		Email: key + "@desk.test", Role: role, Password: webPassword})
	if err != nil {
		a.t.Fatal(err)
	}
	return u
}

// browser is a cookie-keeping client of the web app.
type browser struct {
	a       *webApp
	cookies map[string]*http.Cookie
	csrf    string
	ip      string
}

func (a *webApp) browser() *browser {
	return &browser{a: a, cookies: map[string]*http.Cookie{}, ip: "192.0.2.10"}
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(method, path string, form url.Values, header http.Header) *httptest.ResponseRecorder {
	b.a.t.Helper()
	var r *http.Request
	if form != nil && method != http.MethodGet {
		r = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		r.Header.Set(echo.HeaderContentType, echo.MIMEApplicationForm)
	} else {
		r = httptest.NewRequest(method, path, nil)
	}
	r.Header.Set("Accept", "text/html")
	r.RemoteAddr = b.ip + ":5555"
	for k, vs := range header {
		r.Header.Del(k)
		for _, v := range vs {
			r.Header.Add(k, v)
		}
	}
	for _, c := range b.cookies {
		r.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	b.a.e.ServeHTTP(rec, r)
	for _, c := range rec.Result().Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	if m := csrfInput.FindStringSubmatch(rec.Body.String()); m != nil {
		b.csrf = m[1]
	}
	return rec
}

func (b *browser) get(path string) *httptest.ResponseRecorder {
	return b.do(http.MethodGet, path, nil, nil)
}

// post submits a form with the page's CSRF token added.
func (b *browser) post(path string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", b.csrf)
	}
	return b.do(http.MethodPost, path, form, nil)
}

// signIn signs in through the pages and fails the test unless it works.
func (b *browser) signIn(email string) *browser {
	b.a.t.Helper()
	b.get("/signin")
	rec := b.post("/signin", url.Values{"email": {email}, "password": {webPassword}})
	if rec.Code != http.StatusSeeOther {
		b.a.t.Fatalf("sign in as %s: status %d: %s", email, rec.Code, rec.Body.String())
	}
	b.get("/")
	return b
}

func wantStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		body := rec.Body.String()
		if len(body) > 1500 {
			body = body[:1500]
		}
		t.Fatalf("status %d, want %d; location %q; body: %s", rec.Code, want, rec.Header().Get("Location"), body)
	}
}

// seedClaim makes a story, a source and a claim as the given user.
func (a *webApp) seedClaim(by *models.User, text, claimant string) *models.Claim {
	a.t.Helper()
	ctx := context.Background()
	title := "Story of " + claimant
	st, err := a.store.CreateStory(ctx, by, models.StoryInput{Title: &title})
	if err != nil {
		a.t.Fatal(err)
	}
	cl, err := a.store.CreateClaim(ctx, by, models.ClaimInput{StoryID: &st.ID, Text: &text, Claimant: &claimant})
	if err != nil {
		a.t.Fatal(err)
	}
	return cl
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
