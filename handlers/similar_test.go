package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// similarBlog is a live blog whose first claim retells the claim seeded by
// apiFixture.seed ("Two women were killed by Ukrainian shelling").
const similarBlog = "Border live\n\n11:03 a.m.\nShelling in Shebekino\n" +
	"Ukrainian shelling killed two women, Vyacheslav Gladkov said on Telegram.\n\n" +
	"11:40 a.m.\nPort news\nThe port will remain closed until Thursday, the port authority said in a statement.\n"

// similarAnswer is the contract of GET /claims/:id/similar.
type similarAnswer struct {
	Similar []struct {
		Claim       map[string]any `json:"claim"`
		Score       float64        `json:"score"`
		SameFigures bool           `json:"same_figures"`
		Differences []string       `json:"differences"`
		Link        string         `json:"link"`
	} `json:"similar"`
}

func TestAPISimilarClaims(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	rec := f.do("fc", "POST", "/api/v1/stories", map[string]any{"title": "Wire"})
	mustStatus(t, rec, http.StatusCreated)
	wire := int64(decode(t, rec)["id"].(float64))
	add := func(storyID int64, claimant, text string) int64 {
		t.Helper()
		rec := f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": storyID, "claimant": claimant, "text": text})
		mustStatus(t, rec, http.StatusCreated)
		return int64(decode(t, rec)["id"].(float64))
	}
	same := add(wire, "Gladkov", "Ukrainian shelling killed 2 women.")
	three := add(wire, "Gladkov", "Three women were killed by Ukrainian shelling.")
	add(wire, "Port authority", "The port will remain closed until Thursday.")
	mustStatus(t, f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/links", claim), map[string]any{"to_claim_id": three, "kind": "contradicts"}), http.StatusCreated)

	rec = f.do("viewer", "GET", fmt.Sprintf("/api/v1/claims/%d/similar?limit=5", claim), nil)
	mustStatus(t, rec, http.StatusOK)
	var got similarAnswer
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Similar) != 2 {
		t.Fatalf("similar: %s", rec.Body.String())
	}
	first, second := got.Similar[0], got.Similar[1]
	if int64(first.Claim["id"].(float64)) != same || !first.SameFigures || first.Score < 0.85 || first.Link != "" ||
		first.Claim["story_title"] != "Wire" || first.Differences == nil {
		t.Errorf("first: %+v", first)
	}
	if int64(second.Claim["id"].(float64)) != three || second.SameFigures || second.Link != "contradicts" ||
		strings.Join(second.Differences, ";") != "2 vs 3 women" {
		t.Errorf("second: %+v", second)
	}

	f.run(t, []apiScenario{
		{name: "limit 1", who: "viewer", method: "GET", path: fmt.Sprintf("/api/v1/claims/%d/similar?limit=1", claim), status: 200, want: []string{`"similar":[{"claim":{"id":` + fmt.Sprint(same)}},
		{name: "bad limit", who: "viewer", method: "GET", path: fmt.Sprintf("/api/v1/claims/%d/similar?limit=0", claim), status: 422, want: []string{`"limit"`}},
		{name: "limit too large", who: "viewer", method: "GET", path: fmt.Sprintf("/api/v1/claims/%d/similar?limit=51", claim), status: 422, want: []string{`"limit"`}},
		{name: "missing claim", who: "viewer", method: "GET", path: "/api/v1/claims/99999/similar", status: 404},
		{name: "anonymous", method: "GET", path: fmt.Sprintf("/api/v1/claims/%d/similar", claim), status: 401},
	})
}

