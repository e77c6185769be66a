package handlers

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"claimdesk/models"
	"claimdesk/models/liveblog"
)

// quakeBlog is the earthquake sample live blog; without the samples the test
// skips, except on CI.
func quakeBlog(t *testing.T) string {
	t.Helper()
	for _, p := range []string{filepath.Join("..", "..", "shared", "samples", "liveblog-quake.txt"), "/work/shared/samples/liveblog-quake.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("samples/liveblog-quake.txt not found, and CI is set")
	}
	t.Skip("samples/liveblog-quake.txt not found")
	return ""
}

// upload posts a multipart form with a file, as the import form sends it.
func (b *browser) upload(path string, fields map[string]string, fileName string, data []byte) *httptest.ResponseRecorder {
	b.a.t.Helper()
	if _, ok := fields["csrf"]; !ok {
		with := map[string]string{"csrf": b.csrf}
		for k, v := range fields {
			with[k] = v
		}
		fields = with
	}
	body, ct := multipartBody(fields, fileName, data)
	r := httptest.NewRequest(http.MethodPost, path, body)
	r.Header.Set("Content-Type", ct)
	r.Header.Set("Accept", "text/html")
	r.RemoteAddr = b.ip + ":5555"
	for _, c := range b.cookies {
		r.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	b.a.e.ServeHTTP(rec, r)
	return rec
}

var (
	commitFormRe = regexp.MustCompile(`(?s)<form method="post" action="/import/commit".*?</form>`)
	inputRe      = regexp.MustCompile(`(?s)<input ([^>]*)>`)
	attrRe       = regexp.MustCompile(`(?s)([a-z-]+)(?:="([^"]*)")?`)
	textareaRe   = regexp.MustCompile(`(?s)<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>`)
	selectRe     = regexp.MustCompile(`(?s)<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>`)
	selectedRe   = regexp.MustCompile(`<option value="([^"]*)" selected>`)
)

// commitForm reads the preview's import form as a browser would submit it:
// hidden and text inputs, ticked checkboxes, text areas, chosen options.
func commitForm(t *testing.T, body string) url.Values {
	t.Helper()
	form := commitFormRe.FindString(body)
	if form == "" {
		t.Fatalf("no import form on the page:\n%s", body)
	}
	out := url.Values{}
	for _, m := range inputRe.FindAllStringSubmatch(form, -1) {
		attrs := map[string]string{}
		for _, a := range attrRe.FindAllStringSubmatch(m[1], -1) {
			attrs[a[1]] = html.UnescapeString(a[2])
		}
		_, checked := attrs["checked"]
		if attrs["name"] == "" || (attrs["type"] == "checkbox" && !checked) {
			continue
		}
		out.Add(attrs["name"], attrs["value"])
	}
	for _, m := range textareaRe.FindAllStringSubmatch(form, -1) {
		out.Add(m[1], html.UnescapeString(m[2]))
	}
	for _, m := range selectRe.FindAllStringSubmatch(form, -1) {
		v := ""
		if s := selectedRe.FindStringSubmatch(m[2]); s != nil {
			v = html.UnescapeString(s[1])
		}
		out.Set(m[1], v)
	}
	return out
}

// rowOf returns the index of the preview row whose claimant is name.
func rowOf(t *testing.T, f url.Values, name string) string {
	t.Helper()
	n, _ := strconv.Atoi(f.Get("count"))
	for i := 0; i < n; i++ {
		if f.Get("candidates["+strconv.Itoa(i)+"].claimant") == name {
			return strconv.Itoa(i)
		}
	}
	t.Fatalf("no row with claimant %q in %v", name, f)
	return ""
}

func storyClaims(t *testing.T, a *webApp, storyID int64) []models.Claim {
	t.Helper()
	page, err := a.store.Claims(context.Background(), models.ClaimFilter{StoryID: storyID, PerPage: models.MaxPerPage})
	if err != nil {
		t.Fatal(err)
	}
	return page.Claims
}

func storyCount(t *testing.T, a *webApp) int {
	t.Helper()
	sts, err := a.store.Stories(context.Background(), true, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(sts)
}

func TestWebImportPreviewCommitAndReimport(t *testing.T) {
	blog := quakeBlog(t)
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	ctx := context.Background()
	ruiz, err := a.store.CreateSource(ctx, models.SourceInput{Name: ptr("Carmen Ruiz"), Kind: ptr("person")})
	if err != nil {
		t.Fatal(err)
	}
	b := a.browser().signIn("fay@desk.test")
	page := b.get("/import")
	wantStatus(t, page, http.StatusOK)
	for _, want := range []string{`action="/import/preview"`, `enctype="multipart/form-data"`, `name="csrf"`, `<label for="import-text">`,
		`<label for="import-file">`, `src="/static/import.js`, `href="/import" aria-current="page"`} {
		if !strings.Contains(page.Body.String(), want) {
			t.Errorf("import form lacks %s", want)
		}
	}

	// Preview: every claimant, the known source matched (with a link), the others new.
	rec := b.upload("/import/preview", map[string]string{"reported_url": "https://example.org/live/quake"}, "quake.txt", []byte(blog))
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	for _, want := range []string{"Carmen Ruiz", "Civil Rescue Corps", "Dario Pellet", "the defence ministry",
		`matches <a href="/sources/` + itoa64(ruiz.ID) + `">Carmen Ruiz</a>`, "new source",
		"<b>10</b> candidate claim(s) in <b>5</b> entries; <b>0</b> already in this story",
		"19:40", "Rescue teams say 140 people pulled from rubble", "We have not been able to verify these figures.",
		`value="Earthquake in the Serrano highlands – live updates"`} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if storyCount(t, a) != 0 {
		t.Fatal("the preview wrote a story")
	}

	// Import all but one row, with one claim's text edited.
	f := commitForm(t, body)
	if f.Get("reported_url") != "https://example.org/live/quake" || f.Get("draft") == "" || f.Get("text") != "" {
		t.Fatalf("the form lost the URL, or carries the text instead of its draft: %q", f.Get("reported_url"))
	}
	skip := rowOf(t, f, "the national seismological institute")
	f.Del("candidates[" + skip + "].selected")
	pellet := rowOf(t, f, "Dario Pellet")
	f.Set("candidates["+pellet+"].claim", "Many more people were still trapped in Vellamar (edited)")
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	loc := rec.Header().Get("Location")
	storyID, err := strconv.ParseInt(strings.TrimPrefix(loc, "/stories/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect to %q, want a story", loc)
	}
	story := b.get(loc)
	wantStatus(t, story, http.StatusOK)
	if !strings.Contains(story.Body.String(), "Imported 9 claims (0 already there), 6 new sources.") {
		t.Errorf("story page lacks the import's flash:\n%s", story.Body.String())
	}
	if !strings.Contains(story.Body.String(), `href="/import?story=`+itoa64(storyID)+`">Import live blog</a>`) {
		t.Error("story page lacks its Import live blog link")
	}
	st, err := a.store.Story(ctx, storyID)
	if err != nil || st.Title != "Earthquake in the Serrano highlands – live updates" {
		t.Fatalf("story %+v, %v", st, err)
	}
	entries, err := a.store.Entries(ctx, storyID)
	if err != nil || len(entries) != 5 {
		t.Fatalf("%d entries, %v; want 5", len(entries), err)
	}
	claims := storyClaims(t, a, storyID)
	if len(claims) != 9 {
		t.Fatalf("%d claims, want 9", len(claims))
	}
	var edited, fromRuiz bool
	for _, cl := range claims {
		if cl.Text == "Many more people were still trapped in Vellamar (edited)" {
			edited = true
			if cl.Verifiability != models.VerifNotVerifiable || cl.VerifiabilityReason != "We have not been able to verify these figures." {
				t.Errorf("flagged claim: verifiability %s %q", cl.Verifiability, cl.VerifiabilityReason)
			}
			if cl.ReportedURL != "https://example.org/live/quake" || cl.EntryID == nil {
				t.Errorf("imported claim: url %q entry %v", cl.ReportedURL, cl.EntryID)
			}
		}
		if cl.SourceID == ruiz.ID {
			fromRuiz = true
		}
		if strings.Contains(cl.Text, "6.9") {
			t.Errorf("the unticked claim was imported: %q", cl.Text)
		}
	}
	if !edited || !fromRuiz {
		t.Errorf("edited claim stored %v; a claim given to the matched source %v", edited, fromRuiz)
	}

	// The same blog again, into the story chosen on its page: the review is
	// remembered. The eight imported as found and the corrected one (in its
	// corrected form) are marked as there; the unticked one comes back
	// unticked, marked as dismissed before. Ticking it imports it.
	rec = b.post("/import/preview", url.Values{"text": {blog}, "story_id": {itoa64(storyID)}})
	wantStatus(t, rec, http.StatusOK)
	body = rec.Body.String()
	if !strings.Contains(body, "<b>9</b> already in this story") || strings.Count(body, "already in this story</span>") != 9 ||
		strings.Count(body, "dismissed in an earlier import") != 1 || !strings.Contains(body, "Many more people were still trapped in Vellamar (edited)</textarea>") {
		t.Errorf("second preview does not remember the review:\n%s", body)
	}
	f = commitForm(t, body)
	if strings.Count(f.Encode(), "selected=") != 0 {
		t.Errorf("second preview ticks rows: %v", f)
	}
	f.Set("candidates["+skip+"].selected", "1")
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	// The unticked claim's claimant was not needed before: it is new now.
	if !strings.Contains(b.get(rec.Header().Get("Location")).Body.String(), "Imported 1 claim (0 already there), 1 new source.") {
		t.Error("second import's flash is wrong")
	}

	// A third time, with no story chosen: it goes into the story of the
	// blog's title, every row is marked, and even re-ticked rows add nothing.
	rec = b.post("/import/preview", url.Values{"text": {blog}})
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), "<b>10</b> already in this story") {
		t.Error("third preview does not mark every claim")
	}
	f = commitForm(t, rec.Body.String())
	if f.Get("story_id") != itoa64(storyID) {
		t.Errorf("preview by title chose story %q, want %d", f.Get("story_id"), storyID)
	}
	for i := 0; i < 10; i++ {
		f.Set("candidates["+strconv.Itoa(i)+"].selected", "1")
	}
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	if !strings.Contains(b.get(rec.Header().Get("Location")).Body.String(), "Imported 0 claims (10 already there), 0 new sources.") {
		t.Error("third import's flash is wrong")
	}
	entries, _ = a.store.Entries(ctx, storyID)
	if n := len(storyClaims(t, a, storyID)); n != 10 || len(entries) != 5 || storyCount(t, a) != 1 {
		t.Errorf("after re-imports: %d claims, %d entries, %d stories; want 10, 5, 1", n, len(entries), storyCount(t, a))
	}
}

