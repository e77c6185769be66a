package liveblog

import (
	"strings"
	"testing"
)

// TestExtractLinearInOneEntry checks, without timing, that the work of
// Extract grows linearly within a single entry: a wire report ten times as
// long must cost about ten times the allocations, not a hundred times as
// when every claim looked over the whole entry. It covers paragraphs, one
// long line, and many timestamped entries.
func TestExtractLinearInOneEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and extracts 1 MB of text")
	}
	oneLine := func(s string) string { return strings.ReplaceAll(s, "\n\n", " ") }
	stamped := func(s string) string {
		var sb strings.Builder
		for i, p := range strings.Split(s, "\n\n") {
			if strings.TrimSpace(p) == "" {
				continue
			}
			sb.WriteString([]string{"9:05 a.m.", "9:40 a.m.", "10:15 a.m."}[i%3])
			sb.WriteString("\n\n")
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
		return sb.String()
	}
	for _, c := range []struct {
		name string
		make func(string) string
	}{
		{"paragraphs", func(s string) string { return s }},
		{"one line", oneLine},
		{"many entries", stamped},
	} {
		t.Run(c.name, func(t *testing.T) {
			small, large := c.make(oneEntryText(50<<10)), c.make(oneEntryText(500<<10))
			allocs := func(text string) float64 {
				return testing.AllocsPerRun(1, func() {
					if _, err := Extract(text); err != nil {
						t.Fatal(err)
					}
				})
			}
			a, b := allocs(small), allocs(large)
			size := float64(len(large)) / float64(len(small))
			if ratio := b / a; ratio > 1.5*size {
				t.Errorf("allocations grew %.1f× (%.0f → %.0f) for %.1f× the text; want about %.1f×", ratio, a, b, size, size)
			} else {
				t.Logf("allocations grew %.1f× (%.0f → %.0f) for %.1f× the text", ratio, a, b, size)
			}
		})
	}
}
