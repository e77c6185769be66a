package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// apiFixture is the whole router on a fresh database, with a token per role.
type apiFixture struct {
	t      testing.TB
	store  *models.Store
	e      *echo.Echo
	tokens map[string]string
	users  map[string]*models.User
}

func newAPIFixture(t testing.TB) *apiFixture {
	t.Helper()
	st, e := newTestRouter(t)
	f := &apiFixture{t: t, store: st, e: e, tokens: map[string]string{}, users: map[string]*models.User{}}
	for _, who := range []struct {
		key, name string
		role      models.Role
	}{
		{"admin", "Ada Admin", models.RoleAdmin}, {"editor", "Eve Editor", models.RoleEditor},
		{"editor2", "Ed Second", models.RoleEditor}, {"fc", "Fay Checker", models.RoleFactchecker},
		{"viewer", "Vic Viewer", models.RoleViewer},
	} {
		f.addUser(who.key, who.name, who.role)
	}
	return f
}

// addUser creates a user (email KEY@desk.test) with an API token, both
// kept under key.
func (f *apiFixture) addUser(key, name string, role models.Role) {
	f.t.Helper()
	u, err := f.store.CreateUser(context.Background(), models.NewUser{Name: name, Email: key + "@desk.test", Role: role, Password: "a long enough password"})
	if err != nil {
		f.t.Fatal(err)
	}
	tok, _, err := f.store.CreateToken(context.Background(), u.Email, "test")
	if err != nil {
		f.t.Fatal(err)
	}
	f.tokens[key], f.users[key] = tok, u
}

// do sends a request through the whole router as the given user ("" = anonymous).
func (f *apiFixture) do(who, method, path string, body any) *httptest.ResponseRecorder {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req := httptest.NewRequest(method, path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	}
	rec := httptest.NewRecorder()
	f.e.ServeHTTP(rec, req)
	return rec
}

// upload sends a multipart evidence upload.
func (f *apiFixture) upload(who, path string, fields map[string]string, fileName string, data []byte) *httptest.ResponseRecorder {
	f.t.Helper()
	body, ct := multipartBody(fields, fileName, data)
	req := httptest.NewRequest(http.MethodPost, path, body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	rec := httptest.NewRecorder()
	f.e.ServeHTTP(rec, req)
	return rec
}

// decode parses a JSON answer into a map.
func decode(t testing.TB, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v\n%s", err, rec.Body.String())
	}
	return m
}

// mustStatus fails unless the answer has the status.
func mustStatus(t testing.TB, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status %d, want %d: %s", rec.Code, want, rec.Body.String())
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newReq(method, path, auth string) *http.Request {
	r := httptest.NewRequest(method, path, nil)
	r.Header.Set("Authorization", auth)
	return r
}

func serve(f *apiFixture, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	f.e.ServeHTTP(rec, r)
	return rec
}
