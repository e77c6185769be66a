package liveblog

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestBadInput checks the sentinel errors and that odd input gives a bounded
// result, never a panic.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		text string
		err  error
	}{
		{"empty", "", ErrEmpty},
		{"whitespace only", " \n\t\r\n  ", ErrEmpty},
		{"too large", strings.Repeat("a", MaxInputBytes+1), ErrTooLarge},
		{"NUL bytes", "The minister said\x00 the toll rose.", ErrNotText},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrNotText},
		{"invalid UTF-8", "The minister said \xff\xfe the toll rose.", ErrNotText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(tc.text); !errors.Is(err, tc.err) {
				t.Errorf("Parse: err = %v, want %v", err, tc.err)
			}
			if _, err := Extract(tc.text); !errors.Is(err, tc.err) {
				t.Errorf("Extract: err = %v, want %v", err, tc.err)
			}
		})
	}
}

// TestNoEntries checks that text without timestamps or attributions is one
// entry and no candidates, not an error.
func TestNoEntries(t *testing.T) {
	text := "Just a note\n\nThe river rose overnight and roads were closed."
	b, err := Parse(text)
	if err != nil || len(b.Entries) != 1 {
		t.Fatalf("Parse = %+v, %v", b, err)
	}
	cands, err := Extract(text)
	if err != nil || len(cands) != 0 {
		t.Fatalf("Extract = %+v, %v", cands, err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, cands); err != nil || strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("WriteJSON = %q, %v", buf.String(), err)
	}
}

// TestHugeLine checks that a 5 MB line without full stops is handled
// quickly.
func TestHugeLine(t *testing.T) {
	text := strings.Repeat("officials said the water rose and ", 5<<20/34)
	start := time.Now()
	cands, err := Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("5 MB line took %v", d)
	}
	t.Logf("5 MB line: %d candidates in %v", len(cands), time.Since(start))
	if _, err := Extract(strings.Repeat("x", 5<<20)); err != nil {
		t.Fatal(err)
	}
}

// TestHTMLIsPlainText checks that markup comes through unchanged: it is
// text to the extractor, and escaping is the views' job.
func TestHTMLIsPlainText(t *testing.T) {
	text := `Live <b>blog</b>

11:03 a.m.: <script>alert("x")</script>

The mayor said the <i>bridge</i> & the road were closed.`
	b, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Live <b>blog</b>" || !strings.Contains(b.Entries[0].Headline+b.Entries[0].Body, `<script>alert("x")</script>`) {
		t.Errorf("got %+v", b)
	}
	cands, err := Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	c := find(t, cands, "the road were closed")
	if !strings.Contains(c.Claim, "<i>bridge</i> & the road") {
		t.Errorf("claim = %q", c.Claim)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, cands); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "<i>bridge</i> & the road") {
		t.Errorf("WriteJSON escaped HTML: %s", buf.String())
	}
	var back []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
}

// TestJSONShape checks the field names of the extract contract.
func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	err := WriteJSON(&buf, []Candidate{{Claim: "c", Claimant: "s", Quote: "q", Time: "11:03 a.m.", Headline: "h", EntryIndex: 3}})
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"claim", "claimant", "quote", "time", "headline", "unverifiable"}
	if len(got) != 1 || len(got[0]) != len(want) {
		t.Fatalf("got %v", got)
	}
	for _, k := range want {
		if _, ok := got[0][k]; !ok {
			t.Errorf("missing %q", k)
		}
	}
}
