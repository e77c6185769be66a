package handlers

import (
	"bytes"
	"claimdesk/models/dbtest"
	"mime/multipart"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"claimdesk/models"
)

// testNow is the fixed clock of the router tests.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// newTestRouter opens a fresh database (see package dbtest) with a fixed clock
// and builds the whole router on it, for the API and the page tests alike.
func newTestRouter(t testing.TB) (*models.Store, *echo.Echo) {
	t.Helper()
	path, url := dbtest.Target(t)
	return newTestRouterAt(t, path, url)
}

// newTestRouterAt is newTestRouter on a given database (a SQLite path or a
// PostgreSQL URL), for tests that also look into the database directly.
func newTestRouterAt(t testing.TB, path, url string) (*models.Store, *echo.Echo) {
	t.Helper()
	return newTestRouterWith(t, models.Config{Path: path, DatabaseURL: url, Now: func() time.Time { return testNow }}, Config{})
}

// newTestRouterWith builds the whole router on a store opened with scfg and
// the HTTP settings cfg (logging discarded unless cfg says otherwise; new
// passwords hashed at bcrypt's lowest cost unless scfg says otherwise, see
// models.Config.PasswordCost).
func newTestRouterWith(t testing.TB, scfg models.Config, cfg Config) (*models.Store, *echo.Echo) {
	t.Helper()
	if scfg.PasswordCost == 0 {
		scfg.PasswordCost = bcrypt.MinCost
	}
	st, err := models.Open(scfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if cfg.Logger == nil {
		cfg.Logger = discardLogger()
	}
	e, err := New(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return st, e
}

// multipartBody builds a multipart form with the fields and, when fileName is
// set, a "file" part holding data; it returns the body and its content type.
func multipartBody(fields map[string]string, fileName string, data []byte) (*bytes.Buffer, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileName != "" {
		fw, _ := mw.CreateFormFile("file", fileName)
		fw.Write(data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}
