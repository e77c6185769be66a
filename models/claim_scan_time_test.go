package models

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
)

// driverTime is how go-sqlite3 reads the text of a DATETIME column.
func driverTime(s string) time.Time {
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t
		}
	}
	return time.Time{}
}

func TestParseStoredTimeAsDriver(t *testing.T) {
	cases := []string{
		"2026-12-03 06:56:01.843685183+00:00", "2026-12-03 07:36:01.89968333+00:00", "2026-12-03 07:36:01.8+00:00",
		"2026-12-03 07:36:01+00:00", "2026-12-03 07:36:01.+00:00", "2026-12-03 07:36:01.1234567891+00:00",
		"2026-02-29 07:36:01+00:00", "2024-02-29 07:36:01+00:00", "2026-04-31 00:00:00+00:00", "2026-13-01 00:00:00+00:00",
		"2026-00-01 00:00:00+00:00", "2026-01-00 00:00:00+00:00", "2026-01-01 24:00:00+00:00", "2026-01-01 23:60:00+00:00",
		"2026-01-01 23:59:60+00:00", "2026-01-01 23:59:59-00:00", "2026-01-01 23:59:59+02:00", "2026-01-01T23:59:59+00:00",
		"2026-01-01 23:59:59Z", "2026-01-01 23:59:59", "2026-01-01", "2026-01-01 23:59", "x026-01-01 23:59:59+00:00",
		"2026-01-01 23:59:59.12a+00:00", "", "garbage", "0000-01-01 00:00:00+00:00", "9999-12-31 23:59:59.999999999+00:00",
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		ts := time.Unix(r.Int63n(4e9), r.Int63n(1e9)).UTC()
		cases = append(cases, ts.Format("2006-01-02 15:04:05.999999999-07:00"), ts.Format("2006-01-02 15:04:05-07:00"))
	}
	for _, s := range cases {
		got, want := parseStoredTime(s), driverTime(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, driver %v", s, got, want)
		}
	}
}

func TestClaimColumnsSQLiteAreClaimColumns(t *testing.T) {
	if strings.ReplaceAll(claimColumnsSQLite, "+claims.", "claims.") != claimColumns {
		t.Fatalf("claimColumnsSQLite is not claimColumns with its times as text")
	}
	for _, c := range []string{"made_at", "reported_at", "verdict_at", "signed_off_at", "created_at", "updated_at", "withdrawn_at"} {
		if !strings.Contains(claimColumnsSQLite, "+claims."+c) {
			t.Errorf("%s is not read as text", c)
		}
	}
}
