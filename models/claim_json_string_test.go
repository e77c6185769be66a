package models

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestAppendJSONStringAsEncodingJSON compares appendJSONString with
// encoding/json for every byte value at every position of an eight-byte
// block and around it, and for random strings of plain text, characters
// JSON escapes, non-ASCII and broken UTF-8.
func TestAppendJSONStringAsEncodingJSON(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := appendJSONString(nil, s)
		if string(got)+"\n" != want.String() {
			t.Fatalf("%q: got %s want %s", s, got, want.Bytes())
		}
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 19; pos++ {
			b := []byte("abcdefghijklmnopqrs")
			b[pos] = byte(c)
			check(string(b))
			check(string(b[:pos+1]))
		}
	}
	pieces := []string{"a", "Z", "0", " ", "plain words ", `"`, `\`, "<", ">", "&", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "“", "’",
		"\u2028", "\u2029", "\xff", "\xe2\x80", "日本", "🙂", "+", "/", "'"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b []byte
		for n := r.IntN(30); n > 0; n-- {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		check(string(b))
	}
}
