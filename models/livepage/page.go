package livepage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// MaxPageBytes is the largest page Read accepts (8 MiB). The biggest live
// blogs are a few megabytes; anything larger is not worth holding in memory.
const MaxPageBytes = 8 << 20

// MaxEntries bounds the entries taken from one page; a blog that keeps more
// than this on one page is read from its newest entries.
const MaxEntries = 5000

var (
	// ErrTooLarge is returned for a page over MaxPageBytes.
	ErrTooLarge = fmt.Errorf("livepage: page is larger than %d bytes", MaxPageBytes)
	// ErrNotHTML is returned for a body that is not text (binary, or not
	// UTF-8 even after the usual Latin-1 fallback).
	ErrNotHTML = errors.New("livepage: the page is not an HTML text")
	// ErrNotLiveBlog is returned for a page in which no timestamped entries
	// can be found: an article, a home page, an error page.
	ErrNotLiveBlog = errors.New("livepage: no live-blog entries found on the page")
)

// Format names how the entries were found, so the desk can tell a blog read
// from its structured data from one read by guessing at its layout.
type Format string

// The formats Read recognises, most reliable first.
const (
	FormatJSONLD    Format = "json-ld"
	FormatMicrodata Format = "microdata"
	FormatBlocks    Format = "html-blocks"
	FormatText      Format = "text"
)

// Page is a live blog as read from its HTML.
type Page struct {
	Title   string
	Format  Format
	Entries []Entry
}

// Entry is one update of a live blog.
type Entry struct {
	// ID is the update's own address: its URL (with #anchor) or @id in
	// structured data, or the id attribute of its block; "" when it has
	// none.
	ID string
	// Time is the time as the page prints it ("11:03 a.m."), or, for an
	// update known only by its datePublished, that time's clock ("14:05").
	Time string
	// Published is the instant the page gives for the update, zero when it
	// gives none.
	Published time.Time
	Headline  string
	// Body is plain text, paragraphs separated by blank lines.
	Body string
}

// Key is the entry's identity across fetches: its own address, else its
// time and headline, else a hash of its text. An entry whose text is edited
// keeps its Key.
func (e Entry) Key() string {
	if e.ID != "" {
		return "id:" + e.ID
	}
	if e.Time != "" || e.Headline != "" {
		stamp := e.Time
		if !e.Published.IsZero() {
			stamp = e.Published.UTC().Format(time.RFC3339)
		}
		if e.Headline != "" {
			return "th:" + stamp + "|" + squash(e.Headline)
		}
		// Time alone is too weak an identity: two entries share a minute.
		return "tb:" + stamp + "|" + e.TextHash()[:16]
	}
	return "tx:" + e.TextHash()
}

// TextHash is a hash of what the entry says, white space aside: a different
// hash under the same Key means the entry was edited.
func (e Entry) TextHash() string {
	h := sha256.New()
	h.Write([]byte(squash(e.Headline)))
	h.Write([]byte{0})
	h.Write([]byte(squash(e.Body)))
	return hex.EncodeToString(h.Sum(nil))
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Read parses a live-blog page. It returns ErrTooLarge, ErrNotHTML or
// ErrNotLiveBlog for pages it cannot use; entries come in the order the page
// prints them.
func Read(page []byte) (*Page, error) { return ReadAs(page, "") }

// ReadAs is Read for a page served with a Content-Type header, whose
// charset (or the page's own <meta charset>) says how to decode a page that
// is not UTF-8.
func ReadAs(page []byte, contentType string) (*Page, error) {
	if len(page) > MaxPageBytes {
		return nil, ErrTooLarge
	}
	if !looksLikeText(page) {
		return nil, ErrNotHTML
	}
	page = toUTF8(page, contentType)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, ErrNotHTML
	}
	p := &Page{Title: pageTitle(doc)}
	ix := indexIDs(doc)
	readers := []struct {
		f    Format
		read func(*html.Node, idIndex) []Entry
	}{
		{FormatJSONLD, readJSONLD},
		{FormatMicrodata, readMicrodata},
		{FormatBlocks, readBlocks},
		{FormatText, readText},
	}
	for _, r := range readers {
		entries := clean(r.read(doc, ix))
		if len(entries) > 0 {
			p.Format, p.Entries = r.f, entries
			return p, nil
		}
	}
	return nil, ErrNotLiveBlog
}

// clean drops empty entries and trims fields to the sizes the desk stores.
func clean(in []Entry) []Entry {
	out := in[:0]
	for _, e := range in {
		e.Headline = Clip(squash(e.Headline), 500)
		e.Time = Clip(squash(e.Time), 100)
		e.ID = Clip(strings.TrimSpace(e.ID), 1000)
		e.Body = Clip(strings.TrimSpace(e.Body), 100000)
		if e.Headline == "" && e.Body == "" {
			continue
		}
		out = append(out, e)
	}
	if len(out) > MaxEntries {
		out = out[:MaxEntries]
	}
	return out
}

// Clip cuts s to at most n runes, for text from pages nobody vetted that
// must fit the desk's limits.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// looksLikeText rejects binary bodies: NUL bytes or a high share of control
// characters in the first kilobytes.
func looksLikeText(b []byte) bool {
	head := b[:min(len(b), 8192)]
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return false
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*20 <= len(head)
}

// toUTF8 decodes a page in the encoding its header or <meta> declares;
// undeclared bytes that are not UTF-8 are read as Windows-1252, as
// browsers do.
func toUTF8(page []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(page, contentType)
	if name == "utf-8" {
		if utf8.Valid(page) {
			return page
		}
		return latin1ToUTF8(page)
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil || !utf8.Valid(out) {
		return latin1ToUTF8(page)
	}
	return out
}

// latin1ToUTF8 reads bytes as Latin-1, so no byte is lost.
func latin1ToUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// pageTitle is the page's <title> or first <h1>.
func pageTitle(doc *html.Node) string {
	var title, h1 string
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if title == "" {
					title = squash(textOf(n))
				}
			case "h1":
				if h1 == "" {
					h1 = squash(textOf(n))
				}
			}
		}
		return title == "" || h1 == ""
	})
	if title == "" {
		title = h1
	}
	return Clip(title, 500)
}
