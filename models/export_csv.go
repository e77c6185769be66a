package models

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// csvWriter writes the CSV export straight from the raw rows: the same bytes
// encoding/csv wrote (CRLF line ends, quotes only where needed, a newline
// inside a cell as CRLF, every cell neutralised), without the ExportRow, the
// times or the strings in between.
type csvWriter struct {
	w    *bufio.Writer
	base string
	row  []byte
	cell []byte
	attr attributionWriter
}

func newCSVWriter(w *bufio.Writer, opt ExportOptions) *csvWriter {
	return &csvWriter{w: w, base: strings.TrimRight(opt.BaseURL, "/"), row: make([]byte, 0, 4096),
		cell: make([]byte, 0, 512)}
}

func (e *csvWriter) header() error {
	b := e.row[:0]
	for i, c := range CSVColumns() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVCell(b, c)
	}
	e.row = append(b, '\r', '\n')
	_, err := e.w.Write(e.row)
	return err
}

func (e *csvWriter) write(x *exportRaw) error {
	id := x.id
	b := e.row[:0]
	b = appendCSVInt(b, id)
	b = append(b, ',')
	b = appendCSVInt(b, x.storyID)
	b = append(b, ',')
	for _, s := range [...]string{x.story, x.entryTime, x.entryHeadline, x.claimant, x.claimantRole, x.claimantKind,
		x.text, x.quote, x.verb} {
		b = appendCSVCell(b, s)
		b = append(b, ',')
	}
	if x.direct {
		b = append(b, "direct,"...)
	} else {
		b = append(b, "indirect,"...)
	}
	b = appendCSVCell(b, x.channel)
	b = append(b, ',')
	b = appendCSVCell(b, x.via)
	b = append(b, ',')
	b = appendRFC3339(b, x.madeAt)
	b = append(b, ',')
	b = appendRFC3339(b, x.reportedAt)
	b = append(b, ',')
	for _, s := range [...]string{x.reportedURL, x.verifiability, x.verifiabilityReason, x.verdict, x.rationale, x.verdictBy} {
		b = appendCSVCell(b, s)
		b = append(b, ',')
	}
	b = appendRFC3339(b, x.verdictAt)
	b = append(b, ',')
	b = appendCSVCell(b, x.signedOffBy)
	b = append(b, ',')
	b = appendRFC3339(b, x.signedOffAt)
	signed := x.signedOffAt != nil
	if Verdict(x.verdict).Final() && signed {
		b = append(b, ",yes,"...)
	} else {
		b = append(b, ",no,"...)
	}
	// evidence_urls: each item's EvidenceURL, newline-separated.
	c := e.cell[:0]
	for i := range x.evs {
		ev := &x.evs[i]
		if ev.url == "" && !ev.hasSHA {
			continue
		}
		if len(c) > 0 {
			c = append(c, EvidenceURLSeparator...)
		}
		if ev.url != "" {
			c = append(c, ev.url...)
		} else {
			c = append(c, e.base...)
			c = append(c, "/api/v1/evidence/"...)
			c = strconv.AppendInt(c, ev.id, 10)
			c = append(c, "/file"...)
		}
	}
	b = appendCSVCell(b, c)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(exportCorroboration(x.evs, x.claimant)), 10)
	b = append(b, ',')
	c = e.attr.appendLine(c[:0], x)
	b = appendCSVCell(b, c)
	b = append(b, ',')
	c = append(c[:0], e.base...)
	c = append(c, "/claims/"...)
	c = strconv.AppendInt(c, id, 10)
	b = appendCSVCell(b, c)
	b = append(b, ',')
	c = appendCorrectionLines(c[:0], x.corrections)
	b = appendCSVCell(b, c)
	b = append(b, ',')
	c = appendTags(c[:0], x.tags)
	b = appendCSVCell(b, c)
	e.cell = c
	e.row = append(b, '\r', '\n')
	_, err := e.w.Write(e.row)
	return err
}

// appendCSVInt appends a number cell (a negative one neutralised, as
// NeutraliseCell would).
func appendCSVInt(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '\'')
	}
	return strconv.AppendInt(b, n, 10)
}

// appendCSVCell appends one cell as csvEncoder wrote it: NeutraliseCell, then
// encoding/csv's quoting with UseCRLF (quoted when the cell holds a comma, a
// quote, CR or LF, starts with a space or is `\.`; inside quotes, a quote
// doubled, CR dropped, LF written as CRLF).
func appendCSVCell[T ~string | ~[]byte](b []byte, s T) []byte {
	if len(s) == 0 {
		return b
	}
	neut := neutralise(s)
	// Cells with a comma are common (quotes, attribution lines); cells with
	// a quote or a line break are rare, and only they need more than
	// enclosing in quotes.
	escape := hasCSVEscape(s)
	quote := escape || hasByte(s, ',')
	if !quote && !neut {
		if string(s) == `\.` {
			quote = true
		} else if c := s[0]; c < utf8.RuneSelf {
			quote = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			r, _ := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
			quote = unicode.IsSpace(r)
		}
	}
	if !quote {
		if neut {
			b = append(b, '\'')
		}
		return append(b, s...)
	}
	b = append(b, '"')
	if neut {
		b = append(b, '\'')
	}
	if !escape {
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			b = append(b, s[start:i+1]...)
			b = append(b, '"')
			start = i + 1
		case '\r':
			b = append(b, s[start:i]...)
			start = i + 1
		case '\n':
			b = append(b, s[start:i]...)
			b = append(b, '\r', '\n')
			start = i + 1
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// hasCSVEscape reports whether s holds a quote, CR or LF: what makes a
// quoted cell more than the cell between quotes. hasCSVEscape and hasByte
// look with the library's IndexByte, which reads many bytes per instruction:
// four passes took half the time of one pass a byte at a time.
func hasCSVEscape[T ~string | ~[]byte](s T) bool {
	return hasByte(s, '"') || hasByte(s, '\n') || hasByte(s, '\r')
}

// hasByte reports whether s holds c.
func hasByte[T ~string | ~[]byte](s T, c byte) bool {
	if b, ok := any(s).([]byte); ok {
		return bytes.IndexByte(b, c) >= 0
	}
	return strings.IndexByte(string(s), c) >= 0
}

// neutralise reports whether NeutraliseCell would prefix s with a quote.
func neutralise[T ~string | ~[]byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	case 0xEF: // the full-width ＝ ＋ － ＠: EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0
		if len(s) >= 3 && s[1] == 0xBC {
			switch s[2] {
			case 0x9D, 0x8B, 0x8D, 0xA0:
				return true
			}
		}
	}
	return false
}
