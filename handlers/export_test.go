package handlers_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/handlers"
	"claimdesk/models"
)

func TestExportCSVMatchesStore(t *testing.T) {
	f := newExportFixture(t, handlers.Config{BaseURL: testBaseURL + "/", Newsroom: testNewsroom})
	rec := f.mustGet("viewer", "/api/v1/export.csv?sort=id", http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") || !strings.Contains(ct, "utf-8") {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".csv") {
		t.Errorf("Content-Disposition %q", cd)
	}
	if !bytes.Contains(rec.Body.Bytes(), []byte("\r\n")) {
		t.Error("RFC 4180 wants CRLF line ends")
	}
	r := csv.NewReader(rec.Body)
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := records[0], models.CSVColumns(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("header %v, want %v", got, want)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	claims := f.allClaims()
	if len(records) != 1+len(claims) {
		t.Fatalf("%d rows, want %d", len(records)-1, len(claims))
	}
	for i, c := range claims {
		rec := records[1+i]
		w := f.want(c.ID)
		quoteType := "indirect"
		if w.c.Direct {
			quoteType = "direct"
		}
		published := "no"
		if w.c.Published {
			published = "yes"
		}
		expect := map[string]string{
			"claim_id": strconv.FormatInt(c.ID, 10), "story_id": strconv.FormatInt(w.c.StoryID, 10),
			"story": w.c.StoryTitle, "entry_time": w.c.EntryTime, "entry_headline": w.c.EntryHeadline,
			"claimant": w.c.ClaimantName, "claimant_role": w.c.ClaimantRole, "claimant_kind": w.c.ClaimantKind,
			"claim": w.c.Text, "quote": w.c.Quote, "verb": w.c.Verb, "quote_type": quoteType,
			"channel": w.c.Channel, "via": w.c.Via, "made_at": rfc3339(w.c.MadeAt), "reported_at": rfc3339(&w.c.ReportedAt),
			"reported_url": w.c.ReportedURL, "verifiability": string(w.c.Verifiability),
			"verifiability_reason": w.c.VerifiabilityReason, "verdict": string(w.c.Verdict),
			"verdict_rationale": w.c.VerdictRationale, "verdict_by": w.c.VerdictByName, "verdict_at": rfc3339(w.c.VerdictAt),
			"signed_off_by": w.c.SignedOffByName, "signed_off_at": rfc3339(w.c.SignedOffAt), "published": published,
			"evidence_urls": strings.Join(w.urls, "\n"), "corroboration": strconv.Itoa(w.corr),
			"attribution_line": w.c.AttributionLine, "claim_url": testBaseURL + "/claims/" + strconv.FormatInt(c.ID, 10),
			"corrections": w.updateLines(), "tags": strings.Join(w.c.Tags, models.CSVTagSeparator),
		}
		if len(expect) != len(models.CSVColumns()) {
			t.Fatalf("the test checks %d columns of %d", len(expect), len(models.CSVColumns()))
		}
		for name, want := range expect {
			if got := rec[col[name]]; got != neutral(want) {
				t.Errorf("claim %d %s = %q, want %q", c.ID, name, got, neutral(want))
			}
		}
	}
	// The hostile text really went through the store and out again.
	p := records[1]
	for _, want := range []string{hostileCSV, hostileHTML} {
		if !strings.Contains(p[col["claim"]], want) {
			t.Errorf("claim cell %q lost %q", p[col["claim"]], want)
		}
	}
	for name, want := range map[string]string{"claimant": hostileCyr, "story": hostileHTML, "entry_headline": hostileCSV,
		"quote": hostileSQL, "verdict_rationale": hostileArabic} {
		if !strings.Contains(p[col[name]], want) {
			t.Errorf("%s cell %q lost %q", name, p[col[name]], want)
		}
	}
	if p[col["corroboration"]] != "2" || p[col["published"]] != "yes" || p[col["signed_off_by"]] != "Eve Editor" {
		t.Errorf("published claim: corroboration %s, published %s, signed off by %s", p[col["corroboration"]], p[col["published"]], p[col["signed_off_by"]])
	}
	// Formula prefixes are neutralised, and only those.
	fo := records[len(records)-1]
	for name, want := range map[string]string{"claim": "'" + hostileFormula, "quote": "'+7 (495) 696-88-00 called",
		"verb": "'-claims", "channel": "'@mod_russia", "via": "'=1+1", "verdict_rationale": "'-1 sources"} {
		if fo[col[name]] != want {
			t.Errorf("formula claim %s = %q, want %q", name, fo[col[name]], want)
		}
	}
	if strings.HasPrefix(fo[col["attribution_line"]], "'") {
		t.Error("a cell that is not a formula was altered")
	}
}

// exportedClaim mirrors the JSON export's objects for the test.
type exportedClaim struct {
	ClaimID             int64      `json:"claim_id"`
	StoryID             int64      `json:"story_id"`
	Story               string     `json:"story"`
	EntryID             *int64     `json:"entry_id"`
	EntryTime           string     `json:"entry_time"`
	EntryHeadline       string     `json:"entry_headline"`
	Claimant            string     `json:"claimant"`
	ClaimantRole        string     `json:"claimant_role"`
	ClaimantKind        string     `json:"claimant_kind"`
	Claim               string     `json:"claim"`
	Quote               string     `json:"quote"`
	Verb                string     `json:"verb"`
	Direct              bool       `json:"direct"`
	Channel             string     `json:"channel"`
	Via                 string     `json:"via"`
	MadeAt              *time.Time `json:"made_at"`
	ReportedAt          time.Time  `json:"reported_at"`
	ReportedURL         string     `json:"reported_url"`
	Verifiability       string     `json:"verifiability"`
	VerifiabilityReason string     `json:"verifiability_reason"`
	Verdict             string     `json:"verdict"`
	VerdictRationale    string     `json:"verdict_rationale"`
	VerdictBy           string     `json:"verdict_by"`
	VerdictAt           *time.Time `json:"verdict_at"`
	SignedOffBy         string     `json:"signed_off_by"`
	SignedOffAt         *time.Time `json:"signed_off_at"`
	Published           bool       `json:"published"`
	Evidence            []struct {
		ID      int64     `json:"id"`
		Kind    string    `json:"kind"`
		Stance  string    `json:"stance"`
		URL     string    `json:"url"`
		Title   string    `json:"title"`
		Origin  string    `json:"origin"`
		AddedAt time.Time `json:"added_at"`
	} `json:"evidence"`
	Corroboration   int    `json:"corroboration"`
	AttributionLine string `json:"attribution_line"`
	ClaimURL        string `json:"claim_url"`
	Corrections     []struct {
		ID          int64     `json:"id"`
		At          time.Time `json:"at"`
		By          string    `json:"by"`
		FromVerdict string    `json:"from_verdict"`
		ToVerdict   string    `json:"to_verdict"`
		Reason      string    `json:"reason"`
		UpdateLine  string    `json:"update_line"`
	} `json:"corrections"`
}

func (f *exportFixture) checkJSONClaim(got exportedClaim) {
	t := f.t
	t.Helper()
	w := f.want(got.ClaimID)
	c := w.c
	timeEq := func(a, b *time.Time) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return a.Equal(*b)
	}
	if got.StoryID != c.StoryID || got.Story != c.StoryTitle || got.EntryTime != c.EntryTime || got.EntryHeadline != c.EntryHeadline ||
		(got.EntryID == nil) != (c.EntryID == nil) || (got.EntryID != nil && *got.EntryID != *c.EntryID) ||
		got.Claimant != c.ClaimantName || got.ClaimantRole != c.ClaimantRole || got.ClaimantKind != c.ClaimantKind ||
		got.Claim != c.Text || got.Quote != c.Quote || got.Verb != c.Verb || got.Direct != c.Direct ||
		got.Channel != c.Channel || got.Via != c.Via || !timeEq(got.MadeAt, c.MadeAt) || !got.ReportedAt.Equal(c.ReportedAt) ||
		got.ReportedURL != c.ReportedURL || got.Verifiability != string(c.Verifiability) ||
		got.VerifiabilityReason != c.VerifiabilityReason || got.Verdict != string(c.Verdict) ||
		got.VerdictRationale != c.VerdictRationale || got.VerdictBy != c.VerdictByName || !timeEq(got.VerdictAt, c.VerdictAt) ||
		got.SignedOffBy != c.SignedOffByName || !timeEq(got.SignedOffAt, c.SignedOffAt) || got.Published != c.Published ||
		got.Corroboration != w.corr || got.AttributionLine != c.AttributionLine ||
		got.ClaimURL != testBaseURL+"/claims/"+strconv.FormatInt(c.ID, 10) {
		t.Errorf("claim %d exported as %+v\nstored as %+v", c.ID, got, c)
	}
	if len(got.Evidence) != len(w.evidence) {
		t.Fatalf("claim %d: %d evidence, want %d", c.ID, len(got.Evidence), len(w.evidence))
	}
	if got.Corrections == nil || len(got.Corrections) != len(w.corrections) {
		t.Fatalf("claim %d: corrections %+v, want %d", c.ID, got.Corrections, len(w.corrections))
	}
	for i, k := range w.corrections {
		g := got.Corrections[i]
		if g.ID != k.ID || !g.At.Equal(k.At) || g.By != k.By || g.FromVerdict != string(k.FromVerdict) ||
			g.ToVerdict != string(k.ToVerdict) || g.Reason != k.Reason || g.UpdateLine != k.UpdateLine {
			t.Errorf("claim %d correction %d: %+v, want %+v", c.ID, i, g, k)
		}
	}
	for i, ev := range w.evidence {
		g := got.Evidence[i]
		if g.ID != ev.ID || g.Kind != ev.Kind || g.Stance != ev.Stance || g.URL != ev.URL || g.Title != ev.Title ||
			g.Origin != ev.Origin || !g.AddedAt.Equal(ev.CreatedAt) {
			t.Errorf("claim %d evidence %d: %+v, want %+v", c.ID, i, g, ev)
		}
	}
}

