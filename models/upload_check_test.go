package models

import (
	"context"
	"strings"
	"testing"
)

func TestUploadsThatCouldRenderAsPagesAreRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "A claim with uploads")
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
	svg := `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>`
	mht := "From: <Saved by Blink>\r\nSubject: page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\"\r\n\r\n<html></html>"
	for _, tc := range []struct {
		name, data string
		ok         bool
	}{
		{"x.html.", "hello", false},
		{"x.svg.", "hello", false},
		{"x.svg. . ", "hello", false},
		{"x.HTM", "hello", false},
		{"x.mht", "hello", false},
		{"archive.mhtml", "hello", false},
		{"page.txt", mht, false},
		{"photo.png", svg, false},
		{"photo.png", "\n\n  " + strings.ToUpper(svg), false},
		{"photo.png", `<?xml version="1.0"?>` + svg, false},
		{"invoice\u202elmth.txt", "hello", false},
		{"scan\u2067.pdf", "%PDF-1.4 x", false},
		{"report.pdf", "%PDF-1.4 x", true},
		{"photo.png", png, true},
		{"notes.txt", "The minister said 5 < 6 and 7 > 3.", true},
		{`<svg onload=alert(6)>.txt`, "data", true},
	} {
		_, err := f.s.AddEvidence(ctx, f.fc, c.ID, EvidenceInput{Kind: "document", Stance: "supports", File: strings.NewReader(tc.data), FileName: tc.name})
		if tc.ok && err != nil {
			t.Errorf("%q was refused: %v", tc.name, err)
		}
		if !tc.ok {
			if err == nil {
				t.Errorf("%q (%.20q…) was accepted", tc.name, tc.data)
				continue
			}
			fieldErr(t, err, "file")
		}
	}
	evs, err := f.s.ClaimEvidence(ctx, c.ID)
	if err != nil || len(evs) != 4 {
		t.Fatalf("%d evidence items stored, want the 4 acceptable ones (%v)", len(evs), err)
	}
}
