package models

import (
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// A page of claims on SQLite selects its times as text (claimColumnsSQLite)
// and parses them here: go-sqlite3 parses a DATETIME column by trying its
// layouts with time.ParseInLocation, a twentieth of a computed desk list's
// CPU for the four or five times of fifty claims. The times the store
// writes all have one shape, read here digit by digit; anything else goes
// through the driver's own layouts, so the result is the time the driver
// would have given.

// claimColumnsSQLite are claimColumns with the times as text: SQLite's
// unary plus gives its operand unchanged, without the column's declared
// type that makes go-sqlite3 parse it.
const claimColumnsSQLite = `claims.id, claims.story_id, claims.entry_id, claims.source_id, claims.text, claims.quote,
	claims.verb, claims.direct, claims.channel, claims.via, +claims.made_at, +claims.reported_at, claims.reported_url,
	claims.verifiability, claims.verifiability_reason, claims.verdict, claims.unconfirmed, claims.verdict_rationale,
	claims.verdict_by_id, +claims.verdict_at, claims.signed_off_by_id, +claims.signed_off_at, claims.assignee_id,
	claims.content_hash, claims.version, claims.created_by_id, claims.updated_by_id, +claims.created_at, +claims.updated_at,
	+claims.withdrawn_at, claims.withdrawn_by_id, claims.withdrawn_reason`

// storedTime scans an optional time: NULL, a time.Time (PostgreSQL, or a
// DATETIME column on SQLite), or the text of one (see parseStoredTime).
type storedTime struct {
	Time  time.Time
	Valid bool
}

// Scan implements sql.Scanner.
func (st *storedTime) Scan(v any) error {
	if v == nil {
		*st = storedTime{}
		return nil
	}
	st.Valid = true
	return scanTimeValue(&st.Time, v)
}

// requiredTime scans a time that cannot be NULL into the time it points to.
type requiredTime time.Time

// Scan implements sql.Scanner.
func (rt *requiredTime) Scan(v any) error {
	if v == nil {
		return fmt.Errorf("converting NULL to time.Time is unsupported")
	}
	return scanTimeValue((*time.Time)(rt), v)
}

// scanTimeValue sets *t from a time.Time or its stored text.
func scanTimeValue(t *time.Time, v any) error {
	switch x := v.(type) {
	case time.Time:
		*t = x
	case string:
		*t = parseStoredTime(x)
	case []byte:
		*t = parseStoredTime(string(x))
	default:
		return fmt.Errorf("unsupported time value %T", v)
	}
	return nil
}

// parseStoredTime reads a time as go-sqlite3 reads a DATETIME column's
// text (UTC, no location set on the connection): the store's own shape,
// "2006-01-02 15:04:05.999999999+00:00", directly; any other through the
// driver's layouts in its order; the zero time if none fits.
func parseStoredTime(s string) time.Time {
	if t, ok := parseUTCTime(s); ok {
		return t
	}
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t
		}
	}
	return time.Time{}
}

// parseUTCTime reads "2006-01-02 15:04:05[.fraction]+00:00" with one to
// nine digits of fraction, as time.Parse does; ok is false for anything
// else, including values out of range.
func parseUTCTime(s string) (t time.Time, ok bool) {
	n := len(s)
	if n < 25 || s[n-6:] != "+00:00" || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	hour, ok4 := digits(s[11:13])
	min, ok5 := digits(s[14:16])
	sec, ok6 := digits(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return time.Time{}, false
	}
	nsec := 0
	if frac := s[19 : n-6]; frac != "" {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return time.Time{}, false
		}
		f, okf := digits(frac[1:])
		if !okf {
			return time.Time{}, false
		}
		nsec = f
		for i := len(frac) - 1; i < 9; i++ {
			nsec *= 10
		}
	}
	if month < 1 || month > 12 || day < 1 || hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, false
	}
	t = time.Date(year, time.Month(month), day, hour, min, sec, nsec, time.UTC)
	if t.Day() != day {
		// Beyond the month's last day: time.Parse refuses it.
		return time.Time{}, false
	}
	return t, true
}

// digits reads s as a non-negative decimal number of ASCII digits only.
func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
