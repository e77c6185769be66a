package handlers

import (
	"net/url"
	"strings"
)

// maxReturnPath bounds a return address; no desk page needs a longer one.
const maxReturnPath = 4000

// localPath returns to as a same-site path to redirect to, or false when it
// could send the browser anywhere else. Browsers forgive a great deal in a
// Location header (they drop tabs and newlines and read a backslash as a
// slash, so "/\t/evil.example" and "/\evil.example" both mean
// "//evil.example", another site), so the address is parsed and only a clean
// path with an optional query and fragment passes: no control characters,
// backslashes, scheme, host or user, and no "//" at its start, even encoded.
func localPath(to string) (string, bool) {
	if to == "" || len(to) > maxReturnPath || !strings.HasPrefix(to, "/") || unsafeInPath(to) {
		return "", false
	}
	u, err := url.Parse(to)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "", false
	}
	p, err := url.PathUnescape(u.EscapedPath())
	if err != nil || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || unsafeInPath(p) {
		return "", false
	}
	return u.String(), true
}

// unsafeInPath reports characters a browser may reinterpret in a path:
// control characters, backslashes and, at the start, a second slash.
func unsafeInPath(s string) bool {
	if strings.HasPrefix(s, "//") || strings.ContainsRune(s, '\\') {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}
