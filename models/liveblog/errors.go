package liveblog

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxInputBytes is the largest text Parse and Extract accept (10 MiB). A live
// blog is a few hundred kilobytes at most; the limit keeps a mistaken upload
// from tying up a request.
const MaxInputBytes = 10 << 20

var (
	// ErrEmpty is returned for input that is empty or only whitespace, so
	// callers can tell the user "nothing pasted" rather than "no claims".
	ErrEmpty = errors.New("liveblog: input is empty")

	// ErrTooLarge is returned for input longer than MaxInputBytes.
	ErrTooLarge = fmt.Errorf("liveblog: input is larger than %d bytes", MaxInputBytes)

	// ErrNotText is returned for input that is not UTF-8 text: invalid UTF-8
	// sequences, NUL bytes or other control characters. Invalid bytes are
	// rejected rather than replaced so that every quote handed back is a
	// faithful copy of what the user pasted.
	ErrNotText = errors.New("liveblog: input is not UTF-8 text")
)

// normalize checks the input and returns the text every offset and quote
// refers to: line breaks as "\n", tabs and other odd spaces as " ", no byte
// order mark.
func normalize(text string) (string, error) {
	if len(text) > MaxInputBytes {
		return "", ErrTooLarge
	}
	if !utf8.ValidString(text) {
		return "", ErrNotText
	}
	if clean, ok := alreadyNormal(text); ok {
		if strings.TrimSpace(clean) == "" {
			return "", ErrEmpty
		}
		return clean, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	for i, r := range text {
		switch {
		case r == '\uFEFF' && i == 0:
			continue
		case r == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t' || r == '\f' || r == '\v' || r == '\u00A0' || r == '\u202F' || r == '\u2007':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7F:
			return "", ErrNotText
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if strings.TrimSpace(out) == "" {
		return "", ErrEmpty
	}
	return out, nil
}

// alreadyNormal reports whether text needs no rewriting (the common case of
// pasted UTF-8 with "\n" line ends), which spares a copy of the input. It
// returns ok=false also for input normalize must reject, leaving the errors
// to the slow path.
func alreadyNormal(text string) (string, bool) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
		case c < 0x20 || c == 0x7F:
			return "", false
		case c >= 0xC2 && c <= 0xE2:
			// Lead bytes of U+00A0, U+2007, U+2028/9, U+202F, U+FEFF and
			// other runes: look at the rune.
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == '\u00A0' || r == '\u2028' || r == '\u2029' || r == '\u202F' || r == '\u2007' {
				return "", false
			}
			i += size - 1
		case c == 0xEF && i == 0:
			return "", false // a byte order mark, perhaps
		}
	}
	return text, true
}
