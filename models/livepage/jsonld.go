package livepage

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readJSONLD reads the liveBlogUpdate items of a schema.org LiveBlogPosting
// in the page's <script type="application/ld+json"> blocks. An update
// without articleBody is read from the page block its URL's #anchor (or its
// @id) names.
func readJSONLD(doc *html.Node, ix idIndex) []Entry {
	var out []Entry
	used := map[*html.Node]bool{} // a block is read for one update only
	for _, s := range elements(doc, func(n *html.Node) bool {
		return n.Data == "script" && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json")
	}) {
		if s.FirstChild == nil {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(s.FirstChild.Data), &v); err != nil {
			continue // one broken block must not hide the others
		}
		for _, blog := range findTyped(v, "LiveBlogPosting", 0) {
			for _, u := range asList(blog["liveBlogUpdate"]) {
				m, ok := u.(map[string]any)
				if !ok {
					continue
				}
				out = append(out, updateEntry(m, ix, used))
			}
		}
	}
	return out
}

// findTyped returns the objects in v whose @type is (or includes) typ,
// looking into arrays, @graph and nested values, a few levels deep.
func findTyped(v any, typ string, depth int) []map[string]any {
	if depth > 8 {
		return nil
	}
	var out []map[string]any
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			out = append(out, findTyped(x, typ, depth+1)...)
		}
	case map[string]any:
		if hasType(t["@type"], typ) {
			return append(out, t)
		}
		for k, x := range t {
			if k == "@graph" || k == "mainEntity" || k == "mainEntityOfPage" || k == "hasPart" {
				out = append(out, findTyped(x, typ, depth+1)...)
			}
		}
	}
	return out
}

func hasType(v any, typ string) bool {
	for _, t := range asList(v) {
		if s, ok := t.(string); ok && (s == typ || strings.HasSuffix(s, "/"+typ) || strings.HasSuffix(s, ":"+typ)) {
			return true
		}
	}
	return false
}

// asList treats a single JSON-LD value as a list of one.
func asList(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// str reads a JSON-LD text value: a string, the first of a list, or an
// object's @value.
func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	case map[string]any:
		return str(t["@value"])
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// updateEntry turns one liveBlogUpdate into an Entry.
func updateEntry(m map[string]any, ix idIndex, used map[*html.Node]bool) Entry {
	e := Entry{Headline: str(m["headline"])}
	if e.Headline == "" {
		e.Headline = str(m["name"])
	}
	e.ID = str(m["url"])
	if e.ID == "" {
		e.ID = str(m["@id"])
	}
	if u, ok := m["mainEntityOfPage"].(map[string]any); ok && e.ID == "" {
		e.ID = str(u["@id"])
	}
	published := str(m["datePublished"])
	if published == "" {
		published = str(m["dateCreated"])
	}
	e.Published = parseTime(published)
	if !e.Published.IsZero() {
		e.Time = e.Published.Format("15:04")
	}
	body := str(m["articleBody"])
	if body == "" {
		body = str(m["text"])
	}
	if body != "" {
		e.Body = markupText(body)
	} else if n := ix[anchor(e.ID)]; n != nil && !used[n] {
		used[n] = true
		e.Body = blockBody(n, &e)
	}
	return e
}

// markupText turns an articleBody into plain text: some sites put HTML in it.
func markupText(s string) string {
	if !strings.ContainsRune(s, '<') {
		return paragraphs(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return paragraphs(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return textOf(root)
}

// paragraphs normalises plain text: lines kept, white space within a line
// collapsed, at most one blank line between paragraphs.
func paragraphs(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = squash(l)
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
		}
		out = append(out, l)
		blank = false
	}
	return strings.Join(out, "\n")
}

// anchor is the fragment of a URL or id ("post-123" of ".../live#post-123").
func anchor(id string) string {
	if i := strings.IndexByte(id, '#'); i >= 0 {
		a, err := url.PathUnescape(id[i+1:])
		if err != nil {
			return id[i+1:]
		}
		return a
	}
	return ""
}

// parseTime reads the date formats structured data and <time datetime> use.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
