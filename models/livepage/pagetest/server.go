// Package pagetest serves live-blog pages that change between fetches, for
// the tests of following a blog: a real HTTP server on 127.0.0.1 whose
// entries, status and validators a test sets, and which counts the fetches
// it answered and the conditional ones among them.
package pagetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Entry is one update the served blog prints.
type Entry struct {
	ID, Time, Headline string
	// Paragraphs are the entry's text, one <p> each.
	Paragraphs []string
}

// Server is a live blog that a test edits while Claimdesk follows it.
type Server struct {
	*httptest.Server
	mu      sync.Mutex
	entries []Entry
	raw     []byte // served as is instead of the entries when set
	page    []byte // the entries rendered, until they change
	status  int
	retry   string
	fetches []time.Time
	cond    int // requests that carried If-None-Match matching the page
	noETag  bool
}

// NoValidators makes the server send no ETag, as many sites do.
func (s *Server) NoValidators() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noETag = true
}

// New starts a blog server printing entries (newest first).
func New(entries ...Entry) *Server {
	s := &Server{entries: entries, status: http.StatusOK}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL of the blog page.
func (s *Server) Page() string { return s.URL + "/live/blog" }

// SetEntries replaces what the blog prints.
func (s *Server) SetEntries(entries ...Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries, s.raw, s.page = entries, nil, nil
}

// Add prints a new entry at the top, as live blogs do.
func (s *Server) Add(e Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries, s.page = append([]Entry{e}, s.entries...), nil
}

// Entries is what the blog prints now.
func (s *Server) Entries() []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Entry(nil), s.entries...)
}

// SetRaw serves body as is (a page that is not a live blog, garbage).
func (s *Server) SetRaw(body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.raw = body
}

// SetStatus makes the server answer with status (and Retry-After, if not
// empty) instead of the page; http.StatusOK serves the page again.
func (s *Server) SetStatus(status int, retryAfter string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.retry = status, retryAfter
}

// Fetches are the times of the requests answered so far.
func (s *Server) Fetches() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.fetches...)
}

// NotModified counts the requests answered 304 because their If-None-Match
// named the current page.
func (s *Server) NotModified() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cond
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fetches = append(s.fetches, time.Now())
	if s.status != http.StatusOK {
		if s.retry != "" {
			w.Header().Set("Retry-After", s.retry)
		}
		http.Error(w, http.StatusText(s.status), s.status)
		return
	}
	body := s.raw
	if body == nil {
		if s.page == nil {
			s.page = Render(s.entries)
		}
		body = s.page
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if s.noETag {
		etag = ""
	}
	if etag != "" && r.Header.Get("If-None-Match") == etag {
		s.cond++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if etag != "" {
		w.Header().Set("ETag", etag)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(body)
}

// Render prints entries as a news site's live blog: article blocks with a
// <time> and a heading, inside page furniture.
func Render(entries []Entry) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><title>Live: the floods</title></head><body>` +
		`<nav><a href="/">Home</a></nav><main><h1>The floods – live</h1><div class="feed">`)
	for _, e := range entries {
		fmt.Fprintf(&b, `<article class="update" id="%s"><time>%s</time><h2>%s</h2>`, html.EscapeString(e.ID), html.EscapeString(e.Time), html.EscapeString(e.Headline))
		for _, p := range e.Paragraphs {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
		}
		b.WriteString(`<footer><button>Share</button></footer></article>`)
	}
	b.WriteString(`</div></main></body></html>`)
	return []byte(b.String())
}
