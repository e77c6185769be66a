package livepage

import (
	"fmt"
	"strings"
	"testing"
)

// bigPage builds a live blog of n entries of about 4 KB each (2 MB for
// 500), newest first, as a news site's article blocks with JSON-LD-free
// markup, so the reader does its most expensive work.
func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Floods – live</title></head><body><nav><a href="/">Home</a></nav><main><h1>Floods – live</h1><div class="feed">`)
	for i := n; i >= 1; i-- {
		fmt.Fprintf(&b, `<article class="post" id="post-%d"><time datetime="2026-11-20T%02d:%02d:00Z">%d:%02d</time><h2>Update %d from the river towns</h2>`,
			i, 6+i/60%18, i%60, 6+i/60%18, i%60, i)
		for p := 0; p < 9; p++ {
			fmt.Fprintf(&b, `<p>The mayor of Town%d, Person%d Name%d, said on Telegram that %d homes in district %d had been flooded overnight and that rescue crews were still working. `+
				`<a href="/x">Read more</a> The river authority said the water level at the Station%d gauge had risen by %d centimetres since the morning, which could not be independently verified. `+
				`Residents told our reporter that the <em>evacuation</em> had begun late.</p>`, i, i, p, i*3+p, p, i, p*7)
		}
		b.WriteString(`<footer><button>Share</button></footer></article>`)
	}
	b.WriteString(`</div></main></body></html>`)
	return []byte(b.String())
}

// BenchmarkFollowCheck is one check of a followed 2 MB page with 500
// entries of which the last ten are new: read the page, find the new
// entries, extract their claims.
func BenchmarkFollowCheck(b *testing.B) {
	page := bigPage(500)
	first, err := Read(page)
	if err != nil || len(first.Entries) != 500 {
		b.Fatalf("read: %v (%d entries)", err, len(first.Entries))
	}
	seen := map[string]string{}
	for _, c := range Diff(first, nil)[10:] {
		seen[c.Key] = c.Hash
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p, err := Read(page)
		if err != nil {
			b.Fatal(err)
		}
		changes := Diff(p, seen)
		if len(changes) != 10 {
			b.Fatalf("%d changes", len(changes))
		}
		cands, err := Propose(changes)
		if err != nil || len(cands) == 0 {
			b.Fatalf("propose: %v, %d candidates", err, len(cands))
		}
	}
}

// BenchmarkFollowFirstCheck is the first check of the same page: all 500
// entries are new and all are extracted.
func BenchmarkFollowFirstCheck(b *testing.B) {
	page := bigPage(500)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := Read(page)
		if err != nil {
			b.Fatal(err)
		}
		cands, err := Propose(Diff(p, nil))
		if err != nil || len(cands) < 500 {
			b.Fatalf("propose: %v, %d candidates", err, len(cands))
		}
	}
}
