package models

import (
	"strings"
	"time"
)

// parseDBTime reads a stored time as the driver would for a DATETIME column
// (the zero time when it cannot), in UTC.
func parseDBTime(s string) time.Time {
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqliteTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// sqliteTimeLayouts are the layouts the sqlite3 driver reads times in, in
// its order (its SQLiteTimestampFormats).
var sqliteTimeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// unixDBTime reads an integer time as the driver does: milliseconds when too
// large for seconds.
func unixDBTime(v int64) time.Time {
	if v > 1e12 || v < -1e12 {
		return time.Unix(0, v*int64(time.Millisecond)).UTC()
	}
	return time.Unix(v, 0).UTC()
}

// rawTime reads a time column as stored (text or integer; NULL: zero).
func rawTime(v any) time.Time {
	switch t := v.(type) {
	case string:
		return parseDBTime(t)
	case int64:
		return unixDBTime(t)
	case time.Time:
		return t.UTC()
	}
	return time.Time{}
}

func rawTimePtr(v any) *time.Time {
	if v == nil {
		return nil
	}
	t := rawTime(v)
	return &t
}

// appendRFC3339 appends a stored time as formatTime writes it (RFC 3339 in
// UTC, whole seconds), or nothing for NULL. The stored form
// ("2006-01-02 15:04:05.999999999+00:00") is rewritten byte for byte; any
// other goes through the parser.
func appendRFC3339(dst []byte, v any) []byte {
	switch t := v.(type) {
	case nil:
		return dst
	case string:
		if utcStamp(t) {
			dst = append(dst, t[:10]...)
			dst = append(dst, 'T')
			dst = append(dst, t[11:19]...)
			return append(dst, 'Z')
		}
	}
	return rawTime(v).AppendFormat(dst, time.RFC3339)
}

// utcStamp reports whether s is a plain UTC time the parser would read as
// written: date, space or T, time with whole seconds, optional fraction, and
// no offset or a zero one. Days past the 28th go the slow way, which checks
// the month's length.
func utcStamp(s string) bool {
	if len(s) < 19 {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return false
	}
	two := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	if m := two(5); m < 1 || m > 12 {
		return false
	}
	if d := two(8); d < 1 || d > 28 {
		return false
	}
	if two(11) > 23 || two(14) > 59 || two(17) > 59 {
		return false
	}
	rest := s[19:]
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	return rest == "" || rest == "Z" || rest == "+00:00" || rest == "-00:00"
}
