package handlers

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"claimdesk/models"
)

// chromiumPath finds Debian's chromium; without it the browser tests skip,
// except on CI, where a missing browser is a failure.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed, and CI is set")
	}
	t.Skip("chromium is not installed; install it with: apt-get install -y chromium")
	return ""
}

// sharedChromium is the one headless Chromium the package's browser tests
// share: starting Chromium takes seconds on a busy machine, while a fresh
// browser context (see headless) isolates a test as well as a fresh profile
// would. The first browser test starts it, TestMain stops it.
type sharedChromium struct {
	mu     sync.Mutex
	ctx    context.Context // the browser's first tab; done when the browser is
	cancel context.CancelFunc
}

// chromiumForTests is the package's shared Chromium.
var chromiumForTests = &sharedChromium{}

// get returns the running browser's first tab, starting the browser (again,
// should the last one have died) when needed.
func (c *sharedChromium) get(path string) (context.Context, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx != nil && c.ctx.Err() == nil {
		return c.ctx, nil
	}
	c.stopLocked()
	dir, err := os.MkdirTemp("", "claimdesk-chromium")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1400, 1000),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	c.ctx = ctx
	c.cancel = func() { cancel(); cancelAlloc(); os.RemoveAll(dir) }
	// The first run starts the browser and binds it to the context it is
	// given, so it gets ctx itself, not a child with a deadline.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		c.stopLocked()
		return nil, err
	}
	return ctx, nil
}

// stop ends the browser, if one runs.
func (c *sharedChromium) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopLocked()
}

func (c *sharedChromium) stopLocked() {
	if c.cancel != nil {
		c.cancel()
	}
	c.ctx, c.cancel = nil, nil
}

// headless gives a test a tab of its own in a browser context of its own
// (cookies, storage and cache of its own, like a fresh profile) in the
// shared headless Chromium; closing the context at the test's end disposes
// of all of it.
func headless(t *testing.T) context.Context {
	t.Helper()
	browser, err := chromiumForTests.get(chromiumPath(t))
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	// The tab closes as the test ends, before its cleanups run: a test
	// server's Close waits for the requests in progress, and a page's live
	// event stream only ends when the browser goes. (The tab used to stay
	// until the 90-second deadline above.)
	go func() {
		select {
		case <-t.Context().Done():
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("open a tab in chromium: %v", err)
	}
	// Downloads go to the test's own folder, as they went to its own
	// profile's.
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		DownloadPath: t.TempDir()}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	return ctx
}

// run performs browser steps and fails the test with the step's error.
func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// textOf reads the visible text of the first element matching css.
func textOf(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("read %s: %v", css, err)
	}
	return s
}

// submitForm clicks a form's submit button and waits for the next page's flash
// (or another element that only the next page has).
func submitForm(t *testing.T, ctx context.Context, button, waitFor string) {
	t.Helper()
	// Mark the page, so the wait below only matches the page that follows.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.body.dataset.before = '1', true")); err != nil {
		t.Fatalf("mark page: %v", err)
	}
	run(t, ctx, "submit "+button, chromedp.Click(chromedp.CSS(button)),
		chromedp.WaitVisible(chromedp.CSS("body:not([data-before]) "+waitFor)))
}

