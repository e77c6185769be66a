package livepage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) *Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

// wantEntries are the four updates every fixture prints, newest first.
var wantEntries = []struct{ headline, time, body string }{
	{"Red Cross asks for access", "3:48 p.m.", "its spokesperson Ivo Stade told reporters."},
	{"Hospital admits wounded", "3:10 p.m.", "“We have admitted 30 wounded people since noon,” said Lena Bors"},
	{"Militia blames the army", "2:32 p.m.", "had fired on the market.\n\nThe army denied that its units were in the area."},
	{"Governor reports two killed in shelling", "2:05 p.m.", "Regional governor Anton Merel said on Telegram"},
}

func TestReadFixtures(t *testing.T) {
	cases := []struct {
		file     string
		format   Format
		time     func(i int) string // the time the format can know
		ids      bool
		instants bool
	}{
		{"jsonld-body.html", FormatJSONLD, clock24, true, true},
		{"jsonld-anchor.html", FormatJSONLD, printed, true, true},
		{"microdata.html", FormatMicrodata, printed, true, true},
		{"blocks-article.html", FormatBlocks, printed, false, true},
		{"blocks-li.html", FormatBlocks, printed, false, false},
		{"plain.html", FormatText, printed, false, false},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			p := readFixture(t, c.file)
			if p.Format != c.format {
				t.Errorf("format %q, want %q", p.Format, c.format)
			}
			if !strings.Contains(p.Title, "Dovrany") {
				t.Errorf("title %q", p.Title)
			}
			if len(p.Entries) != len(wantEntries) {
				for _, e := range p.Entries {
					t.Logf("%+v", e)
				}
				t.Fatalf("%d entries, want %d", len(p.Entries), len(wantEntries))
			}
			keys := map[string]bool{}
			for i, w := range wantEntries {
				e := p.Entries[i]
				if e.Headline != w.headline {
					t.Errorf("entry %d headline %q, want %q", i, e.Headline, w.headline)
				}
				if e.Time != c.time(i) {
					t.Errorf("entry %d time %q, want %q", i, e.Time, c.time(i))
				}
				if !strings.Contains(e.Body, w.body) {
					t.Errorf("entry %d body %q lacks %q", i, e.Body, w.body)
				}
				for _, junk := range []string{"Share", "Home", "Markets open", w.headline, "Link", "Staff"} {
					if strings.Contains(e.Body, junk) {
						t.Errorf("entry %d body %q holds page furniture %q", i, e.Body, junk)
					}
				}
				if c.ids && !strings.Contains(e.ID, "#") {
					t.Errorf("entry %d id %q, want the update's anchor", i, e.ID)
				}
				if c.instants && e.Published.IsZero() {
					t.Errorf("entry %d has no instant", i)
				}
				keys[e.Key()] = true
			}
			if len(keys) != len(wantEntries) {
				t.Errorf("keys not distinct: %v", keys)
			}
		})
	}
}

func printed(i int) string { return wantEntries[i].time }

func clock24(i int) string {
	h := map[string]string{"3:48 p.m.": "15:48", "3:10 p.m.": "15:10", "2:32 p.m.": "14:32", "2:05 p.m.": "14:05"}
	return h[wantEntries[i].time]
}

func TestReadRefusesWhatIsNotALiveBlog(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		page []byte
		want error
	}{
		{"an article", article, ErrNotLiveBlog},
		{"empty", nil, ErrNotLiveBlog},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotHTML},
		{"too large", []byte(strings.Repeat("a", MaxPageBytes+1)), ErrTooLarge},
		{"garbage", []byte("<<<>>><div <p>>>>&&&;;</time><time>12:00"), ErrNotLiveBlog},
		{"json", []byte(`{"liveBlogUpdate":[{"headline":"x"}]}`), ErrNotLiveBlog},
		{"entries all gone", []byte(`<html><body><main><h1>Live</h1><p>This live blog has ended.</p></main></body></html>`), ErrNotLiveBlog},
	}
	for _, c := range cases {
		if _, err := Read(c.page); !errors.Is(err, c.want) {
			t.Errorf("%s: err %v, want %v", c.name, err, c.want)
		}
	}
}

func TestReadDeepNestingAndLatin1(t *testing.T) {
	deep := strings.Repeat("<div>", 200000) + "x" + strings.Repeat("</div>", 200000)
	if _, err := Read([]byte(deep)); !errors.Is(err, ErrNotHTML) {
		t.Errorf("deep page: %v", err)
	}
	latin := []byte("<html><body><article><time>10:01</time><h2>Caf\xe9 hit</h2><p>The mayor said the caf\xe9 was hit.</p></article><article><time>10:05</time><h2>Second</h2><p>More.</p></article></body></html>")
	p, err := Read(latin)
	if err != nil {
		t.Fatal(err)
	}
	if p.Entries[0].Headline != "Café hit" {
		t.Errorf("latin-1 headline %q", p.Entries[0].Headline)
	}
	// Windows-1251, declared in the header: a Cyrillic blog.
	cyr := []byte("<html><body><article><time>10:01</time><h2>\xcc\xe8\xf0</h2><p>x.</p></article><article><time>10:05</time><h2>b</h2><p>y.</p></article></body></html>")
	p, err = ReadAs(cyr, "text/html; charset=windows-1251")
	if err != nil || p.Entries[0].Headline != "Мир" {
		t.Errorf("windows-1251 page: %v %+v", err, p)
	}
}

func TestJSONLDInGraphWithHTMLBody(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["LiveBlogPosting"],
	"liveBlogUpdate":{"@type":"BlogPosting","@id":"urn:update:7","headline":"One","datePublished":"2026-01-02T03:04:05Z",
	"articleBody":"<p>The minister said <b>ten</b> schools were closed.</p><p>Second paragraph.</p>"}}]}</script></head><body></body></html>`
	p, err := Read([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	e := p.Entries[0]
	if e.ID != "urn:update:7" || e.Time != "03:04" || e.Body != "The minister said ten schools were closed.\n\nSecond paragraph." {
		t.Errorf("entry %+v", e)
	}
}
