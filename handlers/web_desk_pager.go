package handlers

import (
	"net/url"
	"strconv"

	"claimdesk/models"
)

// deskPager builds the desk's previous and next links. "Next" continues
// from the last claim shown (the list's cursor), so page 200 of a large view
// costs what page 1 costs; "Previous" goes back by page number. Either is
// "" when there is no such page.
func deskPager(q url.Values, list *models.ClaimPage, pages int) (prev, next string) {
	link := func(page int, after string) string {
		n := url.Values{}
		for k, vs := range q {
			n[k] = vs
		}
		n.Del("after")
		if after != "" {
			n.Set("after", after)
		}
		n.Set("page", strconv.Itoa(page))
		return "/?" + n.Encode()
	}
	if list.Page > 1 {
		prev = link(list.Page-1, "")
	}
	switch {
	case list.Next != "":
		next = link(list.Page+1, list.Next)
	case list.Page < pages:
		next = link(list.Page+1, "")
	}
	return prev, next
}