func TestBrowserReviewWorkflow(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	a := newWebApp(t)
	srv := browserServer(t, a.e)
	u := srv.URL

	// First run: the desk leads to setup, which creates the first admin.
	run(t, ctx, "open desk", chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("#name")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/setup") {
		t.Fatalf("empty database: landed on %s", loc)
	}
	run(t, ctx, "fill setup",
		chromedp.SendKeys(chromedp.CSS("#name"), "Ada Admin"),
		chromedp.SendKeys(chromedp.CSS("#email"), "ada@desk.test"),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/setup'] button", ".flash")
	// Sign out, then sign in through the sign-in page.
	submitForm(t, ctx, ".signout button", "#email")
	run(t, ctx, "sign in",
		chromedp.SendKeys(chromedp.CSS("#email"), "ada@desk.test"),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")

	// Create a story and add a claim to it.
	run(t, ctx, "stories", chromedp.Navigate(u+"/stories"), chromedp.WaitVisible(chromedp.CSS("#story-title")),
		chromedp.SendKeys(chromedp.CSS("#story-title"), "Belgorod shelling live"))
	submitForm(t, ctx, "#new-story button", "#claim-text")
	run(t, ctx, "claim form",
		chromedp.SendKeys(chromedp.CSS("#claim-text"), "Two women were killed by shelling in Belgorod"),
		chromedp.SendKeys(chromedp.CSS("#claimant"), "Vyacheslav Gladkov"))
	submitForm(t, ctx, "#add-claim button", ".claim-list a")
	run(t, ctx, "open claim", chromedp.Click(chromedp.CSS(".claim-list a[href^='/claims/']")), chromedp.WaitVisible(chromedp.CSS("#verdict-select")))
	claimURL, _ := chromedp.Run(ctx, chromedp.Location())

	// Attach evidence: a link and an uploaded file.
	file := filepath.Join(t.TempDir(), "geolocation-notes.txt")
	if err := os.WriteFile(file, []byte("Geolocated to 50.59N 36.58E"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "evidence form",
		chromedp.SendKeys(chromedp.CSS("input[name=url]"), "https://example.org/belgorod-photo"),
		chromedp.SendKeys(chromedp.CSS("input[name=title]"), "Geolocated photo of the site"),
		chromedp.SetUploadFiles(chromedp.CSS("input[name=file]"), []string{file}))
	submitForm(t, ctx, "#evidence form button", ".evidence li")
	if txt := textOf(t, ctx, ".evidence"); !strings.Contains(txt, "Geolocated photo") || !strings.Contains(txt, "geolocation-notes.txt") {
		t.Fatalf("evidence list: %q", txt)
	}

	// Set the verdict "verified" with a rationale, from the keyboard shortcut.
	run(t, ctx, "key v", chromedp.KeyEvent("v"))
	if id, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.activeElement.id")); err != nil || id != "verdict-select" {
		t.Fatalf("key v focused %q (%v), want the verdict form", id, err)
	}
	run(t, ctx, "verdict form",
		chromedp.SetValue(chromedp.CSS("#verdict-select"), "verified"),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "Photo geolocated; hospital confirmed two deaths"))
	submitForm(t, ctx, "#verdict button", ".flash")
	if txt := textOf(t, ctx, ".side-col"); !strings.Contains(txt, "Verified") || !strings.Contains(txt, "awaiting sign-off") {
		t.Fatalf("after verdict: %q", txt)
	}

	// An editor, in a browser context of their own, signs it off.
	a.user("eve", models.RoleEditor)
	ectx, cancelE := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelE()
	run(t, ectx, "editor signs in", chromedp.Navigate(u+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "eve@desk.test"),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ectx, "form[action='/signin'] button", ".counts")
	run(t, ectx, "editor opens claim", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#signoff button")))
	submitForm(t, ectx, "#signoff button", ".flash")
	if txt := textOf(t, ectx, ".side-col"); !strings.Contains(txt, "signed off by Eve Tester") {
		t.Fatalf("after sign-off: %q", txt)
	}

	// The Unconfirmed view no longer lists it.
	run(t, ectx, "unconfirmed view", chromedp.Navigate(u+"/?unconfirmed=1"), chromedp.WaitVisible(chromedp.CSS(".summary")))
	html, err := chromedp.Run(ectx, chromedp.OuterHTML(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, "Two women were killed") {
		t.Fatal("the signed-off claim is still listed as unconfirmed")
	}

	// Keyboard: j moves to the first row, o opens it.
	run(t, ctx, "desk keys", chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")),
		chromedp.KeyEvent("j"), chromedp.KeyEvent("o"),
		chromedp.WaitVisible(chromedp.CSS("#attribution")))
}

func TestBrowserConflictingEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "The militia says Russian forces killed two civilians", "People's militia")
	srv := browserServer(t, a.e)
	claimURL := srv.URL + "/claims/" + itoa64(cl.ID)

	run(t, ctx, "sign in", chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "fay@desk.test"),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")

	// Two tabs of the same reviewer open the same claim.
	tab2, cancel2 := chromedp.NewContext(ctx)
	defer cancel2()
	run(t, ctx, "tab 1", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#verdict-select")))
	run(t, tab2, "tab 2", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#verdict-select")))

	run(t, ctx, "tab 1 verdict", chromedp.SetValue(chromedp.CSS("#verdict-select"), "in_review"),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "Checking with the hospital"))
	submitForm(t, ctx, "#verdict button", ".flash")

	run(t, tab2, "tab 2 verdict", chromedp.SetValue(chromedp.CSS("#verdict-select"), "disputed"),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "The governor gives a different account"))
	// The live desk tells tab 2 of the change and moves its form to the new
	// version; a form that still carries the old one (the change arrived
	// just after it was sent, or the page has no live connection) is refused.
	waitFor(t, tab2, "the live notice", `document.querySelector(".live-notice") && document.querySelector(".live-notice").textContent.includes("You set verdict to in review")`)
	run(t, tab2, "as if sent before the change arrived", chromedp.Evaluate[chromedp.Void](`document.querySelector("#verdict input[name=version]").value = "1"`))
	submitForm(t, tab2, "#verdict button", "#conflict")
	if txt := textOf(t, tab2, "#conflict"); !strings.Contains(txt, "Someone changed this claim meanwhile") || !strings.Contains(txt, "In review") {
		t.Fatalf("conflict message: %q", txt)
	}
	typed, err := chromedp.Run(tab2, chromedp.Value(chromedp.CSS("#rationale")))
	if err != nil || typed != "The governor gives a different account" {
		t.Fatalf("the typed rationale was lost: %q %v", typed, err)
	}
	got, _ := a.store.Claim(context.Background(), cl.ID)
	if got.Verdict != models.InReview {
		t.Fatalf("the stale tab overwrote the verdict: %s", got.Verdict)
	}
}

// TestBrowserScreenshots renders the desk, a claim and a story with the
// sample live blogs' claims and saves them to docs/screenshots when
// CLAIMDESK_SCREENSHOTS is set (they are checked in; CI need not rewrite them).
func TestBrowserScreenshots(t *testing.T) {
	dir := os.Getenv("CLAIMDESK_SCREENSHOTS")
	if dir == "" || testing.Short() {
		t.Skip("set CLAIMDESK_SCREENSHOTS=../docs/screenshots to refresh the screenshots")
	}
	ctx := headless(t)
	a := newWebApp(t)
	storyID, claimID := seedSamples(t, a)
	srv := browserServer(t, a.e)
	run(t, ctx, "sign in", chromedp.EmulateViewport(1400, 900), chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "eve@desk.test"),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")
	for _, shot := range []struct{ name, path, wait, open string }{
		{"desk", "/", "table.claims", ""},
		{"claim", "/claims/" + itoa64(claimID), "#attribution", "#edit summary"},
		{"story", "/stories/" + itoa64(storyID), ".chart", ""},
		{"sources", "/sources/1", ".head", "#source-edit summary"},
	} {
		run(t, ctx, shot.name, chromedp.Navigate(srv.URL+shot.path), chromedp.WaitVisible(chromedp.CSS(shot.wait)))
		if shot.open != "" {
			run(t, ctx, "open "+shot.open, chromedp.Click(chromedp.CSS(shot.open)))
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, shot.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	screenshotImportReview(t, ctx, srv.URL, dir)
}

// seedSamples loads the claims of the shared sample live blogs into stories
// with entries, verdicts, evidence and a competing account.
func seedSamples(t *testing.T, a *webApp) (storyID, claimID int64) {
	t.Helper()
	ctx := context.Background()
	fay := a.user("fay", models.RoleFactchecker)
	eve := a.user("eve", models.RoleEditor)
	verdicts := []models.Verdict{models.Unreviewed, models.InReview, models.Verified, models.Unverified, models.Disputed, models.Unreviewed, models.False, models.Misleading}
	times := []string{"08:12", "09:40", "10:05", "11:03", "12:30", "13:15", "14:50", "16:20", "17:45", "19:40"}
	var first []int64
	for _, name := range []string{"liveblog-quake", "liveblog-flood", "wire-port-strike"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "samples", name+".expected.json"))
		if err != nil {
			raw, err = os.ReadFile(filepath.Join("/work/shared/samples", name+".expected.json"))
		}
		if err != nil {
			t.Skipf("samples not found: %v", err)
		}
		var doc struct {
			Claims []struct {
				Claim      string   `json:"claim"`
				Claimant   []string `json:"claimant"`
				Unverified bool     `json:"unverified_note"`
			} `json:"claims"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		title := map[string]string{"liveblog-quake": "Vellamar earthquake — live", "liveblog-flood": "River flood — live updates", "wire-port-strike": "Port strike (wire)"}[name]
		date, tz := "2026-11-24", "Europe/Rome"
		st, err := a.store.CreateStory(ctx, fay, models.StoryInput{Title: &title, Date: &date, TimeZone: &tz})
		if err != nil {
			t.Fatal(err)
		}
		var entries []*models.Entry
		for i := 0; i < 5; i++ {
			e, err := a.store.CreateEntry(ctx, st.ID, models.EntryInput{TimeText: times[i*2], Headline: "Update " + itoa64(int64(i+1)) + " from the scene", Body: "Reporting from the area continues.", Position: i})
			if err != nil {
				t.Fatal(err)
			}
			entries = append(entries, e)
		}
		for i, c := range doc.Claims {
			text, who := c.Claim, c.Claimant[0]
			in := models.ClaimInput{StoryID: &st.ID, EntryID: &entries[i*len(entries)/len(doc.Claims)].ID, Text: &text, Claimant: &who, Quote: &text}
			if c.Unverified {
				v, why := models.VerifNotVerifiable, "The report says it could not be independently verified"
				in.Verifiability, in.VerifiabilityReason = &v, &why
			}
			cl, err := a.store.CreateClaim(ctx, fay, in)
			if err != nil {
				t.Fatal(err)
			}
			if name == "liveblog-quake" {
				first = append(first, cl.ID)
			}
			v := verdicts[(i+len(name))%len(verdicts)]
			if v == models.Unreviewed {
				continue
			}
			if v.Final() {
				if _, err := a.store.AddEvidence(ctx, fay, cl.ID, models.EvidenceInput{Kind: "photo", Stance: "supports", URL: "https://photos.example.org/" + itoa64(cl.ID), Title: "Drone photo of the site", Origin: "Civil Rescue Corps"}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := a.store.SetVerdict(ctx, fay, cl.ID, models.VerdictChange{Verdict: v, Rationale: "Checked against the ministry's statement and two eyewitnesses", Version: cl.Version}); err != nil {
				t.Fatal(err)
			}
			if i%3 == 0 {
				got, _ := a.store.Claim(ctx, cl.ID)
				if _, err := a.store.Assign(ctx, eve, cl.ID, &fay.ID, got.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		if name == "liveblog-quake" {
			storyID = st.ID
		}
	}
	// The magnitude claims contradict each other: the claim page shows both.
	claimID = first[3]
	if _, err := a.store.LinkClaims(ctx, fay, first[3], first[4], "contradicts", "7.1 vs 6.9"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.AddEvidence(ctx, fay, claimID, models.EvidenceInput{Kind: "dataset", Stance: "context", URL: "https://seismo.example.org/event/2026", Title: "Seismological institute event page", Origin: "national seismological institute"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.AddNote(ctx, fay, claimID, "Asked the institute for their final figure."); err != nil {
		t.Fatal(err)
	}
	return storyID, claimID
}

// TestBrowserImportLiveBlog pastes the earthquake sample, previews it,
// unticks one claim (the script keeps the count), and imports the rest.
func TestBrowserImportLiveBlog(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	blog := quakeBlog(t)
	ctx := headless(t)
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	srv := browserServer(t, a.e)
	run(t, ctx, "sign in", chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "fay@desk.test"),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")

	run(t, ctx, "open import", chromedp.Click(chromedp.CSS("nav a[href='/import']")), chromedp.WaitVisible(chromedp.CSS("#import-text")),
		chromedp.SetValue(chromedp.CSS("#import-text"), blog))
	submitForm(t, ctx, "form[action='/import/preview'] button", ".import-commit")
	if txt := textOf(t, ctx, ".summary"); !strings.Contains(txt, "10 candidate claim(s) in 5 entries; 0 already in this story") {
		t.Fatalf("preview summary: %q", txt)
	}
	run(t, ctx, "untick one", chromedp.Click(chromedp.CSS("input[name='candidates[0].selected']")))
	if n := textOf(t, ctx, "[data-selected-count]"); n != "9" {
		t.Fatalf("ticked count after unticking one: %q, want 9", n)
	}
	submitForm(t, ctx, ".import-commit button[type=submit]", ".flash")
	if txt := textOf(t, ctx, ".flash"); !strings.Contains(txt, "Imported 9 claims (0 already there)") {
		t.Fatalf("after import: %q", txt)
	}
	if txt := textOf(t, ctx, "#entries"); !strings.Contains(txt, "Carmen Ruiz") || !strings.Contains(txt, "Rescue teams say 140 people") {
		t.Fatalf("story page after import: %q", txt)
	}
}
