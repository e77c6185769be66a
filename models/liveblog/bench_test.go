package liveblog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText builds a realistic live blog of about size bytes from the shared
// samples and the texts in testdata, repeated.
func benchText(b *testing.B, size int) string {
	b.Helper()
	var parts []string
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "samples"), "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			parts = append(parts, string(data))
		}
	}
	if len(parts) == 0 {
		b.Skip("no texts to benchmark")
	}
	var sb strings.Builder
	for sb.Len() < size {
		for _, p := range parts {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkExtract reports MB/s at 1 MB and 10 MB (just under MaxInputBytes);
// equal rates show that the work grows linearly with the input.
func BenchmarkExtract(b *testing.B) {
	for _, c := range []struct {
		name string
		size int
	}{{"1MB", 1 << 20}, {"10MB", MaxInputBytes - 64<<10}} {
		text := benchText(b, c.size)
		if len(text) > MaxInputBytes {
			text = text[:strings.LastIndex(text[:MaxInputBytes], "\n\n")]
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
