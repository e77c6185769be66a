package handlers_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"claimdesk/handlers"
	"claimdesk/models"
)

// Hostile tags: a formula, quotes, markup, a full-width formula sign, and
// text that would end a CSV cell or a JSON string if it were not escaped.
const (
	tagFormula   = `=cmd|' /c calc'!a0`
	tagQuoted    = `"legal" hold; ask 'olga'`
	tagMarkup    = `<script>x</script>`
	tagWide      = "＠sum(a1)"
	tagInternal  = "internal: do not publish"
	tagBelgorod  = "belgorod"
	tagWithLF    = "two\nlines"
	tagWithComma = "one, two"
)

// patchJSON sends a PATCH with a JSON body through the whole router.
func (f *exportFixture) patchJSON(who, path string, body any) *httptest.ResponseRecorder {
	f.t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		f.t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPatch, path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+f.tokens[who])
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	f.e.ServeHTTP(rec, req)
	return rec
}

// tag sets a claim's tags through the API, as a desk would.
func (f *exportFixture) tag(c *models.Claim, tags ...string) {
	f.t.Helper()
	cur := f.want(c.ID).c
	rec := f.patchJSON("fc", "/api/v1/claims/"+strconv.FormatInt(c.ID, 10), map[string]any{"tags": tags, "version": cur.Version})
	if rec.Code != http.StatusOK {
		f.t.Fatalf("tagging claim %d: %d %s", c.ID, rec.Code, rec.Body.String())
	}
}

// newTaggedExport is the export fixture with hostile tags on three claims,
// one of them published.
func newTaggedExport(t *testing.T) *exportFixture {
	f := newExportFixture(t, handlers.Config{BaseURL: testBaseURL, Newsroom: testNewsroom})
	f.tag(f.published, tagInternal, tagBelgorod, tagMarkup)
	f.tag(f.formulaOne, tagFormula, tagBelgorod)
	f.tag(f.open, tagQuoted, tagWide)
	return f
}

// csvByID reads a CSV export into its rows by claim id, with the column
// positions.
func csvByID(t *testing.T, body []byte) (map[string][]string, map[string]int) {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	rows := map[string][]string{}
	for _, r := range records[1:] {
		rows[r[col["claim_id"]]] = r
	}
	return rows, col
}

func idText(c *models.Claim) string { return strconv.FormatInt(c.ID, 10) }

func TestExportCSVCarriesTags(t *testing.T) {
	f := newTaggedExport(t)
	rows, col := csvByID(t, f.mustGet("viewer", "/api/v1/export.csv", http.StatusOK).Body.Bytes())
	if _, ok := col["tags"]; !ok {
		t.Fatalf("no tags column in %v", col)
	}
	for c, want := range map[*models.Claim]string{
		// Sorted as stored; a cell that starts like a formula gets the
		// leading quote, and only the first tag can start the cell.
		f.published:  tagMarkup + ", " + tagBelgorod + ", " + tagInternal,
		f.formulaOne: "'" + tagFormula + ", " + tagBelgorod,
		f.open:       tagQuoted + ", " + tagWide,
		f.unsigned:   "",
	} {
		if got := rows[idText(c)][col["tags"]]; got != want {
			t.Errorf("claim %d tags cell %q, want %q", c.ID, got, want)
		}
	}
	// The cell splits back into exactly the claim's tags.
	got := strings.Split(strings.TrimPrefix(rows[idText(f.formulaOne)][col["tags"]], "'"), models.CSVTagSeparator)
	if strings.Join(got, "|") != strings.Join(f.want(f.formulaOne.ID).c.Tags, "|") {
		t.Errorf("tags cell splits into %q, the claim has %q", got, f.want(f.formulaOne.ID).c.Tags)
	}
	// A full-width sign starting the cell is neutralised too.
	f.tag(f.open, tagWide)
	rows, col = csvByID(t, f.mustGet("viewer", "/api/v1/export.csv", http.StatusOK).Body.Bytes())
	if got := rows[idText(f.open)][col["tags"]]; got != "'"+tagWide {
		t.Errorf("full-width formula tag cell %q", got)
	}
}

func TestExportJSONCarriesTags(t *testing.T) {
	f := newTaggedExport(t)
	for _, path := range []string{"/api/v1/export.json", "/api/v1/export.ndjson"} {
		body := f.mustGet("viewer", path, http.StatusOK).Body.Bytes()
		if bytes.Contains(body, []byte("<script>")) {
			t.Errorf("%s: markup in a tag is not escaped", path)
		}
		if bytes.Contains(body, []byte(`"tags":null`)) || !bytes.Contains(body, []byte(`"tags":[]`)) {
			t.Errorf("%s: an untagged claim's tags are not []", path)
		}
		var objs []struct {
			ClaimID int64    `json:"claim_id"`
			Tags    []string `json:"tags"`
		}
		if strings.HasSuffix(path, ".json") {
			if err := json.Unmarshal(body, &objs); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, line := range bytes.Split(bytes.TrimSpace(body), []byte("\n")) {
				var o struct {
					ClaimID int64    `json:"claim_id"`
					Tags    []string `json:"tags"`
				}
				if err := json.Unmarshal(line, &o); err != nil {
					t.Fatalf("%s line %q: %v", path, line, err)
				}
				objs = append(objs, o)
			}
		}
		if len(objs) != len(f.allClaims()) {
			t.Fatalf("%s: %d claims", path, len(objs))
		}
		for _, o := range objs {
			want := f.want(o.ClaimID).c.Tags
			if strings.Join(o.Tags, "\x00") != strings.Join(want, "\x00") {
				t.Errorf("%s claim %d tags %q, want %q", path, o.ClaimID, o.Tags, want)
			}
		}
	}
	// The exact text, not neutralised: the JSON is for tools.
	body := f.mustGet("viewer", "/api/v1/export.json?tag="+tagBelgorod, http.StatusOK).Body.String()
	if !strings.Contains(body, `"=cmd|' /c calc'!a0"`) {
		t.Errorf("the formula tag was altered in JSON: %s", body)
	}
}

