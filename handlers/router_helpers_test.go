package handlers

import (
	"bytes"
	"mime/multipart"
	"path/filepath"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/models"
)

// testNow is the fixed clock of the router tests.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// newTestRouter opens a fresh SQLite file in t's temp dir with a fixed clock
// and builds the whole router on it, for the API and the page tests alike.
func newTestRouter(t testing.TB) (*models.Store, *echo.Echo) {
	t.Helper()
	st, err := models.Open(models.Config{Path: filepath.Join(t.TempDir(), "test.db"), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := New(st, Config{Logger: discardLogger()})
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
