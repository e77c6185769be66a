package liveblog

import (
	"encoding/json"
	"io"
)

// WriteJSON writes candidates as the indented JSON array `claimdesk extract`
// prints: "[]" when there are none, and "<", ">", "&" left as they are so the
// output reads like the text it came from.
func WriteJSON(w io.Writer, cands []Candidate) error {
	if cands == nil {
		cands = []Candidate{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(cands)
}
