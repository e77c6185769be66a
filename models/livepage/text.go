package livepage

import (
	"strings"

	"golang.org/x/net/html"
)

// traverse visits root's subtree in document order without recursion (a
// hostile page may nest elements deeply): enter is called on the way down
// and says whether to descend and whether to stop altogether; exit is
// called on the way back up.
func traverse(root *html.Node, enter func(*html.Node) (descend, stop bool), exit func(*html.Node)) {
	n := root
	for n != nil {
		descend, stop := enter(n)
		if stop {
			return
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if descend && exit != nil {
			exit(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			if exit != nil {
				exit(n)
			}
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// walk visits every node under root until visit returns false.
func walk(root *html.Node, visit func(*html.Node) bool) {
	traverse(root, func(n *html.Node) (bool, bool) {
		more := visit(n)
		return more, !more
	}, nil)
}

// textOf turns the markup under n into plain text (see textUpTo).
func textOf(n *html.Node, omit ...*html.Node) string { return textUpTo(n, -1, omit...) }

// skipped are elements whose content is never part of an entry's text.
var skipped = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "button": true, "nav": true, "form": true, "select": true, "textarea": true,
	"input": true, "object": true, "embed": true, "canvas": true, "aside": true, "footer": true,
	"video": true, "audio": true, "math": true,
}

// blocks are the elements that start a new paragraph in plain text.
var blocks = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"figure": true, "figcaption": true, "header": true, "main": true, "table": true, "tr": true,
	"dl": true, "dt": true, "dd": true, "pre": true, "hr": true, "address": true, "body": true,
	"details": true, "summary": true,
}

// textUpTo turns the markup under n into plain text: paragraphs separated
// by a blank line, <br> as a line break, runs of white space as one space.
// Nodes in omit (an entry's own time and headline) are left out. With limit
// >= 0 it stops once the text is longer than limit bytes, so a short label
// can be read without reading all that a hostile page nests under it.
func textUpTo(n *html.Node, limit int, omit ...*html.Node) string {
	var b strings.Builder
	brk := 0 // pending break: 1 line, 2 paragraph
	space := false
	flush := func() {
		if b.Len() > 0 {
			if brk == 2 {
				b.WriteString("\n\n")
			} else if brk == 1 {
				b.WriteString("\n")
			} else if space {
				b.WriteByte(' ')
			}
		}
		brk, space = 0, false
	}
	traverse(n, func(c *html.Node) (bool, bool) {
		switch c.Type {
		case html.TextNode:
			fields := strings.Fields(c.Data)
			if len(fields) == 0 {
				space = space || c.Data != ""
				return false, false
			}
			if isSpace(c.Data[0]) {
				space = true
			}
			flush()
			b.WriteString(strings.Join(fields, " "))
			space = isSpace(c.Data[len(c.Data)-1])
			return false, limit >= 0 && b.Len() > limit
		case html.ElementNode:
			if skipped[c.Data] || c.Data == "title" {
				return false, false
			}
			for _, o := range omit {
				if c == o {
					return false, false
				}
			}
			switch {
			case c.Data == "br":
				brk = max(brk, 1)
			case c.Data == "img":
				// An image's alt text is not the entry's text.
			case blocks[c.Data]:
				brk = 2
			}
			return true, false
		case html.DocumentNode:
			return true, false
		}
		return false, false
	}, func(c *html.Node) {
		if c.Type == html.ElementNode && blocks[c.Data] {
			brk = 2
		}
	})
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// attr is the value of an attribute, "" when absent.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether the attribute is present at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// idIndex finds elements by their id attribute (or an <a name>), to read an
// update that structured data names only by its URL's #anchor.
type idIndex map[string]*html.Node

func indexIDs(doc *html.Node) idIndex {
	ix := idIndex{}
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if id := attr(n, "id"); id != "" {
				if _, dup := ix[id]; !dup {
					ix[id] = n
				}
			} else if n.Data == "a" && attr(n, "name") != "" {
				if _, dup := ix[attr(n, "name")]; !dup {
					ix[attr(n, "name")] = n
				}
			}
		}
		return true
	})
	return ix
}

// outermost returns the outermost elements under root for which match is
// true, in document order, without looking into skipped elements (page
// furniture) or into the matches themselves; it gives up (nil, false) past
// limit matches. One pass, however deeply the page nests.
func outermost(root *html.Node, match func(*html.Node) bool, limit int) ([]*html.Node, bool) {
	var out []*html.Node
	over := false
	traverse(root, func(n *html.Node) (bool, bool) {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode, false
		}
		if skipped[n.Data] {
			return false, false
		}
		if match(n) {
			out = append(out, n)
			over = len(out) > limit
			return false, over
		}
		return true, false
	}, nil)
	if over {
		return nil, false
	}
	return out, true
}

// elements returns the element nodes under root for which keep is true,
// in document order.
func elements(root *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && keep(n) {
			out = append(out, n)
		}
		return true
	})
	return out
}
