package handlers

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// blogWith makes a pasted live blog with n entries, each one claim.
func blogWith(n int, padding string) string {
	var b strings.Builder
	b.WriteString("Live: air defence drills\n\n")
	for i := range n {
		fmt.Fprintf(&b, "%d:%02d a.m.\nUpdate %d %s\nThe governor said %d drones were shot down over the region %s.\n\n", 1+i%11, i%60, i, padding, i, padding)
	}
	return b.String()
}

func TestImportPreviewIsBounded(t *testing.T) {
	f := newAPIFixture(t)
	// More candidates than one import may hold.
	rec := f.do("fc", "POST", "/api/v1/imports/liveblog", map[string]any{"text": blogWith(5001, "")})
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "more than 5,000 candidate claims") {
		t.Errorf("message: %s", rec.Body.String())
	}
	// A paste whose preview would be far larger than itself: long
	// headlines repeated in every candidate.
	rec = f.do("fc", "POST", "/api/v1/imports/liveblog", map[string]any{"text": blogWith(2200, strings.Repeat("word ", 400))})
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "larger than 16 MB") || rec.Body.Len() > 1000 {
		t.Errorf("message (%d bytes): %.300s", rec.Body.Len(), rec.Body.String())
	}
	// An ordinary blog previews as before.
	rec = f.do("fc", "POST", "/api/v1/imports/liveblog", map[string]any{"text": blogWith(50, "")})
	mustStatus(t, rec, http.StatusOK)
	if n := strings.Count(rec.Body.String(), `"claimant":`); n != 50 {
		t.Errorf("%d candidates, want 50", n)
	}
}

// Only ImportsAtOnce previews run at once; one more is told to come back,
// before its body is read.
func TestImportPreviewsAtOnceAreBounded(t *testing.T) {
	f := newAPIFixture(t)
	held := make([]*io.PipeWriter, DefaultImportsAtOnce)
	done := make(chan int, DefaultImportsAtOnce)
	for i := range held {
		pr, pw := io.Pipe()
		held[i] = pw
		req := httptest.NewRequest("POST", "/api/v1/imports/liveblog", pr)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+f.tokens["fc"])
		go func() {
			rec := httptest.NewRecorder()
			f.e.ServeHTTP(rec, req)
			done <- rec.Code
		}()
		// The request is inside once it has read part of its body.
		if _, err := pw.Write([]byte(`{"text":"Live`)); err != nil {
			t.Fatal(err)
		}
	}
	rec := f.do("fc", "POST", "/api/v1/imports/liveblog", map[string]any{"text": blogWith(3, "")})
	mustStatus(t, rec, http.StatusServiceUnavailable)
	if !strings.Contains(rec.Body.String(), "try again in a few seconds") || rec.Header().Get("Retry-After") == "" {
		t.Errorf("busy answer: %v %s", rec.Header(), rec.Body.String())
	}
	for _, pw := range held {
		pw.Write([]byte(`: drills\n\n11:03 a.m.\nUpdate\nThe governor said 3 drones were shot down.\n"}`))
		pw.Close()
	}
	for range held {
		select {
		case code := <-done:
			if code != http.StatusOK {
				t.Errorf("held preview: %d", code)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a held preview did not finish")
		}
	}
	mustStatus(t, f.do("fc", "POST", "/api/v1/imports/liveblog", map[string]any{"text": blogWith(3, "")}), http.StatusOK)
}
