package cli_test

import (
	"bytes"
	"claimdesk/models/dbtest"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/handlers/cli"
	"claimdesk/models"
)

// exportCLIData is a database with an unconfirmed claim and a published one in
// one story, and an unconfirmed claim in another.
type exportCLIData struct {
	path                       string
	story, story2              *models.Story
	open, published, elsewhere *models.Claim
}

func newExportCLIData(t *testing.T) exportCLIData {
	t.Helper()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	path, url := dbtest.Target(t)
	d := exportCLIData{path: path + url} // one of the two is set
	st, err := models.Open(models.Config{Path: path, DatabaseURL: url, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	mk := func(name, email string, r models.Role) *models.User {
		u, err := st.CreateUser(ctx, models.NewUser{Name: name, Email: email, Role: r, Password: "a long enough password"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	fc, ed := mk("Fay Checker", "fc@desk.test", models.RoleFactchecker), mk("Eve Editor", "ed@desk.test", models.RoleEditor)
	s := func(v string) *string { return &v }
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d.story, err = st.CreateStory(ctx, fc, models.StoryInput{Title: s("Live")})
	check(err)
	d.story2, err = st.CreateStory(ctx, fc, models.StoryInput{Title: s("Other")})
	check(err)
	d.open, err = st.CreateClaim(ctx, fc, models.ClaimInput{StoryID: &d.story.ID, Claimant: s("Vyacheslav Gladkov"),
		Text: s("=2+2, \"said\" the governor\nагентство 新华社 🚀")})
	check(err)
	d.published, err = st.CreateClaim(ctx, fc, models.ClaimInput{StoryID: &d.story.ID, Claimant: s("Ministry of Defence"),
		Text: s("Forty drones were shot down"), ReportedURL: s("https://news.example/a")})
	check(err)
	_, err = st.AddEvidence(ctx, fc, d.published.ID, models.EvidenceInput{Kind: "document", Stance: "refutes", URL: "https://radar.example/x"})
	check(err)
	c, err := st.SetVerdict(ctx, fc, d.published.ID, models.VerdictChange{Verdict: models.False, Rationale: "Radar shows 12", Version: d.published.Version})
	check(err)
	_, err = st.SignOff(ctx, ed, c.ID, c.Version)
	check(err)
	d.elsewhere, err = st.CreateClaim(ctx, fc, models.ClaimInput{StoryID: &d.story2.ID, Claimant: s("Someone"), Text: s("Elsewhere")})
	check(err)
	return d
}

func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Run(args, cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return env[k] }, Ctx: context.Background()})
	return code, out.String(), errOut.String()
}

func TestExportCommandCSVWithFilters(t *testing.T) {
	d := newExportCLIData(t)
	code, out, errOut := runCLI(t, nil, "export", "--db", d.path, "--format", "csv", "--unconfirmed",
		"--story", strconv.FormatInt(d.story.ID, 10), "--base-url", "https://desk.example.org/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if errOut != "" {
		t.Errorf("stderr should stay quiet off a terminal: %q", errOut)
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 2 {
		t.Fatalf("%d rows, want the header and the one unconfirmed claim of the story:\n%s", len(records), out)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	row := records[1]
	if row[col["claim_id"]] != strconv.FormatInt(d.open.ID, 10) {
		t.Errorf("exported claim %s, want %d", row[col["claim_id"]], d.open.ID)
	}
	if want := "'" + d.open.Text; row[col["claim"]] != want {
		t.Errorf("claim cell %q, want %q", row[col["claim"]], want)
	}
	if want := "https://desk.example.org/claims/" + strconv.FormatInt(d.open.ID, 10); row[col["claim_url"]] != want {
		t.Errorf("claim_url %q, want %q", row[col["claim_url"]], want)
	}
}

func TestExportCommandClaimReviewAndFile(t *testing.T) {
	d := newExportCLIData(t)
	out := filepath.Join(t.TempDir(), "reviews.jsonld")
	env := map[string]string{"CLAIMDESK_DB": d.path, "CLAIMDESK_NEWSROOM": "The Daily Example", "CLAIMDESK_BASE_URL": "https://desk.example.org"}
	code, stdout, errOut := runCLI(t, env, "export", "--format", "claimreview", "--out", out)
	if code != 0 || stdout != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var reviews []models.ClaimReview
	if err := json.Unmarshal(data, &reviews); err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 1 {
		t.Fatalf("%d reviews, want the one signed-off verdict", len(reviews))
	}
	r := reviews[0]
	if r.Author.Name != "The Daily Example" || r.ReviewRating.AlternateName != "False" || r.ReviewRating.RatingValue != 1 ||
		r.URL != "https://desk.example.org/claims/"+strconv.FormatInt(d.published.ID, 10) || r.ItemReviewed.Appearance == nil {
		t.Errorf("review %+v", r)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("left %d files behind, want only the export", len(entries))
	}

	// The flag wins over the environment; --verdict repeats.
	code, stdout, _ = runCLI(t, env, "export", "--format", "ndjson", "--newsroom", "X", "--verdict", "unreviewed", "--verdict", "false")
	if code != 0 || strings.Count(stdout, "\n") != 3 {
		t.Errorf("exit %d, %d lines:\n%s", code, strings.Count(stdout, "\n"), stdout)
	}
}

func TestExportCommandRefusesBadInput(t *testing.T) {
	d := newExportCLIData(t)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--format", "xml"}, 2, "--format"},
		{[]string{"--verdict", "maybe"}, 1, "verdict"},
		{[]string{"--since", "last week"}, 1, "since"},
		{[]string{"--assignee", "me"}, 1, "assignee"},
		{[]string{"--base-url", "desk"}, 2, "--base-url"},
		{[]string{"stray"}, 2, "unexpected argument"},
	} {
		code, stdout, errOut := runCLI(t, nil, append([]string{"export", "--db", d.path}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d mentioning %q", tc.args, code, errOut, stdout, tc.code, tc.msg)
		}
	}
}

// CLAIMDESK_REUSE takes on or off; anything else is refused by name before
// the database is touched.
func TestReuseSettingRefusesOtherValues(t *testing.T) {
	d := newExportCLIData(t)
	code, stdout, errOut := runCLI(t, map[string]string{"CLAIMDESK_REUSE": "sometimes"}, "export", "--db", d.path, "--format", "csv")
	if code == 0 || !strings.Contains(errOut, "CLAIMDESK_REUSE") || stdout != "" {
		t.Fatalf("exit %d, stderr %q, stdout %q: want a refusal naming CLAIMDESK_REUSE", code, errOut, stdout)
	}
	for _, v := range []string{"on", "off"} {
		if code, _, errOut := runCLI(t, map[string]string{"CLAIMDESK_REUSE": v}, "export", "--db", d.path, "--format", "csv"); code != 0 {
			t.Fatalf("CLAIMDESK_REUSE=%s: exit %d: %s", v, code, errOut)
		}
	}
}