func TestWebImportCommitErrorKeepsEdits(t *testing.T) {
	blog := quakeBlog(t)
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	b.get("/import")
	rec := b.post("/import/preview", url.Values{"text": {blog}})
	wantStatus(t, rec, http.StatusOK)
	f := commitForm(t, rec.Body.String())
	f.Set("candidates[1].claim", "A claim the desk rewrote <b>bold</b>")
	f.Set("candidates[2].claim", "   ")
	f.Set("story_title", "Quake, desk copy")
	f.Set("reported_url", "not a url")
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	body := rec.Body.String()
	for _, want := range []string{"Nothing was imported", "A claim the desk rewrote &lt;b&gt;bold&lt;/b&gt;", `value="Quake, desk copy"`,
		`name="candidates[2].claim" rows="2" aria-label="Claim" data-limit="5000">   </textarea>`, "is required", `value="not a url"`} {
		if !strings.Contains(body, want) {
			t.Errorf("re-shown preview lacks %q", want)
		}
	}
	if storyCount(t, a) != 0 {
		t.Fatal("a failed import wrote a story")
	}
}

func TestWebImportEscapesHostileBlog(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	b.get("/import")
	blog := "Live: <script>alert(1)</script> updates\n\n10:03 a.m. – <img src=x onerror=alert(2)> the mayor speaks\n\n" +
		`"The <script>alert(1)</script> bridge is closed," the mayor of Vellamar said. The army denied that <b onmouseover=alert(3)>troops</b> had left.` + "\n"
	rec := b.post("/import/preview", url.Values{"text": {blog}})
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b onmouseover"} {
		if strings.Contains(body, bad) {
			t.Errorf("preview contains raw %q", bad)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(body, "&lt;img src=x onerror=alert(2)&gt;") {
		t.Errorf("hostile text not shown as text:\n%s", body)
	}
}

func TestWebImportBadInput(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	b.get("/import")
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	big := bytes.Repeat([]byte("The governor said the bridge was closed.\n"), liveblog.MaxInputBytes/40+1)
	for _, tc := range []struct {
		name     string
		text     string
		file     string
		data     []byte
		want     string
		wantText bool
	}{
		{name: "empty", text: "  \n ", want: "is empty: paste the live blog"},
		{name: "binary pasted", text: "Blog\n\n10:00 – x\n\xff\xfe\x00 said", want: "is not plain UTF-8 text"},
		{name: "binary file", file: "photo.txt", data: png, want: "is not a plain-text file (it looks like image/png)"},
		{name: "non-UTF-8 file", file: "latin1.txt", data: []byte("Blog\n\n10:00 – Caf\xe9 said it"), want: "is not plain UTF-8 text"},
		{name: "10 MB file", file: "big.txt", data: big, want: "is larger than 10 MB"},
		{name: "file and text", text: "The mayor said it rained.", file: "a.txt", data: []byte("The mayor said it rained."), want: "not both", wantText: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b.get("/import")
			fields := map[string]string{"text": tc.text}
			rec := b.upload("/import/preview", fields, tc.file, tc.data)
			wantStatus(t, rec, http.StatusUnprocessableEntity)
			body := rec.Body.String()
			if !strings.Contains(body, tc.want) || !strings.Contains(body, `class="ferr" role="alert"`) {
				t.Errorf("answer lacks %q", tc.want)
			}
			if !strings.Contains(body, `action="/import/preview"`) {
				t.Error("the form is not shown again")
			}
			if tc.wantText && !strings.Contains(body, ">The mayor said it rained.</textarea>") {
				t.Error("the pasted text was not kept")
			}
		})
	}
	// A file far over the limit is answered from its size, not its token.
	rec := b.upload("/import/preview", nil, "huge.txt", bytes.Repeat([]byte("a"), 13<<20))
	wantStatus(t, rec, http.StatusRequestEntityTooLarge)
	if !strings.Contains(rec.Body.String(), "is larger than 10 MB") || !strings.Contains(rec.Body.String(), `action="/import/preview"`) {
		t.Error("an oversized upload is not answered with the form and its message")
	}
	if storyCount(t, a) != 0 {
		t.Fatal("bad input wrote a story")
	}
}

