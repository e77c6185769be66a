package models

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"testing"
	"time"
)

// Following the list's next cursor shows the same claims in the same order
// as paging by number, for every sort, with ties in the sort's column, with
// a filter and with a search; the last page has no cursor.
func TestCursorPagingMatchesPages(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 23; i++ {
		text := fmt.Sprintf("Claim number %d about the army", i)
		if i%3 == 0 {
			text = fmt.Sprintf("Claim number %d about the port", i)
		}
		c := f.claim(t, text)
		// Pairs of claims reported at the same instant.
		at := time.Date(2026, 11, 20, 8, i/2, 0, 0, time.UTC)
		if err := f.s.w.Exec("UPDATE claims SET reported_at = ? WHERE id = ?", at, c.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, base := range []string{"", "q=army", "withdrawn=1"} {
		for _, sort := range ClaimSorts() {
			if sort == "relevance" {
				continue
			}
			q, _ := url.ParseQuery(base)
			q.Set("sort", sort)
			q.Set("per_page", "4")
			byPage := []int64{}
			for p := 1; ; p++ {
				q.Set("page", fmt.Sprint(p))
				page := list(t, f.s, q)
				if len(page.Claims) == 0 {
					break
				}
				byPage = append(byPage, ids(page.Claims)...)
			}
			q.Del("page")
			byCursor := []int64{}
			for n := 0; ; n++ {
				page := list(t, f.s, q)
				byCursor = append(byCursor, ids(page.Claims)...)
				if page.Next == "" {
					break
				}
				if n > 20 {
					t.Fatalf("%s: the cursor never ends", q.Encode())
				}
				q.Set("after", page.Next)
			}
			if len(byPage) < 7 || !reflect.DeepEqual(byPage, byCursor) {
				t.Errorf("%s %s: by page %v, by cursor %v", base, sort, byPage, byCursor)
			}
		}
	}
	// A cursor of another sort is ignored (the page it names is shown); a
	// malformed one is refused by name.
	q := url.Values{"sort": {"-created"}, "after": {"-reported~2026-11-20T08:00:00Z~3"}}
	if page := list(t, f.s, q); len(page.Claims) != 23 {
		t.Errorf("a cursor of another sort: %d claims, want all 23", len(page.Claims))
	}
	_, err := ParseClaimFilter(url.Values{"after": {"-reported~yesterday~3"}}, 0)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Fields["after"] == "" {
		t.Errorf("a malformed cursor: %v, want an error for after", err)
	}
}

func list(t *testing.T, s *Store, q url.Values) *ClaimPage {
	t.Helper()
	flt, err := ParseClaimFilter(q, 0)
	if err != nil {
		t.Fatalf("%s: %v", q.Encode(), err)
	}
	page, err := s.Claims(context.Background(), flt)
	if err != nil {
		t.Fatalf("%s: %v", q.Encode(), err)
	}
	return page
}

func ids(cs []Claim) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}
