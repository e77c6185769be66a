package livepage

import (
	"strings"

	"golang.org/x/net/html"
)

// readMicrodata reads updates marked up in the page itself:
// itemprop="liveBlogUpdate" items with headline, datePublished, articleBody
// and url properties (RDFa's property= is read the same way).
func readMicrodata(doc *html.Node, ix idIndex) []Entry {
	updates, _ := outermost(doc, func(n *html.Node) bool { return hasProp(n, "liveBlogUpdate") }, MaxEntries)
	var out []Entry
	for _, u := range updates {
		e := Entry{}
		var timeNode, headNode, bodyNode *html.Node
		walk(u, func(n *html.Node) bool {
			if n == u || n.Type != html.ElementNode {
				return true
			}
			switch {
			case headNode == nil && hasProp(n, "headline"):
				headNode = n
				e.Headline = propValue(n)
			case timeNode == nil && hasProp(n, "datePublished"):
				timeNode = n
				e.Published = parseTime(propValue(n))
				if printed := squash(textUpTo(n, 64)); containsClock(printed) && len(printed) <= 40 {
					e.Time = printed
				}
			case bodyNode == nil && hasProp(n, "articleBody"):
				bodyNode = n
			case e.ID == "" && hasProp(n, "url"):
				e.ID = firstNonEmpty(attr(n, "href"), attr(n, "content"))
			}
			// A nested item's properties are its own, not the update's.
			return !hasAttr(n, "itemscope") || n == u
		})
		if e.ID == "" {
			e.ID = firstNonEmpty(attr(u, "itemid"), attr(u, "resource"), idRef(u))
		}
		if e.Time == "" && !e.Published.IsZero() {
			e.Time = e.Published.Format("15:04")
		}
		switch {
		case bodyNode != nil:
			e.Body = textOf(bodyNode)
		default:
			if n := ix[anchor(e.ID)]; n != nil && anchor(e.ID) != "" {
				u = n
			}
			e.Body = textOf(u, timeNode, headNode)
		}
		out = append(out, e)
	}
	return out
}

// hasProp reports whether n carries the microdata or RDFa property name.
func hasProp(n *html.Node, name string) bool {
	for _, key := range []string{"itemprop", "property"} {
		for _, p := range strings.Fields(attr(n, key)) {
			if p == name || strings.HasSuffix(p, ":"+name) || strings.HasSuffix(p, "/"+name) {
				return true
			}
		}
	}
	return false
}

// propValue is a property's value: content=, datetime=, else its text.
func propValue(n *html.Node) string {
	if v := firstNonEmpty(attr(n, "content"), attr(n, "datetime")); v != "" {
		return v
	}
	return squash(textOf(n))
}

// idRef is "#id" for an element with an id, "" otherwise.
func idRef(n *html.Node) string {
	if id := attr(n, "id"); id != "" {
		return "#" + id
	}
	return ""
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