func TestWebImportNeedsCSRFAndRole(t *testing.T) {
	blog := quakeBlog(t)
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("vic", models.RoleViewer)
	st := a.seedClaim(fc, "The bridge was closed", "The mayor")

	b := a.browser().signIn("fay@desk.test")
	rec := b.get("/import?story=" + itoa64(st.StoryID))
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `<option value="`+itoa64(st.StoryID)+`" selected>`) {
		t.Error("?story= does not preselect the story")
	}
	preview := b.post("/import/preview", url.Values{"text": {blog}})
	wantStatus(t, preview, http.StatusOK)
	f := commitForm(t, preview.Body.String())
	for _, token := range []string{"", "forged"} {
		g := url.Values{}
		for k, v := range f {
			g[k] = v
		}
		g.Set("csrf", token)
		wantStatus(t, b.do(http.MethodPost, "/import/commit", g, nil), http.StatusForbidden)
		wantStatus(t, b.do(http.MethodPost, "/import/preview", url.Values{"text": {blog}, "csrf": {token}}, nil), http.StatusForbidden)
		wantStatus(t, b.upload("/import/preview", map[string]string{"csrf": token}, "quake.txt", []byte(blog)), http.StatusForbidden)
	}
	if n := storyCount(t, a); n != 1 {
		t.Fatalf("%d stories after refused imports, want 1", n)
	}

	v := a.browser().signIn("vic@desk.test")
	home := v.get("/")
	if strings.Contains(home.Body.String(), `href="/import"`) {
		t.Error("viewer is offered the import")
	}
	if strings.Contains(v.get("/stories/"+itoa64(st.StoryID)).Body.String(), "Import live blog") {
		t.Error("viewer is offered the import on the story page")
	}
	wantStatus(t, v.get("/import"), http.StatusForbidden)
	wantStatus(t, v.post("/import/preview", url.Values{"text": {blog}}), http.StatusForbidden)
	f.Set("csrf", v.csrf)
	wantStatus(t, v.post("/import/commit", f), http.StatusForbidden)
	if n := storyCount(t, a); n != 1 {
		t.Fatalf("%d stories after a viewer's import, want 1", n)
	}

	anon := a.browser()
	rec = anon.get("/import")
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/signin") {
		t.Errorf("anonymous /import: %d %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestImportCandidatesFromForm(t *testing.T) {
	f := url.Values{"count": {"3"},
		"candidates[0].selected": {"1"}, "candidates[0].claim": {"A"}, "candidates[0].claimant": {"carmen ruiz "},
		"candidates[0].source_id": {"7"}, "candidates[0].source_name": {"Carmen Ruiz"}, "candidates[0].entry_index": {"2"},
		"candidates[0].direct": {"1"}, "candidates[0].unverifiable": {"1"}, "candidates[0].caveat": {"Not verified."},
		"candidates[1].claim": {"B"}, "candidates[1].claimant": {"Carmen Ruiz-Otero"}, "candidates[1].source_id": {"7"},
		"candidates[1].source_name": {"Carmen Ruiz"}, "candidates[1].entry_index": {"x"},
	}
	got, err := importCandidatesFromForm(f)
	if err != nil || len(got) != 3 {
		t.Fatalf("%v, %v", got, err)
	}
	if c := got[0]; !c.Selected || c.SourceID != 7 || c.EntryIndex != 2 || !c.Direct || !c.Unverifiable || c.Caveat != "Not verified." {
		t.Errorf("row 0: %+v", c)
	}
	if c := got[1]; c.Selected || c.SourceID != 0 || c.EntryIndex != -2 {
		t.Errorf("row 1 (claimant edited, bad entry): %+v", c)
	}
	if c := got[2]; c.Selected || c.EntryIndex != -1 {
		t.Errorf("row 2 (absent): %+v", c)
	}
	for _, count := range []string{"", "-1", "5001"} {
		if _, err := importCandidatesFromForm(url.Values{"count": {count}}); err == nil {
			t.Errorf("count %q accepted", count)
		}
	}
}

