package handlers

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimdesk/models"
)

// TestBrowserTokens drives the token pages in a real browser: an admin makes
// an expiring token for a colleague from the Users page and sees its secret
// once; the colleague finds it on their Account page and revokes it.
func TestBrowserTokens(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	a := newWebApp(t)
	admin := a.user("admin", models.RoleAdmin)
	fay := a.user("fay", models.RoleFactchecker)
	srv := httptest.NewServer(a.e)
	t.Cleanup(srv.Close)

	signIn := func(u *models.User) {
		run(t, ctx, "sign in as "+u.Email, chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), u.Email), chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
		submitForm(t, ctx, "form[action='/signin'] button", ".counts")
	}
	signIn(admin)
	run(t, ctx, "tokens of fay", chromedp.Navigate(srv.URL+"/admin/users"),
		chromedp.WaitVisible(chromedp.CSS("a[href='/admin/users/"+itoa64(fay.ID)+"/tokens']")),
		chromedp.Click(chromedp.CSS("a[href='/admin/users/"+itoa64(fay.ID)+"/tokens']")),
		chromedp.WaitVisible(chromedp.CSS("#t-name")),
		chromedp.SendKeys(chromedp.CSS("#t-name"), "nightly export"),
		chromedp.SendKeys(chromedp.CSS("#t-days"), "30"))
	submitForm(t, ctx, "#new-token button", ".token code")
	secret := textOf(t, ctx, ".token code")
	if !strings.HasPrefix(secret, "cd_") {
		t.Fatalf("shown secret %q", secret)
	}
	if u, err := a.store.UserByToken(context.Background(), secret); err != nil || u.ID != fay.ID {
		t.Fatalf("the shown token does not work for fay: %v", err)
	}
	if row := textOf(t, ctx, "table.tokens tbody tr"); !strings.Contains(row, "nightly export") || !strings.Contains(row, "active") || strings.Count(row, "2026") != 2 {
		t.Fatalf("token row %q", row)
	}

	// Fay, in a fresh browser session, revokes it from her account page.
	run(t, ctx, "sign out", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("form[action='/signout'] button")),
		chromedp.Click(chromedp.CSS("form[action='/signout'] button")), chromedp.WaitVisible(chromedp.CSS("#email")))
	signIn(fay)
	run(t, ctx, "account", chromedp.Navigate(srv.URL+"/account#tokens"), chromedp.WaitVisible(chromedp.CSS("table.tokens")))
	submitForm(t, ctx, "table.tokens button.danger", ".flash")
	if row := textOf(t, ctx, "table.tokens tbody tr"); !strings.Contains(row, "revoked") {
		t.Fatalf("after revoking, the row reads %q", row)
	}
	if _, err := a.store.UserByToken(context.Background(), secret); err == nil {
		t.Fatal("the revoked token still works")
	}
}
