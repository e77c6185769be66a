package livepage

import (
	"strings"

	"golang.org/x/net/html"

	"claimdesk/models/liveblog"
)

// maxMarkers bounds the times a page may print for its blocks to be read:
// a few per entry at most; beyond that it is not a live blog's layout, and
// counting them up every ancestor would cost too much.
const maxMarkers = 4 * MaxEntries

// readBlocks finds the entries of a page without structured data: the
// largest set of sibling blocks that each hold exactly one time (a <time>
// element, or a short element whose class says time and whose text is a
// clock). Fewer than two such blocks is not a live blog.
func readBlocks(doc *html.Node, _ idIndex) []Entry {
	markers, ok := outermost(doc, isTimeMarker, maxMarkers)
	if !ok || len(markers) < 2 {
		return nil
	}
	count := map[*html.Node]int{}
	for _, m := range markers {
		for p := m.Parent; p != nil; p = p.Parent {
			count[p]++
		}
	}
	// Each marker's entry is its highest ancestor holding no other marker.
	groups := map[*html.Node][]*html.Node{}
	var order []*html.Node
	seen := map[*html.Node]bool{}
	for _, m := range markers {
		b := m
		for b.Parent != nil && count[b.Parent] == 1 {
			b = b.Parent
		}
		if b == m || b.Parent == nil || seen[b] {
			continue
		}
		seen[b] = true
		if _, ok := groups[b.Parent]; !ok {
			order = append(order, b.Parent)
		}
		groups[b.Parent] = append(groups[b.Parent], b)
	}
	var best []*html.Node
	for _, p := range order {
		if len(groups[p]) > len(best) {
			best = groups[p]
		}
	}
	if len(best) < 2 {
		return nil
	}
	out := make([]Entry, 0, len(best))
	for _, b := range best {
		e := Entry{ID: idRef(b)}
		e.Body = blockBody(b, &e)
		out = append(out, e)
	}
	return out
}

// isTimeMarker reports whether n stamps an entry with its time.
func isTimeMarker(n *html.Node) bool {
	if n.Data == "time" {
		return true
	}
	cls := strings.ToLower(attr(n, "class"))
	if !strings.Contains(cls, "time") && !strings.Contains(cls, "stamp") {
		return false
	}
	t := squash(textUpTo(n, 64))
	return len(t) <= 40 && containsClock(t)
}

// blockBody reads one entry block: the time and headline into e (where e
// lacks them) and the rest of its text as the body.
func blockBody(b *html.Node, e *Entry) string {
	var timeNode, headNode *html.Node
	walk(b, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n == b {
			return true
		}
		if timeNode == nil && isTimeMarker(n) {
			timeNode = n
		}
		if headNode == nil && isHeading(n) {
			headNode = n
		}
		return timeNode == nil || headNode == nil
	})
	if timeNode != nil {
		if t := parseTime(attr(timeNode, "datetime")); !t.IsZero() && e.Published.IsZero() {
			e.Published = t
		}
		if printed := squash(textUpTo(timeNode, 64)); containsClock(printed) && len(printed) <= 40 {
			e.Time = printed
		} else if e.Time == "" && !e.Published.IsZero() {
			e.Time = e.Published.Format("15:04")
		}
	}
	if headNode == nil {
		headNode = leadInHeadline(b, timeNode)
	}
	if headNode != nil && e.Headline == "" {
		e.Headline = squash(textOf(headNode))
	}
	if e.ID == "" {
		e.ID = permalink(b)
	}
	return textOf(b, timeNode, headNode)
}

func isHeading(n *html.Node) bool {
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return hasProp(n, "headline")
}

// leadInHeadline is the bold line some blogs print as an entry's headline
// instead of a heading: a <strong> or <b> child of the block, before any
// paragraph, that reads like a headline (short, no closing full stop).
func leadInHeadline(b, timeNode *html.Node) *html.Node {
	for c := b.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c == timeNode {
			continue
		}
		if c.Data == "strong" || c.Data == "b" {
			t := squash(textOf(c))
			if t != "" && len(strings.Fields(t)) <= 20 && !strings.HasSuffix(t, ".") {
				return c
			}
		}
		if blocks[c.Data] {
			return nil
		}
	}
	return nil
}

// permalink is an entry's link to itself ("#post-12"), which some blogs
// give instead of an id on the block.
func permalink(b *html.Node) string {
	var href string
	walk(b, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "a" && strings.HasPrefix(attr(n, "href"), "#") && len(attr(n, "href")) > 1 {
			href = attr(n, "href")
			return false
		}
		return true
	})
	return href
}

// containsClock reports whether s holds a printed clock time ("9:58",
// "10.35 a.m.").
func containsClock(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if (s[i] == ':' || s[i] == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// readText is the last resort: the page's text split at printed timestamps,
// as a pasted blog is. Fewer than two timestamped entries is not a live blog.
func readText(doc *html.Node, _ idIndex) []Entry {
	root := doc
	for _, tag := range []string{"main", "article", "body"} {
		if n := elements(doc, func(n *html.Node) bool { return n.Data == tag }); len(n) == 1 {
			root = n[0]
			break
		}
	}
	blog, err := liveblog.Parse(textOf(root))
	if err != nil {
		return nil
	}
	var out []Entry
	for _, be := range blog.Entries {
		if be.Time == "" {
			continue
		}
		out = append(out, Entry{Time: be.Time, Headline: be.Headline, Body: be.Body})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
