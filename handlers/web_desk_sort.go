package handlers

import "net/url"

// sortHeader is a sortable column header of the desk: the link that sorts
// by it (or reverses the sort) and how it is sorted now.
type sortHeader struct {
	URL   string
	Aria  string // aria-sort: ascending, descending or none
	Arrow string
}

// sortLink builds the header link for a column sorted by asc or desc: a
// click on the sorted column reverses it, on another column sorts it by
// desc first (newest, highest).
func sortLink(q url.Values, asc, desc, current string) sortHeader {
	h := sortHeader{Aria: "none"}
	next := desc
	switch current {
	case desc:
		h.Aria, h.Arrow, next = "descending", " ↓", asc
	case asc:
		h.Aria, h.Arrow = "ascending", " ↑"
	}
	h.URL = "/" + withParam(q, "sort", next)
	return h
}
