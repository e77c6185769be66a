package handlers

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimdesk/models"
)

// browserSignIn signs email in through the sign-in page of the server at u.
func browserSignIn(t *testing.T, ctx context.Context, u, email string) {
	t.Helper()
	run(t, ctx, "sign in "+email, chromedp.Navigate(u+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")
}

// workspaceServer starts the web app on a real HTTP server for a browser test.
func workspaceServer(t *testing.T) (*webApp, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	a := newWebApp(t)
	srv := browserServer(t, a.e)
	return a, srv.URL
}

// TestBrowserClaimEdit fixes an imported claim pinned on the wrong governor
// from the claim page, and sees the limit of the claim box announced.
func TestBrowserClaimEdit(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two women were killed in Belgorod", "Roman Starovoit")
	browserSignIn(t, ctx, u, "fay@desk.test")

	run(t, ctx, "open claim", chromedp.Navigate(u+"/claims/"+itoa64(cl.ID)), chromedp.WaitVisible(chromedp.CSS("#attribution")),
		chromedp.Click(chromedp.CSS("#edit summary")), chromedp.WaitVisible(chromedp.CSS("#edit input[name=claimant]")),
		chromedp.SetValue(chromedp.CSS("#edit input[name=claimant]"), "Vyacheslav Gladkov"),
		chromedp.SetValue(chromedp.CSS("#edit input[name=channel]"), "on Telegram"))
	// Too long a claim is announced, not cut off.
	long := strings.Repeat("a", models.MaxClaimLen+12)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var t=document.querySelector("#edit textarea[name=text]");t.value=`+"`"+long+"`"+`;t.dispatchEvent(new Event("input"));return true})()`)); err != nil {
		t.Fatal(err)
	}
	if msg := textOf(t, ctx, "#edit small.limit.over"); !strings.Contains(msg, "12 over the limit of 5000") {
		t.Fatalf("limit message: %q", msg)
	}
	run(t, ctx, "shorten", chromedp.SetValue(chromedp.CSS("#edit textarea[name=text]"), "Two women were killed in Belgorod region"))
	submitForm(t, ctx, "#edit button[type=submit]", ".flash")
	if txt := textOf(t, ctx, "#activity"); !strings.Contains(txt, "claimant: Roman Starovoit → Vyacheslav Gladkov") ||
		!strings.Contains(txt, "text: Two women were killed in Belgorod → Two women were killed in Belgorod region") {
		t.Fatalf("activity after the edit: %q", txt)
	}
	if txt := textOf(t, ctx, "h1"); !strings.Contains(txt, "Belgorod region") {
		t.Fatalf("heading after the edit: %q", txt)
	}
	got, _ := a.store.Claim(context.Background(), cl.ID)
	if got.ClaimantName != "Vyacheslav Gladkov" || got.Channel != "on Telegram" {
		t.Fatalf("stored after the edit: %+v", got)
	}
}

// TestBrowserWithdraw takes a caption imported as a claim off the desk and
// brings it back.
func TestBrowserWithdraw(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Zoom Image", "Photo desk")
	a.seedClaim(fc, "Two women were killed", "Vyacheslav Gladkov")
	browserSignIn(t, ctx, u, "fay@desk.test")
	run(t, ctx, "open claim", chromedp.Navigate(u+"/claims/"+itoa64(cl.ID)), chromedp.WaitVisible(chromedp.CSS("#attribution")),
		chromedp.Click(chromedp.CSS("#withdraw summary")), chromedp.WaitVisible(chromedp.CSS("#withdraw-reason")),
		chromedp.SendKeys(chromedp.CSS("#withdraw-reason"), "a photo caption, not a claim"))
	submitForm(t, ctx, "#withdraw button[type=submit]", "#withdrawn")
	run(t, ctx, "desk", chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")))
	if txt := textOf(t, ctx, "main"); strings.Contains(txt, "Zoom Image") || !strings.Contains(txt, "Two women") {
		t.Fatalf("desk after withdrawing: %q", txt)
	}
	run(t, ctx, "back to claim", chromedp.Navigate(u+"/claims/"+itoa64(cl.ID)), chromedp.WaitVisible(chromedp.CSS("#withdrawn button")))
	submitForm(t, ctx, "#withdrawn button[type=submit]", ".flash")
	if txt := textOf(t, ctx, "#activity"); !strings.Contains(txt, "withdrawn") || !strings.Contains(txt, "restored") {
		t.Fatalf("activity: %q", txt)
	}
}

// TestBrowserSources creates a source with the alias editor, then merges a
// duplicate through the searchable picker and its confirmation.
func TestBrowserSources(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	dup := a.seedClaim(fc, "Two women were killed", "V. Gladkov")
	browserSignIn(t, ctx, u, "eve@desk.test")
	run(t, ctx, "new source", chromedp.Navigate(u+"/sources"), chromedp.WaitVisible(chromedp.CSS("#new-source summary")),
		chromedp.Click(chromedp.CSS("#new-source summary")),
		chromedp.SendKeys(chromedp.CSS("#new-source input[name=name]"), "Vyacheslav Gladkov"),
		chromedp.SendKeys(chromedp.CSS("#new-source input[name=role]"), "Governor of Belgorod region"),
		chromedp.SetValue(chromedp.CSS("#new-source select[name=kind]"), "government"),
		chromedp.SendKeys(chromedp.CSS("#new-source input[name=alias]"), "Gladkov"),
		chromedp.Click(chromedp.CSS("#new-source [data-add-alias]")))
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#new-source input[name=alias]").length`))
	if err != nil || n != 3 {
		t.Fatalf("alias fields after adding one: %d (%v)", n, err)
	}
	run(t, ctx, "type alias", chromedp.SendKeys(chromedp.CSS("#new-source li:last-child input[name=alias]"), "governor of Belgorod"))
	submitForm(t, ctx, "#new-source button[type=submit]", ".flash")
	if txt := textOf(t, ctx, ".head"); !strings.Contains(txt, "Governor of Belgorod region") || !strings.Contains(txt, "“governor of Belgorod”") {
		t.Fatalf("source page: %q", txt)
	}
	run(t, ctx, "duplicate", chromedp.Navigate(u+"/sources/"+itoa64(dup.SourceID)), chromedp.WaitVisible(chromedp.CSS("input[name=merge_q]")),
		chromedp.SendKeys(chromedp.CSS("input[name=merge_q]"), "gladkov"))
	submitForm(t, ctx, "#merge form[role=search] button", ".picker")
	run(t, ctx, "pick", chromedp.Click(chromedp.CSS(".picker input[type=radio]")))
	submitForm(t, ctx, "#merge form[method=post] button[type=submit]", ".confirm")
	if txt := textOf(t, ctx, ".confirm"); !strings.Contains(txt, "1 claim(s) move to Vyacheslav Gladkov") || !strings.Contains(txt, "“V. Gladkov”") {
		t.Fatalf("confirmation: %q", txt)
	}
	submitForm(t, ctx, ".confirm button[type=submit]", ".flash")
	if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "Merged") || !strings.Contains(txt, "Two women were killed") {
		t.Fatalf("after the merge: %q", txt)
	}
}