func TestExportJSONAndNDJSONMatchStore(t *testing.T) {
	f := newExportFixture(t, handlers.Config{BaseURL: testBaseURL})
	rec := f.mustGet("viewer", "/api/v1/export.json?sort=id&per_page=1&page=3", http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if strings.Contains(rec.Body.String(), "<script>") {
		t.Error("JSON should escape < and > so it is safe inside HTML")
	}
	var arr []exportedClaim
	if err := json.Unmarshal(rec.Body.Bytes(), &arr); err != nil {
		t.Fatalf("JSON export does not parse: %v\n%s", err, rec.Body.String())
	}
	claims := f.allClaims()
	if len(arr) != len(claims) {
		t.Fatalf("page and per_page must be ignored: %d claims, want %d", len(arr), len(claims))
	}
	for i, c := range claims {
		if arr[i].ClaimID != c.ID {
			t.Fatalf("row %d is claim %d, want %d", i, arr[i].ClaimID, c.ID)
		}
		f.checkJSONClaim(arr[i])
	}
	if arr[0].Claim != f.want(f.published.ID).c.Text || !strings.Contains(arr[0].Claim, hostileHTML) {
		t.Error("hostile text altered in JSON")
	}

	rec = f.mustGet("viewer", "/api/v1/export.ndjson?sort=id", http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
		t.Errorf("Content-Type %q", ct)
	}
	sc := bufio.NewScanner(rec.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		var got exportedClaim
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("NDJSON line %d: %v", n+1, err)
		}
		if got.ClaimID != claims[n].ID {
			t.Fatalf("line %d is claim %d, want %d", n+1, got.ClaimID, claims[n].ID)
		}
		f.checkJSONClaim(got)
		n++
	}
	if n != len(claims) {
		t.Fatalf("%d NDJSON lines, want %d", n, len(claims))
	}
}