// The import preview carries each candidate's matches with the matched
// claim's verdict; committing with link_to links the new claim to it; a
// second import of the same blog adds nothing.
func TestAPIImportPreviewMatches(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	mustStatus(t, f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/evidence", claim), map[string]any{"kind": "document", "stance": "refutes", "url": "https://example.org/r"}), http.StatusCreated)
	mustStatus(t, f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/verdict", claim), map[string]any{"verdict": "false", "rationale": "No such deaths", "version": 1}), http.StatusOK)

	rec := f.do("fc", "POST", "/api/v1/imports/liveblog", map[string]any{"text": similarBlog})
	mustStatus(t, rec, http.StatusOK)
	var p models.ImportPreview
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Candidates) != 2 {
		t.Fatalf("candidates: %s", rec.Body.String())
	}
	m := p.Candidates[0].Matches
	if len(m) != 1 || m[0].ClaimID != claim || m[0].Verdict != models.False || m[0].StoryID == 0 ||
		!strings.HasPrefix(m[0].Note, "already found false in 'Belgorod live'") {
		t.Fatalf("matches of the retold claim: %+v", m)
	}
	if !strings.Contains(rec.Body.String(), `"matches":[]`) {
		t.Errorf("a candidate without matches lacks an empty list: %s", rec.Body.String())
	}

	p.Candidates[0].LinkTo, p.Candidates[0].LinkKind = claim, "duplicate_of"
	body := map[string]any{"text": similarBlog, "story_title": "Border live", "candidates": p.Candidates}
	rec = f.do("fc", "POST", "/api/v1/imports/liveblog/commit", body)
	mustStatus(t, rec, http.StatusCreated)
	rec = f.do("viewer", "GET", fmt.Sprintf("/api/v1/claims/%d/links", claim), nil)
	mustStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"kind":"duplicate_of"`) || !strings.Contains(rec.Body.String(), "killed two women") {
		t.Errorf("the imported claim is not linked: %s", rec.Body.String())
	}
	rec = f.do("fc", "POST", "/api/v1/imports/liveblog/commit", body)
	mustStatus(t, rec, http.StatusOK)
	if got := decode(t, rec)["claims_added"]; got != 0.0 {
		t.Errorf("a second import added %v claims", got)
	}

	bad := map[string]any{"text": similarBlog, "story_title": "Other", "candidates": []map[string]any{
		{"selected": true, "entry_index": 0, "claim": "A new claim", "claimant": "Someone", "link_to": claim, "link_kind": "friends_with"}}}
	rec = f.do("fc", "POST", "/api/v1/imports/liveblog/commit", bad)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "link_kind") {
		t.Errorf("bad link kind: %s", rec.Body.String())
	}
}

// Entering a claim the story already holds asks first: 422 with the
// matches and nothing written; "not_duplicate" adds it anyway; the same
// claim in another story, or with another figure, is simply added.
func TestAPIDuplicateQuestionAtEntry(t *testing.T) {
	f := newAPIFixture(t)
	story, _, claim := f.seed(t)
	count := func() float64 {
		rec := f.do("viewer", "GET", "/api/v1/claims", nil)
		mustStatus(t, rec, http.StatusOK)
		return decode(t, rec)["total"].(float64)
	}
	before := count()
	retold := map[string]any{"story_id": story, "claimant": "Gladkov", "text": "Ukrainian shelling killed two women."}
	rec := f.do("fc", "POST", "/api/v1/claims", retold)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	ans := decode(t, rec)
	ms, _ := ans["matches"].([]any)
	if len(ms) != 1 || int64(ms[0].(map[string]any)["claim_id"].(float64)) != claim {
		t.Fatalf("matches: %s", rec.Body.String())
	}
	if msg := ans["errors"].(map[string]any)["text"].(string); !strings.Contains(msg, fmt.Sprintf("Same as #%d?", claim)) {
		t.Errorf("message %q", msg)
	}
	if count() != before {
		t.Fatal("a refused duplicate was written")
	}
	retold["not_duplicate"] = true
	mustStatus(t, f.do("fc", "POST", "/api/v1/claims", retold), http.StatusCreated)
	mustStatus(t, f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": story, "claimant": "Gladkov", "text": "Ukrainian shelling killed three women."}), http.StatusCreated)
	rec = f.do("fc", "POST", "/api/v1/stories", map[string]any{"title": "Elsewhere"})
	other := decode(t, rec)["id"]
	mustStatus(t, f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": other, "claimant": "Gladkov", "text": "Ukrainian shelling killed two women."}), http.StatusCreated)
	if count() != before+3 {
		t.Errorf("claims: %v, want %v", count(), before+3)
	}
}

// The desk's "Unlinked close matches" view and the API's close_match=1 list
// the claims entered with a close match until they are linked.
func TestCloseMatchFilterOnDeskAndAPI(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	rec := f.do("fc", "POST", "/api/v1/stories", map[string]any{"title": "Wire"})
	wire := decode(t, rec)["id"]
	rec = f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": wire, "claimant": "Gladkov", "text": "Three women were killed by Ukrainian shelling."})
	mustStatus(t, rec, http.StatusCreated)
	three := int64(decode(t, rec)["id"].(float64))
	mustStatus(t, f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": wire, "claimant": "Port authority", "text": "The port will remain closed until Thursday."}), http.StatusCreated)

	rec = f.do("viewer", "GET", "/api/v1/claims?close_match=1&sort=id", nil)
	mustStatus(t, rec, http.StatusOK)
	var page models.ClaimPage
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 || page.Claims[0].ID != claim || page.Claims[1].ID != three {
		t.Fatalf("close matches: %s", rec.Body.String())
	}

	a := &webApp{t: t, store: f.store, e: f.e, now: testNow}
	b := a.browser().signIn(f.users["viewer"].Email)
	rec = b.get("/?close_match=1")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Three women were killed") || strings.Contains(rec.Body.String(), "The port will remain closed") {
		t.Fatalf("desk view: %d %.2000s", rec.Code, rec.Body.String())
	}
	mustStatus(t, f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/links", three), map[string]any{"to_claim_id": claim, "kind": "contradicts"}), http.StatusCreated)
	rec = f.do("viewer", "GET", "/api/v1/claims?close_match=1", nil)
	if got := decode(t, rec)["total"]; got != 0.0 {
		t.Errorf("after linking: %v claims", got)
	}
}

// The import preview page shows a candidate's matches with where the matched
// claim stands, and the link chosen there is made on import.
func TestWebImportPreviewShowsMatchesAndLinks(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	seen := a.seedClaim(fc, "Two women were killed by Ukrainian shelling", "Vyacheslav Gladkov")
	b := a.browser().signIn("fay@desk.test")
	preview := b.post("/import/preview", url.Values{"text": {similarBlog}})
	wantStatus(t, preview, http.StatusOK)
	page := preview.Body.String()
	for _, want := range []string{`class="import-matches"`, `href="/claims/` + itoa64(seen.ID) + `"`,
		"already on the desk in &#39;Story of Vyacheslav Gladkov&#39;, not reviewed yet",
		`<option value="duplicate_of:` + itoa64(seen.ID) + `">`} {
		if !strings.Contains(page, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	// One list of matches and one link choice per candidate: a second
	// select of the same name would send two answers.
	if n := strings.Count(page, `name="candidates[0].link"`); n != 1 {
		t.Errorf("the first candidate has %d link choices, want 1", n)
	}
	f := commitForm(t, page)
	f.Set("candidates[0].link", "corroborates:"+itoa64(seen.ID))
	f.Set("story_title", "Border live")
	rec := b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	links, err := a.store.ClaimLinks(context.Background(), seen.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].Link.Kind != "corroborates" || !strings.Contains(links[0].Claim.Text, "killed two women") {
		t.Fatalf("links after import: %+v", links)
	}
}
