package liveblog

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestWriteJSONSameAsWholeArray checks that writing candidates one at a time
// prints exactly what encoding the whole array at once prints, so the
// `extract` output contract is unchanged.
func TestWriteJSONSameAsWholeArray(t *testing.T) {
	cands, err := Extract(oneEntryText(20 << 10))
	if err != nil || len(cands) < 50 {
		t.Fatalf("Extract: %d candidates, %v", len(cands), err)
	}
	cands[0].Claim = `a <b> & "c"` // characters an HTML-escaping encoder would change
	for _, n := range []int{1, 2, len(cands)} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(cands[:n]); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, cands[:n]); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("%d candidates: streamed output differs from the array encoding:\n%.400s\nwant\n%.400s", n, got.String(), want.String())
		}
	}
}