// Tags are the desk's own words: the ClaimReview export, which the
// newsroom's site publishes, carries none of them (no "keywords").
func TestClaimReviewLeavesTagsOut(t *testing.T) {
	f := newTaggedExport(t)
	body := f.mustGet("viewer", "/api/v1/claimreview.jsonld", http.StatusOK).Body.String()
	if !strings.Contains(body, f.want(f.published.ID).c.Text[:20]) {
		t.Fatalf("the published claim is missing: %s", body)
	}
	for _, leak := range []string{"keywords", tagInternal, tagBelgorod, tagMarkup, `\u003cscript\u003ex`} {
		if strings.Contains(body, leak) {
			t.Errorf("ClaimReview export holds %q", leak)
		}
	}
}

func TestExportTagFilter(t *testing.T) {
	f := newTaggedExport(t)
	ids := func(rows map[string][]string) []string {
		var out []string
		for id := range rows {
			out = append(out, id)
		}
		return sortedStrings(out)
	}
	rows, _ := csvByID(t, f.mustGet("viewer", "/api/v1/export.csv?tag=BELGOROD", http.StatusOK).Body.Bytes())
	if got, want := ids(rows), sortedStrings([]string{idText(f.published), idText(f.formulaOne)}); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("export.csv?tag=BELGOROD: claims %v, want %v", got, want)
	}
	// The filter with others, and with the tag as typed on the desk.
	rows, _ = csvByID(t, f.mustGet("viewer", "/api/v1/export.csv?tag=%23Belgorod&verdict=unverified", http.StatusOK).Body.Bytes())
	if got := ids(rows); len(got) != 1 || got[0] != idText(f.formulaOne) {
		t.Errorf("tag and verdict: claims %v", got)
	}
	var objs []struct {
		ClaimID int64 `json:"claim_id"`
	}
	if err := json.Unmarshal(f.mustGet("viewer", "/api/v1/export.json?tag="+url.QueryEscape(tagQuoted), http.StatusOK).Body.Bytes(), &objs); err != nil {
		t.Fatal(err)
	}
	if len(objs) != 1 || objs[0].ClaimID != f.open.ID {
		t.Errorf("export.json by the quoted tag: %+v", objs)
	}
	// ClaimReview with the filter: the one published claim that has it.
	cr := f.mustGet("viewer", "/api/v1/claimreview.jsonld?tag="+tagBelgorod, http.StatusOK).Body.String()
	if strings.Count(cr, `"ClaimReview"`) != 1 || !strings.Contains(cr, "/claims/"+idText(f.published)) {
		t.Errorf("claimreview.jsonld?tag=belgorod: %s", cr)
	}
	if got := f.mustGet("viewer", "/api/v1/export.csv?tag=nobody-uses-this", http.StatusOK).Body.String(); strings.Count(got, "\r\n") != 1 {
		t.Errorf("an unused tag exports rows: %q", got)
	}
	// Something that cannot be a tag is refused before anything is written.
	for _, bad := range []string{"a%2Cb", strings.Repeat("x", 41)} {
		rec := f.get("viewer", "/api/v1/export.csv?tag="+bad)
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"tag"`) {
			t.Errorf("tag=%s: %d %s", bad, rec.Code, rec.Body.String())
		}
	}
}

// A tag that cannot be one (a comma would split the CSV cell into two
// tags) is refused when set, and nothing changes; a line break or a tab is
// folded into a space, so no tag ever breaks a row.
func TestTagsThatWouldBreakAnExportAreRefused(t *testing.T) {
	f := newTaggedExport(t)
	before := f.want(f.open.ID).c
	for _, bad := range []string{tagWithComma, strings.Repeat("x", 41)} {
		rec := f.patchJSON("fc", "/api/v1/claims/"+idText(f.open), map[string]any{"tags": []string{"fine", bad}, "version": before.Version})
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"tags"`) {
			t.Errorf("tag %q: %d %s", bad, rec.Code, rec.Body.String())
		}
	}
	after := f.want(f.open.ID).c
	if after.Version != before.Version || strings.Join(after.Tags, ",") != strings.Join(before.Tags, ",") {
		t.Errorf("a refused tag changed the claim: %+v → %+v", before.Tags, after.Tags)
	}
	f.tag(f.open, tagWithLF, "tab\there")
	rows, col := csvByID(t, f.mustGet("viewer", "/api/v1/export.csv", http.StatusOK).Body.Bytes())
	if got := rows[idText(f.open)][col["tags"]]; got != "tab here, two lines" {
		t.Errorf("folded tags cell %q", got)
	}
}

func sortedStrings(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
