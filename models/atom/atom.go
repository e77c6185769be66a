// Package atom writes Atom 1.0 feeds (RFC 4287): the public feed of a
// newsroom's published verdicts and corrections. It knows nothing of claims;
// the handler fills the entries.
package atom

import (
	"encoding/xml"
	"io"
	"time"
)

// NS is the Atom namespace.
const NS = "http://www.w3.org/2005/Atom"

// Feed is an Atom feed document.
type Feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   Text     `xml:"title"`
	Updated Time     `xml:"updated"`
	Author  *Person  `xml:"author,omitempty"`
	Links   []Link   `xml:"link"`
	Entries []Entry  `xml:"entry"`
}

// Entry is one item of the feed.
type Entry struct {
	ID        string  `xml:"id"`
	Title     Text    `xml:"title"`
	Updated   Time    `xml:"updated"`
	Published *Time   `xml:"published,omitempty"`
	Links     []Link  `xml:"link"`
	Summary   *Text   `xml:"summary,omitempty"`
	Content   *Text   `xml:"content,omitempty"`
	Category  []Cat   `xml:"category,omitempty"`
	Author    *Person `xml:"author,omitempty"`
}

// Text is a plain-text construct (type="text"): escaped by the encoder,
// never interpreted as markup by readers.
type Text struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

// Plain makes a plain-text construct.
func Plain(s string) Text { return Text{Type: "text", Body: s} }

// Link is an Atom link.
type Link struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

// Person names an author.
type Person struct {
	Name string `xml:"name"`
}

// Cat is an Atom category.
type Cat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// Time is an Atom date construct: RFC 3339 in UTC.
type Time time.Time

// MarshalXML writes the time as RFC 3339.
func (t Time) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(time.Time(t).UTC().Format(time.RFC3339), start)
}

// UnmarshalXML reads an RFC 3339 time, for readers and tests.
func (t *Time) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var s string
	if err := d.DecodeElement(&s, &start); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return err
	}
	*t = Time(v)
	return nil
}

// ContentType is the media type of an Atom feed.
const ContentType = "application/atom+xml; charset=utf-8"

// Write writes the feed as an XML document.
func Write(w io.Writer, f *Feed) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