func TestClaimReviewHoldsPublishedVerdictsOnly(t *testing.T) {
	f := newExportFixture(t, handlers.Config{BaseURL: testBaseURL, Newsroom: testNewsroom})
	rec := f.mustGet("viewer", "/api/v1/claimreview.jsonld", http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/ld+json") {
		t.Errorf("Content-Type %q", ct)
	}
	body := rec.Body.String()
	if strings.Contains(body, "</script>") {
		t.Error("</script> must be escaped so the markup can sit in a script block")
	}
	var reviews []map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &reviews); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	byURL := map[string]map[string]any{}
	for _, r := range reviews {
		byURL[r["url"].(string)] = r
	}
	url := func(c *models.Claim) string { return testBaseURL + "/claims/" + strconv.FormatInt(c.ID, 10) }
	for _, c := range []*models.Claim{f.unsigned, f.changed, f.open, f.openOther, f.formulaOne} {
		if _, ok := byURL[url(c)]; ok {
			t.Errorf("claim %d (%s, not published) appears in ClaimReview", c.ID, c.Text)
		}
		if strings.Contains(body, c.Text) {
			t.Errorf("text of unpublished claim %d leaked into ClaimReview", c.ID)
		}
	}
	if len(reviews) != 3 {
		t.Fatalf("%d ClaimReviews, want 3 (published, official, anonymous)", len(reviews))
	}
	type wantReview struct {
		c                  *models.Claim
		rating             float64
		name, authorType   string
		authorRoleKey      string
		hasAppearance      bool
		claimDatePublished func(*models.Claim) string
	}
	for _, w := range []wantReview{
		{f.published, 5, "Verified", "Person", "jobTitle", true, func(c *models.Claim) string { return rfc3339(&c.ReportedAt) }},
		{f.official, 1, "False", "Organization", "description", false, func(c *models.Claim) string { return rfc3339(c.MadeAt) }},
		{f.anonymous, 2, "Misleading", "Person", "", true, func(c *models.Claim) string { return rfc3339(&c.ReportedAt) }},
	} {
		c := f.want(w.c.ID).c
		r := byURL[url(c)]
		if r == nil {
			t.Fatalf("claim %d (published %s) missing", c.ID, c.Verdict)
		}
		check := func(what string, got, want any) {
			t.Helper()
			if got != want {
				t.Errorf("claim %d %s = %#v, want %#v", c.ID, what, got, want)
			}
		}
		check("@context", r["@context"], "https://schema.org")
		check("@type", r["@type"], "ClaimReview")
		check("claimReviewed", r["claimReviewed"], c.Text)
		check("datePublished", r["datePublished"], rfc3339(c.SignedOffAt))
		author := r["author"].(map[string]any)
		check("author.@type", author["@type"], "Organization")
		check("author.name", author["name"], testNewsroom)
		rr := r["reviewRating"].(map[string]any)
		check("reviewRating.@type", rr["@type"], "Rating")
		check("ratingValue", rr["ratingValue"], w.rating)
		check("bestRating", rr["bestRating"], float64(5))
		check("worstRating", rr["worstRating"], float64(1))
		check("alternateName", rr["alternateName"], w.name)
		check("ratingExplanation", rr["ratingExplanation"], c.VerdictRationale)
		item := r["itemReviewed"].(map[string]any)
		check("itemReviewed.@type", item["@type"], "Claim")
		check("itemReviewed.datePublished", item["datePublished"], w.claimDatePublished(c))
		ia := item["author"].(map[string]any)
		check("itemReviewed.author.@type", ia["@type"], w.authorType)
		check("itemReviewed.author.name", ia["name"], c.ClaimantName)
		if w.authorRoleKey != "" {
			check("itemReviewed.author role", ia[w.authorRoleKey], c.ClaimantRole)
		}
		if w.hasAppearance {
			app, _ := item["appearance"].(map[string]any)
			if app == nil {
				t.Fatalf("claim %d: no appearance", c.ID)
			}
			check("appearance.@type", app["@type"], "CreativeWork")
			check("appearance.url", app["url"], c.ReportedURL)
		} else if _, ok := item["appearance"]; ok {
			t.Errorf("claim %d has no reported URL but an appearance", c.ID)
		}
	}
	// Filters apply here too.
	rec = f.mustGet("viewer", "/api/v1/claimreview.jsonld?verdict=false", http.StatusOK)
	reviews = nil
	if err := json.Unmarshal(rec.Body.Bytes(), &reviews); err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 1 || reviews[0]["url"] != url(f.official) {
		t.Errorf("verdict=false: %v", reviews)
	}
}

