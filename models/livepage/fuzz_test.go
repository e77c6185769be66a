package livepage

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to the reader: it must not panic, and what
// it returns must be usable by the rest of the follow (valid text, bounded
// sizes, proposals for every entry).
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<script type="application/ld+json">{"@type":"LiveBlogPosting","liveBlogUpdate":[{"url":"#x"},{"articleBody":5}]}</script><p id=x>1</p>`))
	f.Add([]byte("<li><time>1:00</time><b>x</b></li><li><time>2:00</time></li>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		p, err := Read(page)
		if err != nil {
			return
		}
		if len(p.Entries) == 0 {
			t.Fatal("a page read without error has entries")
		}
		for _, e := range p.Entries {
			if !utf8.ValidString(e.Body) || !utf8.ValidString(e.Headline) || !utf8.ValidString(e.ID) {
				t.Fatalf("invalid UTF-8 in %+v", e)
			}
			if e.Headline == "" && e.Body == "" {
				t.Fatal("empty entry")
			}
		}
		changes := Diff(p, nil)
		if len(changes) != len(p.Entries) {
			t.Fatalf("%d changes for %d entries on a first read", len(changes), len(p.Entries))
		}
		cands, err := Propose(changes)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cands {
			if c.EntryIndex < 0 || c.EntryIndex >= len(changes) {
				t.Fatalf("candidate outside the entries: %+v", c)
			}
		}
	})
}
