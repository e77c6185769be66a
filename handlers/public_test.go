package handlers

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/atom"
	"claimdesk/models/dbtest"
	"claimdesk/models/outbound"
)

// publicDesk is a desk with a claim in every state a claim can be in, and
// the internal details a public page must never show.
type publicDesk struct {
	t     *testing.T
	store *models.Store
	h     http.Handler
	// byState maps a state's name to its claim; public says which states
	// have a public page.
	byState map[string]*models.Claim
	public  map[string]bool
	// secret are strings that exist only inside the desk.
	secret []string
	// capture is the published claim's captured evidence page.
	capture *models.Capture
}

func newPublicDesk(t *testing.T, public bool) *publicDesk {
	t.Helper()
	path, url := dbtest.Target(t)
	clock := testNow
	st, err := models.Open(models.Config{Path: path, DatabaseURL: url, Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := New(st, Config{Logger: discardLogger(), Public: public, Newsroom: "The Daily Check", BaseURL: "https://news.example"})
	if err != nil {
		t.Fatal(err)
	}
	d := &publicDesk{t: t, store: st, h: e, byState: map[string]*models.Claim{}, public: map[string]bool{}}
	ctx := context.Background()
	mk := func(name, email string, r models.Role) *models.User {
		u, err := st.CreateUser(ctx, models.NewUser{Name: name, Email: email, Role: r, Password: "a long enough password"})
		if err != nil {
			t.Fatal(err)
		}
		d.secret = append(d.secret, name, email)
		return u
	}
	fc, ed, asg := mk("Fenna Internalchecker", "fenna.internal@desk.test", models.RoleFactchecker),
		mk("Edwin Internaleditor", "edwin.internal@desk.test", models.RoleEditor),
		mk("Asha Assignedperson", "asha.assigned@desk.test", models.RoleFactchecker)
	title := "Belgorod live"
	story, err := st.CreateStory(ctx, fc, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	must := func(c *models.Claim, err error) *models.Claim {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	claim := func(state string, public bool) *models.Claim {
		text := "Claim in state " + state + " that two women were killed"
		c := must(st.CreateClaim(ctx, fc, models.ClaimInput{StoryID: &story.ID, Claimant: ptr("Vyacheslav Gladkov"), Text: &text,
			VerifiabilityReason: ptr("internal verifiability reasoning " + state)}))
		// Internal details on every claim: an assignee, a note, an evidence
		// note, a removed evidence item.
		c = must(st.Assign(ctx, ed, c.ID, &asg.ID, c.Version))
		tag := "internal tag " + strings.ReplaceAll(state, "_", " ")
		c = must(st.SetTags(ctx, fc, c.ID, c.Version, []string{tag}))
		d.secret = append(d.secret, tag)
		note := "internal note about " + state
		if _, err := st.AddNote(ctx, fc, c.ID, note); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddEvidence(ctx, fc, c.ID, models.EvidenceInput{Kind: "photo", Stance: "supports",
			URL: "https://photos.example/" + state, Title: "Photo of " + state, Note: "internal evidence note " + state}); err != nil {
			t.Fatal(err)
		}
		gone, err := st.AddEvidence(ctx, fc, c.ID, models.EvidenceInput{Kind: "document", Stance: "refutes", URL: "https://removed.example/" + state})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.RemoveEvidence(ctx, fc, c.ID, gone.ID, "internal removal reason "+state); err != nil {
			t.Fatal(err)
		}
		d.secret = append(d.secret, note, "internal evidence note "+state, "https://removed.example/"+state,
			"internal removal reason "+state, "internal verifiability reasoning "+state)
		if !public {
			d.secret = append(d.secret, text)
		}
		d.public[state] = public
		return must(st.Claim(ctx, c.ID))
	}
	verdict := func(c *models.Claim, v models.Verdict, why string) *models.Claim {
		return must(st.SetVerdict(ctx, fc, c.ID, models.VerdictChange{Verdict: v, Rationale: why, Version: c.Version}))
	}
	signOff := func(c *models.Claim) *models.Claim { return must(st.SignOff(ctx, ed, c.ID, c.Version)) }

	d.byState["unreviewed"] = claim("unreviewed", false)
	c := claim("in_review", false)
	d.byState["in_review"] = verdict(c, models.InReview, "internal in-review rationale")
	c = claim("unverified", false)
	d.byState["unverified"] = verdict(c, models.Unverified, "internal unverified rationale")
	c = claim("disputed", false)
	d.byState["disputed"] = verdict(c, models.Disputed, "internal disputed rationale")
	c = claim("awaiting_signoff", false)
	d.byState["awaiting_signoff"] = verdict(c, models.Verified, "internal unsigned rationale")
	d.secret = append(d.secret, "internal in-review rationale", "internal unverified rationale", "internal disputed rationale",
		"internal unsigned rationale")
	c = claim("published", true)
	// A captured copy of an evidence page: its hash goes on the public page.
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<p>Radar log</p>") }))
	t.Cleanup(page.Close)
	ev, err := st.AddEvidence(ctx, fc, c.ID, models.EvidenceInput{Kind: "document", Stance: "refutes", URL: page.URL + "/radar", Title: "Radar log"})
	if err != nil {
		t.Fatal(err)
	}
	pool := st.NewCapturePool(outbound.New(outbound.Config{AllowPrivate: true}), models.CaptureSettings{Workers: 1})
	if d.capture, err = pool.Capture(ctx, fc, ev.ID); err != nil || d.capture.Status != models.CaptureOK {
		t.Fatalf("capture: %v %+v", err, d.capture)
	}
	c, _ = st.Claim(ctx, c.ID)
	d.byState["published"] = signOff(verdict(c, models.False, "Radar data shows otherwise"))
	c = claim("corrected", true)
	c = signOff(verdict(c, models.Verified, "Two hospitals confirmed it"))
	d.byState["corrected"] = verdict(c, models.Disputed, "The hospitals withdrew their figures")
	// Published, corrected, then withdrawn as "not a claim": no public page,
	// nothing in the feed.
	c = claim("withdrawn", false)
	c = signOff(verdict(c, models.Verified, "internal withdrawn rationale"))
	c = verdict(c, models.Disputed, "internal withdrawn correction")
	d.byState["withdrawn"] = must(st.WithdrawClaim(ctx, fc, c.ID, c.Version, "not a claim: a headline"))
	d.secret = append(d.secret, "internal withdrawn rationale", "internal withdrawn correction")
	c = claim("republished", true)
	c = signOff(verdict(c, models.Misleading, "Partly true"))
	c = verdict(c, models.False, "Entirely staged")
	d.byState["republished"] = signOff(c)
	return d
}

func (d *publicDesk) get(path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	d.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func TestPublicPagesAreOffByDefault(t *testing.T) {
	d := newPublicDesk(t, false)
	for _, p := range []string{"/public/claims/" + itoa64(d.byState["published"].ID), "/public/feed.atom"} {
		if rec := d.get(p); rec.Code != http.StatusNotFound {
			t.Errorf("%s with public pages off: %d", p, rec.Code)
		}
	}
}

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// The check: every public page, for every claim state, shows no
// unpublished claim and no internal field; only published (or once
// published, then corrected) claims have a page.
func TestPublicPagesShowNothingInternal(t *testing.T) {
	d := newPublicDesk(t, true)
	var pages []string
	for state, c := range d.byState {
		rec := d.get("/public/claims/" + itoa64(c.ID))
		if !d.public[state] {
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s: public page answered %d", state, rec.Code)
			}
			continue
		}
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", state, rec.Code, rec.Body.String())
		}
		if !strings.Contains(rec.Body.String(), "Claim in state "+state) {
			t.Errorf("%s: the page does not show the claim", state)
		}
		pages = append(pages, rec.Body.String())
	}
	feed := d.get("/public/feed.atom")
	if feed.Code != http.StatusOK {
		t.Fatalf("feed: %d", feed.Code)
	}
	pages = append(pages, feed.Body.String())
	for _, p := range pages {
		for _, s := range d.secret {
			if strings.Contains(p, s) || strings.Contains(p, htmlEscaped(s)) {
				t.Errorf("a public page shows %q", s)
			}
		}
		for _, s := range []string{"/api/v1/", "csrf", "Sign out", "/admin/"} {
			if strings.Contains(p, s) {
				t.Errorf("a public page shows %q", s)
			}
		}
	}
	if rec := d.get("/public/claims/999999"); rec.Code != http.StatusNotFound {
		t.Errorf("missing claim: %d", rec.Code)
	}
}

// htmlEscaped is how html/template writes s in text.
func htmlEscaped(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

func claimReviewOf(t *testing.T, page string) map[string]any {
	t.Helper()
	m := jsonLD.FindStringSubmatch(page)
	if m == nil {
		return nil
	}
	var cr map[string]any
	if err := json.Unmarshal([]byte(m[1]), &cr); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	return cr
}

func TestPublicClaimPage(t *testing.T) {
	d := newPublicDesk(t, true)
	pub := d.byState["published"]
	rec := d.get("/public/claims/" + itoa64(pub.ID))
	body := rec.Body.String()
	if !strings.Contains(body, d.capture.SHA256) || !strings.Contains(body, "Copy captured") {
		t.Errorf("the captured copy's hash is not on the public page")
	}
	if rec.Header().Get("Content-Security-Policy") == "" || !strings.Contains(body, "Radar data shows otherwise") ||
		!strings.Contains(body, "https://photos.example/published") || !strings.Contains(body, "The Daily Check") {
		t.Errorf("published page: %s", body)
	}
	cr := claimReviewOf(t, body)
	if cr == nil || cr["@type"] != "ClaimReview" || cr["url"] != "https://news.example/public/claims/"+itoa64(pub.ID) ||
		cr["datePublished"] != pub.SignedOffAt.UTC().Format(time.RFC3339) || cr["dateModified"] != nil {
		t.Errorf("ClaimReview %v", cr)
	}
	// Corrected, not yet signed off again: the correction, no verdict, no markup.
	corr := d.byState["corrected"]
	body = d.get("/public/claims/" + itoa64(corr.ID)).Body.String()
	if claimReviewOf(t, body) != nil || !strings.Contains(body, "An earlier version of this entry said the claim by Vyacheslav Gladkov") ||
		!strings.Contains(body, "Two hospitals confirmed it") || !strings.Contains(body, "being confirmed") {
		t.Errorf("corrected page: %s", body)
	}
	// Published again: dateModified, the first publication and the correction.
	rep := d.byState["republished"]
	cs, _ := d.store.Corrections(context.Background(), models.CorrectionFilter{ClaimID: rep.ID})
	body = d.get("/public/claims/" + itoa64(rep.ID)).Body.String()
	cr = claimReviewOf(t, body)
	if cr == nil || cr["dateModified"] != rep.SignedOffAt.UTC().Format(time.RFC3339) ||
		cr["datePublished"] != cs[0].Published.SignedOffAt.UTC().Format(time.RFC3339) || cr["reviewRating"].(map[string]any)["alternateName"] != "False" {
		t.Fatalf("republished ClaimReview %v", cr)
	}
	if k := cr["correction"].([]any)[0].(map[string]any); k["@type"] != "CorrectionComment" || k["text"] != cs[0].UpdateLine {
		t.Errorf("correction in ClaimReview: %v", k)
	}
}

// The feed is Atom 1.0: it parses, has the required elements, one entry per
// publication and per correction, each linking to its public page.
func TestPublicFeedIsAtom(t *testing.T) {
	d := newPublicDesk(t, true)
	rec := d.get("/public/feed.atom")
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Errorf("Content-Type %q", ct)
	}
	var f atom.Feed
	dec := xml.NewDecoder(strings.NewReader(rec.Body.String()))
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("feed does not parse: %v\n%s", err, rec.Body.String())
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if cd, ok := tok.(xml.CharData); err != nil || !ok || strings.TrimSpace(string(cd)) != "" {
			t.Fatalf("content after the feed element: %v %v", tok, err)
		}
	}
	if f.XMLName.Space != atom.NS || f.ID == "" || f.Title.Body == "" || time.Time(f.Updated).IsZero() {
		t.Fatalf("feed head %+v", f)
	}
	// published + republished (current publications), corrected and
	// republished's corrections.
	kinds := map[string]int{}
	ids := map[string]bool{}
	var last time.Time
	for i, e := range f.Entries {
		if ids[e.ID] || e.ID == "" || e.Title.Body == "" || time.Time(e.Updated).IsZero() || len(e.Links) == 0 ||
			!strings.HasPrefix(e.Links[0].Href, "https://news.example/public/claims/") {
			t.Errorf("entry %+v", e)
		}
		if i > 0 && time.Time(e.Updated).After(last) {
			t.Errorf("entries not newest first")
		}
		last = time.Time(e.Updated)
		ids[e.ID] = true
		kinds[e.Category[0].Term]++
	}
	if len(f.Entries) != 4 || kinds["correction"] != 2 || kinds["false"] != 2 {
		t.Errorf("entries by kind %v", kinds)
	}
	id := strconv.FormatInt(d.byState["corrected"].ID, 10)
	if !strings.Contains(rec.Body.String(), "/public/claims/"+id+"#correction-") {
		t.Error("no entry for the correction")
	}
}
