package handlers

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"claimdesk/models"
)

var nextLink = regexp.MustCompile(`<a rel="next" href="([^"]+)">`)

// The desk's "Next" link continues from the last claim shown (a cursor in
// the link), page after page, through every claim of the view once; the
// API gives the same cursor as "next"; "Previous" goes back by number.
func TestDeskNextLinksContinueFromTheLastClaim(t *testing.T) {
	a := newWebApp(t)
	ed := a.user("editor", models.RoleEditor)
	for i := 0; i < 7; i++ {
		a.seedClaim(ed, fmt.Sprintf("Claim number %d of the pager", i), fmt.Sprintf("Claimant %d", i))
	}
	b := a.browser().signIn("editor@desk.test")
	path := "/?sort=-id&per_page=3"
	seen := map[string]bool{}
	for page := 1; ; page++ {
		rec := b.get(path)
		wantStatus(t, rec, http.StatusOK)
		body := rec.Body.String()
		if page > 1 && !strings.Contains(body, `rel="prev" href="/?page=`+fmt.Sprint(page-1)+`&amp;per_page=3&amp;sort=-id"`) {
			t.Errorf("page %d: no previous link by number:\n%s", page, body)
		}
		for i := 0; i < 7; i++ {
			if strings.Contains(body, fmt.Sprintf("Claim number %d of the pager", i)) {
				key := fmt.Sprint(i)
				if seen[key] {
					t.Errorf("page %d shows claim %d again", page, i)
				}
				seen[key] = true
			}
		}
		m := nextLink.FindStringSubmatch(body)
		if m == nil {
			if page != 3 {
				t.Errorf("no next link on page %d", page)
			}
			break
		}
		path = html.UnescapeString(m[1])
		if !strings.Contains(path, "after=-id~") || !strings.Contains(path, fmt.Sprintf("page=%d", page+1)) {
			t.Fatalf("page %d: next link %q has no cursor", page, path)
		}
		if page > 3 {
			t.Fatal("the next links never end")
		}
	}
	if len(seen) != 7 {
		t.Errorf("the pages showed %d of 7 claims", len(seen))
	}
}