// TestBrowserSignOffQueue: an editor opens the queue from the header, signs a
// verdict off, and is asked before changing the published verdict.
func TestBrowserSignOffQueue(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	cl := finalClaim(t, a, fc, "The bridge was destroyed", models.Verified)
	browserSignIn(t, ctx, u, "eve@desk.test")
	if txt := textOf(t, ctx, "header.top nav"); !strings.Contains(txt, "Awaiting sign-off 1") {
		t.Fatalf("header: %q", txt)
	}
	run(t, ctx, "queue", chromedp.Click(chromedp.CSS("header.top a[href^='/?awaiting_signoff']")), chromedp.WaitVisible(chromedp.CSS("table.claims")),
		chromedp.Click(chromedp.CSS("table.claims a[href='/claims/"+itoa64(cl.ID)+"']")), chromedp.WaitVisible(chromedp.CSS("#signoff button")))
	submitForm(t, ctx, "#signoff button", ".flash")
	if txt := textOf(t, ctx, "header.top nav"); !strings.Contains(txt, "Awaiting sign-off 0") {
		t.Fatalf("header after the sign-off: %q", txt)
	}
	// Changing the published verdict asks first: cancelled, nothing changes.
	run(t, ctx, "verdict form", chromedp.SetValue(chromedp.CSS("#verdict-select"), "disputed"),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "A second account contradicts it"))
	asked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var asked="";window.confirm=function(m){asked=m;return false};
		document.querySelector("#verdict button").click();return asked})()`))
	if err != nil || !strings.Contains(asked, "records a correction") {
		t.Fatalf("confirmation asked: %q (%v)", asked, err)
	}
	if got, _ := a.store.Claim(context.Background(), cl.ID); !got.Published {
		t.Fatal("a cancelled change went through")
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.confirm=function(){return true};true`)); err != nil {
		t.Fatal(err)
	}
	submitForm(t, ctx, "#verdict button", ".flash")
	if got, _ := a.store.Claim(context.Background(), cl.ID); got.Published || got.Verdict != models.Disputed {
		t.Fatalf("after the confirmed change: %+v", got)
	}
}

