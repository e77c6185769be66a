package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// The browser check: an editor signs a verdict off, then changes
// it; the story page shows the correction with its Update line, ready to
// copy, and the public page shows the claim as first published and the
// correction.
func TestBrowserCorrectionAfterPublication(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	path, url := dbtest.Target(t)
	st, err := models.Open(models.Config{Path: path, DatabaseURL: url})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := New(st, Config{Logger: discardLogger(), Public: true, Newsroom: "The Daily Check"})
	if err != nil {
		t.Fatal(err)
	}
	a := &webApp{t: t, store: st, e: e, now: time.Now(), dbPath: path, dbURL: url}
	srv := browserServer(t, a.e)
	u := srv.URL

	fay, eve, ed := a.user("fay", models.RoleFactchecker), a.user("eve", models.RoleEditor), a.user("ed", models.RoleEditor)
	bg := context.Background()
	cl := a.seedClaim(fay, "Two women were killed by shelling in Belgorod", "Vyacheslav Gladkov")
	if _, err := st.AddEvidence(bg, fay, cl.ID, models.EvidenceInput{Kind: "photo", Stance: "supports",
		URL: "https://example.org/belgorod-photo", Title: "Geolocated photo"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetVerdict(bg, fay, cl.ID, models.VerdictChange{Verdict: models.Verified, Rationale: "Photo geolocated; hospital confirmed", Version: cl.Version}); err != nil {
		t.Fatal(err)
	}
	claimURL := u + "/claims/" + itoa64(cl.ID)

	// The editor signs off, then changes the verdict after new evidence.
	run(t, ctx, "editor signs in", chromedp.Navigate(u+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), eve.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")
	run(t, ctx, "open claim", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#signoff button")))
	submitForm(t, ctx, "#signoff button", ".flash")
	if txt := textOf(t, ctx, ".side-col"); !strings.Contains(txt, "signed off by Eve Tester") {
		t.Fatalf("after sign-off: %q", txt)
	}
	// Changing a published verdict asks first and says a correction follows.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.confirm=function(m){sessionStorage.setItem('asked',m);return true};true`)); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "verdict form",
		chromedp.SetValue(chromedp.CSS("#verdict-select"), "false"),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "The video was filmed in 2022 in another town."))
	submitForm(t, ctx, "#verdict button", ".flash")
	asked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`sessionStorage.getItem('asked')||""`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(asked, "records a correction") {
		t.Fatalf("confirmation before changing a published verdict: %q", asked)
	}
	if txt := textOf(t, ctx, "#corrections"); !strings.Contains(txt, "changed the published verdict") ||
		!strings.Contains(txt, "The video was filmed in 2022") {
		t.Fatalf("claim page corrections: %q", txt)
	}

	// The story page lists the correction with its Update line and a copy button.
	run(t, ctx, "story page", chromedp.Navigate(u+"/stories/"+itoa64(cl.StoryID)), chromedp.WaitVisible(chromedp.CSS("#corrections .update-line")))
	line := textOf(t, ctx, "#corrections .update-line output")
	if !strings.HasPrefix(line, "Update, ") || !strings.Contains(line,
		"An earlier version of this entry said the claim by Vyacheslav Gladkov that two women were killed by shelling in Belgorod was verified. New evidence shows it is false: The video was filmed in 2022 in another town.") {
		t.Fatalf("update line: %q", line)
	}
	run(t, ctx, "copy", chromedp.Click(chromedp.CSS("#corrections button.copy")),
		chromedp.WaitVisible(chromedp.CSS("#corrections button.copy[data-copied]")))
	if b := textOf(t, ctx, "#corrections button.copy"); b != "Copied" && b != "Select and copy" {
		t.Errorf("copy button after a click: %q", b)
	}

	// The public page: what was published, and the correction; no verdict
	// until an editor signs the new one off.
	pub := u + "/public/claims/" + itoa64(cl.ID)
	run(t, ctx, "public page", chromedp.Navigate(pub), chromedp.WaitVisible(chromedp.CSS("#corrections")))
	body := textOf(t, ctx, "main")
	if !strings.Contains(body, line) || !strings.Contains(body, "As published") || !strings.Contains(body, "Photo geolocated; hospital confirmed") ||
		!strings.Contains(body, "being confirmed") || strings.Contains(body, "Eve Tester") || strings.Contains(body, "Fay Tester") {
		t.Fatalf("public page before the new sign-off: %q", body)
	}
	// A second editor signs the new verdict off: the public page shows it
	// and the correction, with dateModified in its ClaimReview.
	cur, err := st.Claim(bg, cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignOff(bg, ed, cl.ID, cur.Version); err != nil {
		t.Fatal(err)
	}
	// (The page may be cached for a minute: a new address, as a reader
	// arriving later would get a fresh copy.)
	run(t, ctx, "public page again", chromedp.Navigate(pub+"?later"), chromedp.WaitVisible(chromedp.CSS("#verdict .badge")))
	if v := textOf(t, ctx, "#verdict"); !strings.Contains(v, "False") || !strings.Contains(v, "The video was filmed in 2022") {
		t.Fatalf("public verdict: %q", v)
	}
	if txt := textOf(t, ctx, "#corrections"); !strings.Contains(txt, line) {
		t.Fatalf("public corrections: %q", txt)
	}
	ld, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('script[type="application/ld+json"]').textContent`))
	if err != nil || !strings.Contains(ld, `"dateModified"`) || !strings.Contains(ld, `"CorrectionComment"`) {
		t.Fatalf("ClaimReview on the public page: %v %s", err, ld)
	}
}
