package models

import (
	"encoding/binary"
	"strconv"
	"time"
	"unicode/utf8"
)

// AppendJSON appends p as encoding/json's Encoder writes it (with its
// trailing newline), byte for byte, without reflection: encoding a computed
// page of fifty claims through reflection cost about a tenth of answering
// it. ok is false when p holds something only encoding/json can answer for
// (a time outside the years 0–9999, which it refuses); the caller then uses
// encoding/json. TestClaimPageAppendJSON checks the bytes against
// encoding/json's for claims with every field set.
func (p *ClaimPage) AppendJSON(b []byte) (out []byte, ok bool) {
	if need := p.jsonSize(); cap(b)-len(b) < need {
		// Room for the whole answer at once: growing a buffer of a page's
		// size (some 70 KB) by doubling copied it and cleared twice its size.
		b = append(make([]byte, 0, len(b)+need), b...)
	}
	b = append(b, `{"claims":`...)
	if p.Claims == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Claims {
			if i > 0 {
				b = append(b, ',')
			}
			if b, ok = p.Claims[i].appendJSON(b); !ok {
				return nil, false
			}
		}
		b = append(b, ']')
	}
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, p.Total, 10)
	b = append(b, `,"page":`...)
	b = strconv.AppendInt(b, int64(p.Page), 10)
	b = append(b, `,"per_page":`...)
	b = strconv.AppendInt(b, int64(p.PerPage), 10)
	if p.Next != "" {
		b = append(b, `,"next":`...)
		b = appendJSONString(b, p.Next)
	}
	return append(b, "}\n"...), true
}

// appendJSON appends c as encoding/json writes it.
func (c *Claim) appendJSON(b []byte) ([]byte, bool) {
	ok := true
	str := func(key, v string) {
		b = append(b, key...)
		b = appendJSONString(b, v)
	}
	num := func(key string, v int64) {
		b = append(b, key...)
		b = strconv.AppendInt(b, v, 10)
	}
	id := func(key string, v *int64) {
		b = append(b, key...)
		if v == nil {
			b = append(b, "null"...)
			return
		}
		b = strconv.AppendInt(b, *v, 10)
	}
	flag := func(key string, v bool) {
		b = append(b, key...)
		b = strconv.AppendBool(b, v)
	}
	when := func(key string, t *time.Time) {
		b = append(b, key...)
		if t == nil {
			b = append(b, "null"...)
			return
		}
		if y := t.Year(); y < 0 || y > 9999 {
			ok = false
			return
		}
		b = append(b, '"')
		b = t.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	num(`{"id":`, c.ID)
	num(`,"story_id":`, c.StoryID)
	id(`,"entry_id":`, c.EntryID)
	num(`,"source_id":`, c.SourceID)
	str(`,"text":`, c.Text)
	str(`,"quote":`, c.Quote)
	str(`,"verb":`, c.Verb)
	flag(`,"direct":`, c.Direct)
	str(`,"channel":`, c.Channel)
	str(`,"via":`, c.Via)
	when(`,"made_at":`, c.MadeAt)
	when(`,"reported_at":`, &c.ReportedAt)
	str(`,"reported_url":`, c.ReportedURL)
	str(`,"verifiability":`, string(c.Verifiability))
	str(`,"verifiability_reason":`, c.VerifiabilityReason)
	str(`,"verdict":`, string(c.Verdict))
	flag(`,"unconfirmed":`, c.Unconfirmed)
	str(`,"verdict_rationale":`, c.VerdictRationale)
	id(`,"verdict_by":`, c.VerdictByID)
	when(`,"verdict_at":`, c.VerdictAt)
	id(`,"signed_off_by":`, c.SignedOffByID)
	when(`,"signed_off_at":`, c.SignedOffAt)
	id(`,"assignee_id":`, c.AssigneeID)
	num(`,"version":`, c.Version)
	id(`,"created_by":`, c.CreatedByID)
	id(`,"updated_by":`, c.UpdatedByID)
	when(`,"created_at":`, &c.CreatedAt)
	when(`,"updated_at":`, &c.UpdatedAt)
	when(`,"withdrawn_at":`, c.WithdrawnAt)
	id(`,"withdrawn_by":`, c.WithdrawnByID)
	str(`,"withdrawn_reason":`, c.WithdrawnReason)
	b = append(b, `,"tags":`...)
	if c.Tags == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, t := range c.Tags {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, t)
		}
		b = append(b, ']')
	}
	flag(`,"contradicted":`, c.Contradicted)
	str(`,"claimant":`, c.ClaimantName)
	str(`,"claimant_role":`, c.ClaimantRole)
	str(`,"claimant_kind":`, c.ClaimantKind)
	str(`,"story_title":`, c.StoryTitle)
	str(`,"entry_time":`, c.EntryTime)
	str(`,"entry_headline":`, c.EntryHeadline)
	str(`,"assignee_name":`, c.AssigneeName)
	str(`,"verdict_by_name":`, c.VerdictByName)
	str(`,"signed_off_by_name":`, c.SignedOffByName)
	flag(`,"stale":`, c.Stale)
	flag(`,"published":`, c.Published)
	str(`,"attribution_line":`, c.AttributionLine)
	return append(b, '}'), ok
}

// jsonSize estimates the length of p's JSON from above for a page of
// ordinary claims: each claim's names, numbers and times take under 900
// bytes, its own words their length, and an eighth more leaves room for
// escapes.
func (p *ClaimPage) jsonSize() int {
	n := 128 + len(p.Next)
	for i := range p.Claims {
		c := &p.Claims[i]
		n += 900 + len(c.Text) + len(c.Quote) + len(c.Verb) + len(c.Channel) + len(c.Via) + len(c.ReportedURL) +
			len(c.VerifiabilityReason) + len(c.VerdictRationale) + len(c.WithdrawnReason) + len(c.ClaimantName) +
			len(c.ClaimantRole) + len(c.ClaimantKind) + len(c.StoryTitle) + len(c.EntryTime) + len(c.EntryHeadline) +
			len(c.AssigneeName) + len(c.VerdictByName) + len(c.SignedOffByName) + len(c.AttributionLine)
		for _, t := range c.Tags {
			n += len(t) + 3
		}
	}
	return n + n/8
}

// plainJSON8 reports whether the eight bytes of w are all ASCII that a JSON
// string holds as it is: none below 0x20 or from 0x80, none of " \\ < > &.
func plainJSON8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// hasZero has a high bit set in each byte of x that is zero (and maybe
	// in bytes above one that is); it is all clear when no byte is zero.
	hasZero := func(x uint64) uint64 { return (x - ones) & ^x & highs }
	bad := w&highs | (w-0x20*ones)&^w&highs |
		hasZero(w^('"'*ones)) | hasZero(w^('\\'*ones)) | hasZero(w^('<'*ones)) | hasZero(w^('>'*ones)) | hasZero(w^('&'*ones))
	return bad == 0
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping on (its default): <, > and & as \u003c, \u003e and
// \u0026, control characters escaped, invalid UTF-8 as \ufffd, and U+2028
// and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight plain characters at a time: most of a claim's text is.
		for i+8 <= len(s) && plainJSON8(binary.LittleEndian.Uint64([]byte(s[i:i+8]))) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
