package atom

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// The feed parses back as Atom, with the required elements (RFC 4287
// 4.1.1, 4.1.2) and markup in text escaped.
func TestWriteParses(t *testing.T) {
	at := time.Date(2026, 6, 4, 14, 5, 0, 0, time.UTC)
	f := &Feed{ID: "https://news.example/public/feed.atom", Title: Plain("Fact checks"), Updated: Time(at),
		Author: &Person{Name: "Newsroom"}, Links: []Link{{Rel: "self", Href: "https://news.example/public/feed.atom"}},
		Entries: []Entry{{ID: "https://news.example/public/claims/1#published", Title: Plain(`False: "<script>alert(1)</script>" & more`),
			Updated: Time(at), Links: []Link{{Rel: "alternate", Type: "text/html", Href: "https://news.example/public/claims/1"}},
			Summary: &Text{Type: "text", Body: "Update, 4 June"}}}}
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") {
		t.Fatalf("markup not escaped: %s", buf.String())
	}
	var back Feed
	if err := xml.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.XMLName.Space != NS || back.ID != f.ID || len(back.Entries) != 1 || back.Entries[0].Title.Body != f.Entries[0].Title.Body ||
		!time.Time(back.Entries[0].Updated).Equal(at) || back.Entries[0].Links[0].Href != "https://news.example/public/claims/1" {
		t.Fatalf("parsed back: %+v", back)
	}
}