func TestWebImportPreviewPagesLongBlogs(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	b.get("/import")
	var blog strings.Builder
	blog.WriteString("River flood updates\n\n")
	for i := 0; i < 1500; i++ {
		blog.WriteString(strconv.Itoa(1+i/60%12) + ":" + strconv.Itoa(10+i%50) + " – Entry " + strconv.Itoa(i) +
			"\n\nBridge number " + strconv.Itoa(i) + " was closed, the mayor of Vellamar said.\n\n")
	}
	rec := b.post("/import/preview", url.Values{"text": {blog.String()}})
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	if !strings.Contains(body, "This blog has 1500 candidate claims: showing 1–200") || strings.Count(body, `class="cand-row`) != 200 {
		t.Fatalf("a long preview is not capped:\n%.2000s", body)
	}
	// Import the first page; the next page opens with the story chosen, and
	// the first page's claims are marked as already there.
	f := commitForm(t, body)
	rec = b.post("/import/commit", f)
	wantStatus(t, rec, http.StatusSeeOther)
	next := rec.Header().Get("Location")
	if !strings.HasPrefix(next, "/import/drafts/") || !strings.Contains(next, "page=2") {
		t.Fatalf("after page 1: %q", next)
	}
	body = b.get(next).Body.String()
	if !strings.Contains(body, "Imported 200 claims") || !strings.Contains(body, "showing 201–400") {
		t.Fatalf("page 2: %.3000s", body)
	}
	page1 := b.get(strings.Replace(next, "page=2", "page=1", 1)).Body.String()
	if !strings.Contains(page1, "<b>200</b> already in this story") {
		t.Fatalf("page 1 again does not mark the imported claims: %.3000s", page1)
	}
}
