package handlers

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimdesk/models"
)

// TestBrowserSimilarClaims drives the claim page's "Similar claims" panel
// (scores, differences, a one-click link) and the question a story asks
// before adding a claim it already holds.
func TestBrowserSimilarClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	base := a.seedClaim(fc, "Two women were killed by Ukrainian shelling in Shebekino", "Vyacheslav Gladkov")
	retold := a.seedClaim(fc, "Ukrainian shelling killed 2 women in Shebekino", "Vyacheslav Gladkov")
	three := a.seedClaim(fc, "Three women were killed by Ukrainian shelling in Shebekino", "Vyacheslav Gladkov")
	srv := browserServer(t, a.e)

	run(t, ctx, "sign in", chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), fc.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")

	run(t, ctx, "claim page", chromedp.Navigate(srv.URL+"/claims/"+itoa64(base.ID)), chromedp.WaitVisible(chromedp.CSS("#similar")))
	first := textOf(t, ctx, "#similar .similar-item:first-child")
	if !strings.Contains(first, "#"+itoa64(retold.ID)) || !strings.Contains(first, "same claimant") || !strings.Contains(first, "Story of Vyacheslav Gladkov") {
		t.Errorf("the best match reads %q", first)
	}
	item := "#similar .similar-item[data-claim='" + itoa64(three.ID) + "']"
	if diffs := textOf(t, ctx, item+" .similar-diffs"); !strings.Contains(diffs, "Different figures") || !strings.Contains(diffs, "2 vs 3 women") {
		t.Errorf("the other figure reads %q", diffs)
	}
	submitForm(t, ctx, item+" button[value=contradicts]", ".flash")
	if badge := textOf(t, ctx, item+" .linked"); badge == "" {
		t.Error("the linked claim shows no link")
	}
	if links := textOf(t, ctx, "#links"); !strings.Contains(links, "Three women were killed") {
		t.Errorf("competing accounts: %q", links)
	}

	form := "form[action='/stories/" + itoa64(base.StoryID) + "/claims']"
	run(t, ctx, "story page", chromedp.Navigate(srv.URL+"/stories/"+itoa64(base.StoryID)), chromedp.WaitVisible(chromedp.CSS("#claim-text")),
		chromedp.SendKeys(chromedp.CSS("#claim-text"), "Ukrainian shelling killed two women in Shebekino"),
		chromedp.SendKeys(chromedp.CSS("#claimant"), "Gladkov"))
	submitForm(t, ctx, form+" button[type=submit]", ".duplicate-question")
	if q := textOf(t, ctx, ".duplicate-question"); !strings.Contains(q, "Same as #"+itoa64(base.ID)+"?") {
		t.Fatalf("the question reads %q", q)
	}
	run(t, ctx, "answer", chromedp.Click(chromedp.CSS(".duplicate-question input[name=not_duplicate]")))
	submitForm(t, ctx, form+" button[type=submit]", ".flash")
	if flash := textOf(t, ctx, ".flash"); !strings.Contains(flash, "added") {
		t.Errorf("flash %q", flash)
	}
}