// TestBrowserTagsAndViews bulk-tags from the desk, filters by the tag, saves
// the view and sorts by a column header.
func TestBrowserTagsAndViews(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	c1 := a.seedClaim(fc, "Two women were killed", "Vyacheslav Gladkov")
	c2 := a.seedClaim(fc, "A drone hit a depot", "Roman Starovoit")
	a.seedClaim(fc, "Turnout was high", "Election commission")
	browserSignIn(t, ctx, u, "fay@desk.test")
	run(t, ctx, "tick", chromedp.Click(chromedp.CSS("input[name=ids][value='"+itoa64(c1.ID)+"']")),
		chromedp.Click(chromedp.CSS("input[name=ids][value='"+itoa64(c2.ID)+"']")),
		chromedp.SetValue(chromedp.CSS("#bulk select[name=action]"), "tag"),
		chromedp.SendKeys(chromedp.CSS("#bulk input[name=tags]"), "casualties"))
	submitForm(t, ctx, "#bulk button[type=submit]", ".flash")
	if txt := textOf(t, ctx, ".flash"); !strings.Contains(txt, "Changed 2 claim(s).") {
		t.Fatalf("flash: %q", txt)
	}
	run(t, ctx, "filter by tag", chromedp.Click(chromedp.CSS("a.tag[href='/?tag=casualties']")), chromedp.WaitVisible(chromedp.CSS(".saved-views")))
	if txt := textOf(t, ctx, ".summary"); !strings.HasPrefix(strings.TrimSpace(txt), "2 claim(s)") {
		t.Fatalf("tag view: %q", txt)
	}
	run(t, ctx, "save view", chromedp.Click(chromedp.CSS(".save-view summary")), chromedp.SendKeys(chromedp.CSS(".save-view input[name=name]"), "Casualties"))
	submitForm(t, ctx, ".save-view button[type=submit]", ".flash")
	if txt := textOf(t, ctx, ".saved-views"); !strings.Contains(txt, "Casualties") {
		t.Fatalf("saved views: %q", txt)
	}
	run(t, ctx, "sort by number", chromedp.Click(chromedp.CSS("th a[href*='sort=-id']")), chromedp.WaitVisible(chromedp.CSS("th[aria-sort=descending]")))
	first := textOf(t, ctx, "table.claims tbody tr td.num")
	if first != itoa64(c2.ID) {
		t.Fatalf("first row after sorting by number: %q, want %d", first, c2.ID)
	}
}

