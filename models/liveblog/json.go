package liveblog

import (
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes candidates as the indented JSON array `claimdesk extract`
// prints: "[]" when there are none, and "<", ">", "&" left as they are so the
// output reads like the text it came from.
//
// The array is written one candidate at a time, so memory holds one encoded
// candidate rather than the whole output twice over (encoded, then
// indented): a 10 MB live blog yields tens of megabytes of JSON.
func WriteJSON(w io.Writer, cands []Candidate) error {
	if len(cands) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	out := make([]byte, 0, 4096)
	out = append(out, "[\n"...)
	for i := range cands {
		buf.Reset()
		if err := enc.Encode(&cands[i]); err != nil {
			return err
		}
		if i > 0 {
			out = append(out, ",\n"...)
		}
		out = append(out, "  "...)
		out = append(out, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
		if len(out) >= 64<<10 {
			if _, err := w.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	out = append(out, "\n]\n"...)
	_, err := w.Write(out)
	return err
}
