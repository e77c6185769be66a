package models

import (
	"strings"
	"testing"
	"time"
)

func TestChronological(t *testing.T) {
	at := func(s string) *time.Time {
		tm, _ := time.Parse(time.RFC3339, s)
		return &tm
	}
	entries := func(times ...string) []Entry {
		var out []Entry
		for i, s := range times {
			out = append(out, Entry{ID: int64(i + 1), Position: i, TimeText: s})
		}
		return out
	}
	order := func(es []Entry) string {
		var p []string
		for _, e := range es {
			if e.TimeText == "" {
				p = append(p, "-")
			} else {
				p = append(p, e.TimeText)
			}
		}
		return strings.Join(p, " ")
	}
	for _, tc := range []struct {
		name string
		in   []Entry
		want string
	}{
		{"newest first", entries("8:20 p.m.", "4:52 p.m.", "11:03 a.m."), "11:03 a.m. 4:52 p.m. 8:20 p.m."},
		{"oldest first stays", entries("08:12", "09:40", "10:05"), "08:12 09:40 10:05"},
		{"untimed keep their place", entries("19:40", "", "18:55", "17:10"), "17:10 18:55 - 19:40"},
		{"past midnight, newest first", entries("00:40", "00:05", "23:50", "23:10"), "23:10 23:50 00:05 00:40"},
		{"no times", entries("", ""), "- -"},
		{"empty", nil, ""},
	} {
		if got := order(Chronological(tc.in)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// Instants win over the printed clock.
	es := []Entry{{TimeText: "1:00", Instant: at("2023-06-02T01:00:00Z")}, {TimeText: "23:00", Instant: at("2023-06-01T23:00:00Z")}}
	if got := order(Chronological(es)); got != "23:00 1:00" {
		t.Errorf("by instant: %q", got)
	}
}