// TestBrowserLinkPicker links competing accounts without knowing a claim
// number: from the suggestions of the same story, and by searching.
func TestBrowserLinkPicker(t *testing.T) {
	a, u := workspaceServer(t)
	ctx := headless(t)
	fc := a.user("fay", models.RoleFactchecker)
	gov := a.seedClaim(fc, "Ukrainian shelling killed two women", "Vyacheslav Gladkov")
	text, who := "The governor's office said the shelling came from the south", "Governor's office"
	same, err := a.store.CreateClaim(context.Background(), fc, models.ClaimInput{StoryID: &gov.StoryID, Text: &text, Claimant: &who})
	if err != nil {
		t.Fatal(err)
	}
	militia := a.seedClaim(fc, "Russian forces killed two civilians", "People's militia")
	browserSignIn(t, ctx, u, "fay@desk.test")
	run(t, ctx, "claim", chromedp.Navigate(u+"/claims/"+itoa64(gov.ID)), chromedp.WaitVisible(chromedp.CSS(".link-form")))
	if txt := textOf(t, ctx, ".link-form"); !strings.Contains(txt, "From the same entry and story") || !strings.Contains(txt, "#"+itoa64(same.ID)) {
		t.Fatalf("suggestions: %q", txt)
	}
	run(t, ctx, "search", chromedp.SendKeys(chromedp.CSS("input[name=link_q]"), "militia civilians"))
	submitForm(t, ctx, "form[role=search][aria-label='Find a claim to link'] button", ".link-form fieldset legend")
	run(t, ctx, "pick", chromedp.Click(chromedp.CSS(".link-form input[type=radio][value='"+itoa64(militia.ID)+"']")),
		chromedp.SetValue(chromedp.CSS(".link-form select[name=kind]"), "contradicts"))
	submitForm(t, ctx, ".link-form button[type=submit]", ".flash")
	if txt := textOf(t, ctx, "#links .sidebyside"); !strings.Contains(txt, "Russian forces killed two civilians") || !strings.Contains(txt, "contradicts") {
		t.Fatalf("competing accounts: %q", txt)
	}
	if txt := textOf(t, ctx, "#attribution"); !strings.Contains(txt, "A competing account contradicts it.") {
		t.Fatalf("attribution line: %q", txt)
	}
}

// TestBrowserImportReview reviews the earthquake blog in compact rows,
// corrects one candidate in place and dismisses another; importing the blog
// again remembers both.
func TestBrowserImportReview(t *testing.T) {
	a, u := workspaceServer(t)
	blog := quakeBlog(t)
	ctx := headless(t)
	a.user("fay", models.RoleFactchecker)
	browserSignIn(t, ctx, u, "fay@desk.test")
	preview := func(what string) {
		run(t, ctx, what, chromedp.Navigate(u+"/import"), chromedp.WaitVisible(chromedp.CSS("#import-text")),
			chromedp.SetValue(chromedp.CSS("#import-text"), blog))
		submitForm(t, ctx, "form[action='/import/preview'] button", ".import-commit")
	}
	preview("first preview")
	h, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(function(){var r=document.querySelectorAll(".cand-row");
		return r[r.length-1].getBoundingClientRect().bottom - r[0].getBoundingClientRect().top})()`))
	if err != nil || h <= 0 || h > 1600 {
		t.Fatalf("10 candidate rows take %.0f px (%v); want compact rows", h, err)
	}
	run(t, ctx, "correct and dismiss",
		chromedp.Click(chromedp.CSS("input[name='candidates[4].selected']")),
		chromedp.SetValue(chromedp.CSS("textarea[name='candidates[2].claim']"), "Many more people are still trapped in Vellamar"))
	submitForm(t, ctx, ".import-commit button[type=submit]", ".flash")
	if txt := textOf(t, ctx, ".flash"); !strings.Contains(txt, "Imported 9 claims") {
		t.Fatalf("after import: %q", txt)
	}
	preview("second preview")
	if txt := textOf(t, ctx, ".import-commit"); !strings.Contains(txt, "dismissed in an earlier import") {
		t.Fatalf("the dismissed candidate is not marked: %q", txt)
	}
	if n := textOf(t, ctx, "[data-selected-count]"); n != "0" {
		t.Fatalf("ticked on the second preview: %s, want 0 (nine imported, one dismissed)", n)
	}
	got, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("textarea[name='candidates[2].claim']")))
	if err != nil || got != "Many more people are still trapped in Vellamar" {
		t.Fatalf("the correction is not remembered: %q %v", got, err)
	}
}

// screenshotImportReview saves the import review of the earthquake sample.
func screenshotImportReview(t *testing.T, ctx context.Context, u, dir string) {
	t.Helper()
	run(t, ctx, "import", chromedp.Navigate(u+"/import"), chromedp.WaitVisible(chromedp.CSS("#import-text")),
		chromedp.SetValue(chromedp.CSS("#import-text"), quakeBlog(t)))
	submitForm(t, ctx, "form[action='/import/preview'] button", ".import-commit")
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "import.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
