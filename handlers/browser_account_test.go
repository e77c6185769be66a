package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimdesk/models"
)

// TestBrowserRemoveEditAndPassword drives the three forms that fold away on
// their pages: removing evidence on the claim page, editing a story's details
// on the story page, and changing one's password from the header's Account
// link.
func TestBrowserRemoveEditAndPassword(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "The militia says Russian forces killed two civilians", "People's militia")
	ev := a.addEvidence(fc, cl.ID, "Hospital statement", "https://hospital.example/statement")
	srv := browserServer(t, a.e)

	run(t, ctx, "sign in", chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), fc.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")

	item := "#ev-" + itoa64(ev.ID)
	run(t, ctx, "open the removal form", chromedp.Navigate(srv.URL+"/claims/"+itoa64(cl.ID)),
		chromedp.WaitVisible(chromedp.CSS(item+" summary")), chromedp.Click(chromedp.CSS(item+" summary")),
		chromedp.WaitVisible(chromedp.CSS(item+" input[name=reason]")),
		chromedp.SendKeys(chromedp.CSS(item+" input[name=reason]"), "The hospital withdrew it"))
	submitForm(t, ctx, item+" button", ".flash")
	if why := textOf(t, ctx, item+".removed .why"); !strings.Contains(why, "Removed by Fay Tester") || !strings.Contains(why, "The hospital withdrew it") {
		t.Fatalf("removed evidence reads %q", why)
	}

	run(t, ctx, "open the details form", chromedp.Navigate(srv.URL+"/stories/"+itoa64(cl.StoryID)),
		chromedp.WaitVisible(chromedp.CSS("#story-details summary")), chromedp.Click(chromedp.CSS("#story-details summary")),
		chromedp.WaitVisible(chromedp.CSS("#edit-title")), chromedp.SetValue(chromedp.CSS("#edit-title"), "Militia statements, live"))
	submitForm(t, ctx, "#story-details button", ".flash")
	if h1 := textOf(t, ctx, "h1"); !strings.Contains(h1, "Militia statements, live") {
		t.Fatalf("story heading %q", h1)
	}

	const next = "a new and longer passphrase"
	run(t, ctx, "account page", chromedp.Click(chromedp.CSS(".top a[href='/account']")),
		chromedp.WaitVisible(chromedp.CSS("#current-password")),
		chromedp.SendKeys(chromedp.CSS("#current-password"), webPassword),
		chromedp.SendKeys(chromedp.CSS("#new-password"), next),
		chromedp.SendKeys(chromedp.CSS("#confirm-password"), next))
	submitForm(t, ctx, "form[action='/account/password'] button", ".flash")
	if _, err := a.store.Authenticate(context.Background(), fc.Email, next); err != nil {
		t.Fatalf("the new password does not work: %v", err)
	}
}
