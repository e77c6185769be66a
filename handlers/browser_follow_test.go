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

// TestBrowserFollowLiveBlog follows a local live blog from the story page;
// when the blog gets a new entry, another fact-checker's open story page
// shows its candidate without reloading, and they accept it from the
// keyboard.
func TestBrowserFollowLiveBlog(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	// The real clock, and the scheduler running as in the server.
	path, dbURL := dbtest.Target(t)
	st, err := models.Open(models.Config{Path: path, DatabaseURL: dbURL})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := New(st, Config{Logger: discardLogger(), FollowFloor: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stopFollower := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		models.NewFollower(st, models.FollowerConfig{Fetcher: testPageFetcher(), Tick: 100 * time.Millisecond, Logger: discardLogger()}).Run(runCtx)
	}()
	t.Cleanup(func() { stopFollower(); <-done })
	srv := browserServer(t, e)
	// The browser starts after the server, so it is closed first: the open
	// event streams end with it and the server stops at once.
	ctx := headless(t)
	blog := floodBlog()
	t.Cleanup(blog.Close)

	bg := context.Background()
	for _, u := range []models.NewUser{{Name: "Fay Checker", Email: "fay@desk.test", Role: models.RoleFactchecker, Password: webPassword},
		{Name: "Gus Checker", Email: "gus@desk.test", Role: models.RoleFactchecker, Password: webPassword}} {
		if _, err := st.CreateUser(bg, u); err != nil {
			t.Fatal(err)
		}
	}
	fay, _ := st.UserByEmail(bg, "fay@desk.test")
	title := "Floods live"
	story, err := st.CreateStory(bg, fay, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	page := srv.URL + "/stories/" + itoa64(story.ID)
	signIn := func(ctx context.Context, email string) {
		run(t, ctx, "sign in "+email, chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), email), chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
		submitForm(t, ctx, "form[action='/signin'] button", ".counts")
	}

	// Fay follows the blog from the story page.
	signIn(ctx, "fay@desk.test")
	run(t, ctx, "story page", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(".follow-form")),
		chromedp.SendKeys(chromedp.CSS(".follow-form input[name=url]"), blog.Page()),
		chromedp.SetValue(chromedp.CSS(".follow-form input[name=every_seconds]"), "1"))
	submitForm(t, ctx, ".follow-form button", ".flash")
	run(t, ctx, "first candidates appear", chromedp.WaitVisible(chromedp.CSS("#inbox .candidate")))

	// Gus has the story open in a browser of his own.
	gctx, cancelG := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelG()
	signIn(gctx, "gus@desk.test")
	run(t, gctx, "Gus opens the story", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#inbox .candidate")))
	if _, err := chromedp.Run(gctx, chromedp.Evaluate[bool]("document.body.dataset.untouched = '1', true")); err != nil {
		t.Fatal(err)
	}
	if txt := textOf(t, gctx, "#inbox"); !strings.Contains(txt, "Petra Lind") || strings.Contains(txt, "Elbe") {
		t.Fatalf("Gus's inbox before the new entry: %q", txt)
	}

	// The blog gets a new entry; Gus's inbox shows it without a reload.
	blog.Add(pagetestEntry("e3", "11:15", "Bridge closed", "The transport ministry said the Elbe bridge was closed."))
	wctx, cancelW := context.WithTimeout(gctx, 30*time.Second)
	defer cancelW()
	run(t, wctx, "the new candidate appears", chromedp.WaitVisible(chromedp.Search(`//section[@id="inbox"]//li[contains(., "Elbe bridge")]`)))
	if v, err := chromedp.Run(gctx, chromedp.Evaluate[string]("document.body.dataset.untouched || ''")); err != nil || v != "1" {
		t.Fatalf("the page was reloaded (%q, %v)", v, err)
	}

	// j selects the newest candidate, a accepts it.
	run(t, gctx, "keys", chromedp.KeyEvent("j"))
	if cur := textOf(t, gctx, "#inbox .candidate.current"); !strings.Contains(cur, "Elbe bridge") {
		t.Fatalf("j selected %q", cur)
	}
	run(t, gctx, "accept", chromedp.KeyEvent("a"),
		chromedp.WaitVisible(chromedp.Search(`//*[@data-inbox-status][contains(., "Accepted: claim #")]`)))
	if n, err := chromedp.Run(gctx, chromedp.Evaluate[int](`document.querySelectorAll("#inbox .candidate").length`)); err != nil || n != 2 {
		t.Errorf("%d candidates left on the page (%v), want 2", n, err)
	}
	// d goes to the reason of the row now current; Enter dismisses it.
	run(t, gctx, "dismiss", chromedp.KeyEvent("d"))
	if name, err := chromedp.Run(gctx, chromedp.Evaluate[string]("document.activeElement.name")); err != nil || name != "reason" {
		t.Fatalf("d focused %q (%v), want the dismiss reason", name, err)
	}
	// chromedp sends a key's character as an event of its own after the
	// keydown, which the keydown cannot cancel as it does for a real key
	// press: clear what it typed into the field just focused.
	if _, err := chromedp.Run(gctx, chromedp.Evaluate[bool]("document.activeElement.value = '', true")); err != nil {
		t.Fatal(err)
	}
	run(t, gctx, "reason", chromedp.SendKeys(chromedp.CSS("#inbox .candidate.current input[name=reason]"), "the operator's own word\r"),
		chromedp.WaitVisible(chromedp.Search(`//*[@data-inbox-status][contains(., "Dismissed.")]`)))
	if n, err := chromedp.Run(gctx, chromedp.Evaluate[int](`document.querySelectorAll("#inbox .candidate").length`)); err != nil || n != 1 {
		t.Errorf("%d candidates left on the page (%v), want 1", n, err)
	}
	if dismissed, err := st.Candidates(bg, models.CandidateFilter{StoryID: story.ID, State: models.CandidateDismissed}); err != nil || len(dismissed) != 1 || dismissed[0].DismissReason != "the operator's own word" {
		t.Errorf("dismissed %+v %v", dismissed, err)
	}
	accepted, err := st.Candidates(bg, models.CandidateFilter{StoryID: story.ID, State: models.CandidateAccepted})
	if err != nil || len(accepted) != 1 || !strings.Contains(accepted[0].Claim, "Elbe bridge") || accepted[0].ClaimID == nil {
		t.Fatalf("accepted %+v %v", accepted, err)
	}
	claim, err := st.Claim(bg, *accepted[0].ClaimID)
	if err != nil || claim.StoryID != story.ID || claim.EntryID == nil || claim.ReportedURL != blog.Page() {
		t.Fatalf("claim %+v %v", claim, err)
	}
	if claim.CreatedByID == nil || *claim.CreatedByID == fay.ID {
		t.Errorf("the claim should be Gus's: %+v", claim.CreatedByID)
	}
}