func csvClaimIDs(t *testing.T, body io.Reader) []int64 {
	t.Helper()
	records, err := csv.NewReader(body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range records[1:] {
		id, err := strconv.ParseInt(r[0], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func TestExportFiltersAndAccess(t *testing.T) {
	f := newExportFixture(t, handlers.Config{})
	ids := func(cs ...*models.Claim) []int64 {
		var out []int64
		for _, c := range cs {
			out = append(out, c.ID)
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}
	story := strconv.FormatInt(f.story.ID, 10)
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"unconfirmed=1&story=" + story, ids(f.open, f.formulaOne)},
		{"unconfirmed=1", ids(f.open, f.openOther, f.formulaOne)},
		{"story=" + strconv.FormatInt(f.story2.ID, 10), ids(f.openOther)},
		{"verdict=false,misleading", ids(f.changed, f.official, f.anonymous)},
		{"verdict=verified&verdict=false", ids(f.published, f.unsigned, f.official)},
		{"verifiability=not_verifiable", ids(f.open)},
		{"q=substation", ids(f.unsigned)},
		{"q=substation&page=9&per_page=1", ids(f.unsigned)},
	} {
		rec := f.mustGet("viewer", "/api/v1/export.csv?"+tc.query, http.StatusOK)
		got := csvClaimIDs(t, rec.Body)
		if len(got) != len(tc.want) {
			t.Errorf("%s: claims %v, want %v", tc.query, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: claims %v, want %v", tc.query, got, tc.want)
				break
			}
		}
	}

	// Without a configured base URL, links use the default address, never
	// the Host the request names (here example.com, httptest's).
	rec := f.mustGet("viewer", "/api/v1/export.ndjson?story="+strconv.FormatInt(f.story2.ID, 10), http.StatusOK)
	var row exportedClaim
	if err := json.Unmarshal(rec.Body.Bytes(), &row); err != nil {
		t.Fatal(err)
	}
	if want := handlers.DefaultBaseURL + "/claims/" + strconv.FormatInt(f.openOther.ID, 10); row.ClaimURL != want {
		t.Errorf("claim_url %q, want %q", row.ClaimURL, want)
	}

	// Bad filters are refused before anything is written.
	rec = f.mustGet("viewer", "/api/v1/export.csv?verdict=maybe&since=yesterday", http.StatusUnprocessableEntity)
	var errs struct {
		Errors map[string]string `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &errs); err != nil || errs.Errors["verdict"] == "" && errs.Errors["since"] == "" {
		t.Errorf("422 body %s", rec.Body.String())
	}

	// Every export needs a token; a viewer's is enough.
	for _, path := range []string{"/api/v1/export.csv", "/api/v1/export.json", "/api/v1/export.ndjson", "/api/v1/claimreview.jsonld",
		"/api/v1/stories/" + story + "/sheet"} {
		if rec := f.get("", path); rec.Code != http.StatusUnauthorized {
			t.Errorf("%s without a token: %d, want 401", path, rec.Code)
		}
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer cd_not-a-real-token")
		rec := httptest.NewRecorder()
		f.e.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("%s with a bad token: %d, want 401", path, rec.Code)
		}
		f.mustGet("viewer", path, http.StatusOK)
	}

	// Each API export is in the audit log: who, which format, which filters, from where.
	evs, _, err := f.store.AuditLog(context.Background(), 500, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ev := range evs {
		if ev.Action == models.AuditExport && ev.Detail == "csv unconfirmed=1&story="+story {
			found = ev.UserID != nil && *ev.UserID == f.users["viewer"].ID && ev.Remote != ""
		}
	}
	if !found {
		t.Errorf("no audit event for the filtered CSV export in %+v", evs)
	}
}

// bulkClaims adds n plain claims to the fixture's story with raw SQL in one
// transaction: enough rows for several export chunks, fast.
func (f *exportFixture) bulkClaims(n int) {
	f.t.Helper()
	driver, dsn := "sqlite3", "file:"+filepath.ToSlash(f.path)+"?_busy_timeout=10000"
	insert := `INSERT INTO claims(story_id, source_id, text, reported_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
	if f.url != "" {
		driver, dsn = "pgx", f.url
		insert = `INSERT INTO claims(story_id, source_id, text, reported_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		f.t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		f.t.Fatal(err)
	}
	now := f.clock.now()
	for i := 0; i < n; i++ {
		if _, err := tx.Exec(insert, f.story.ID, f.open.SourceID, "Bulk claim "+strconv.Itoa(i), now, now, now); err != nil {
			f.t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		f.t.Fatal(err)
	}
}

// cancellingWriter is a client that hangs up after the first flush.
type cancellingWriter struct {
	*httptest.ResponseRecorder
	cancel  context.CancelFunc
	flushes int
}

func (w *cancellingWriter) Flush() {
	w.flushes++
	w.ResponseRecorder.Flush()
	w.cancel()
}

func TestExportStopsWhenClientGoesAway(t *testing.T) {
	f := newExportFixture(t, handlers.Config{})
	total := 5*models.ExportChunk + 17
	f.bulkClaims(total)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/export.csv", nil).WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+f.tokens["viewer"])
	w := &cancellingWriter{ResponseRecorder: httptest.NewRecorder(), cancel: cancel}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.e.ServeHTTP(w, req)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the export did not stop after the client went away")
	}
	lines := strings.Count(w.Body.String(), "\r\n")
	if lines == 0 || lines >= total {
		t.Errorf("wrote %d lines of %d: the export should start, then stop early", lines, total)
	}
	if w.flushes > 2 {
		t.Errorf("%d flushes after the client went away", w.flushes)
	}
	// With the client still there, the same export streams every row, flushing as it goes.
	rec := f.mustGet("viewer", "/api/v1/export.csv", http.StatusOK)
	if got := len(csvClaimIDs(t, rec.Body)); got != total+len(f.allClaims()) {
		t.Errorf("full export: %d rows, want %d", got, total+len(f.allClaims()))
	}
}

func TestAttributionSheet(t *testing.T) {
	f := newExportFixture(t, handlers.Config{})
	path := "/api/v1/stories/" + strconv.FormatInt(f.story.ID, 10) + "/sheet"
	rec := f.mustGet("viewer", path, http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q", ct)
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'sha256-") {
		t.Errorf("CSP %q", csp)
	}
	body := rec.Body.String()
	for _, bad := range []string{"<script", "<link", " src=", "@import", "url(", "<b>bold"} {
		if strings.Contains(body, bad) {
			t.Errorf("sheet contains %q", bad)
		}
	}
	for _, want := range []string{"<style>", "@media print", "&lt;script&gt;", "Shelling: ", "11:03 a.m.", "9:15 a.m.",
		"Cannot be independently verified: no independent access to the area", "Verified (signed off)",
		"Verified (awaiting sign-off)", "Not tied to a live-blog entry"} {
		if !strings.Contains(body, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	// Grouped by entry in the blog's order (position), unattached claims last.
	i915, i1103, iNone := strings.Index(body, "9:15 a.m."), strings.Index(body, "11:03 a.m."), strings.Index(body, "Not tied to")
	if !(i915 < i1103 && i1103 < iNone) {
		t.Errorf("groups out of order: 9:15 at %d, 11:03 at %d, none at %d", i915, i1103, iNone)
	}
	// Every claim of the story has its attribution line, escaped; other stories' do not.
	for _, c := range f.allClaims() {
		w := f.want(c.ID)
		esc := htmlEscape(w.c.AttributionLine)
		if c.StoryID == f.story.ID && !strings.Contains(body, esc) {
			t.Errorf("sheet lacks the attribution line of claim %d: %s", c.ID, esc)
		}
		if c.StoryID != f.story.ID && strings.Contains(body, esc) {
			t.Errorf("sheet shows claim %d of another story", c.ID)
		}
	}
	// The list's filters narrow the sheet.
	rec = f.mustGet("viewer", path+"?unconfirmed=1", http.StatusOK)
	if strings.Contains(rec.Body.String(), htmlEscape(f.want(f.published.ID).c.AttributionLine)) {
		t.Error("unconfirmed=1 sheet shows a verified claim")
	}
	f.mustGet("viewer", "/api/v1/stories/999999/sheet", http.StatusNotFound)
}

// htmlEscape is html/template's escaping of text, for finding it in a page.
func htmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;")
	return r.Replace(s)
}
