package cli_test

import (
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
)

// The export command takes the desk's tag filter and writes each claim's
// tags, as the API's exports do.
func TestExportCommandTags(t *testing.T) {
	d := newExportCLIData(t)
	path, url := d.path, ""
	if strings.HasPrefix(d.path, "postgres") {
		path, url = "", d.path
	}
	st, err := models.Open(models.Config{Path: path, DatabaseURL: url, Now: func() time.Time { return time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	fc, err := st.UserByEmail(ctx, "fc@desk.test")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*models.Claim{d.open, d.elsewhere} {
		cur, err := st.Claim(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SetTags(ctx, fc, c.ID, cur.Version, []string{"=Casualties", "Belgorod"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	code, out, errOut := runCLI(t, nil, "export", "--db", d.path, "--tag", "#Belgorod", "--sort", "id")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 {
		t.Fatalf("%d rows, want the header and the two tagged claims:\n%s", len(records), out)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	for i, c := range []*models.Claim{d.open, d.elsewhere} {
		row := records[1+i]
		if row[col["claim_id"]] != strconv.FormatInt(c.ID, 10) || row[col["tags"]] != "'=casualties, belgorod" {
			t.Errorf("row %d: claim %s, tags %q", i, row[col["claim_id"]], row[col["tags"]])
		}
	}
	code, out, _ = runCLI(t, nil, "export", "--db", d.path, "--format", "ndjson", "--tag", "=casualties", "--story", strconv.FormatInt(d.story2.ID, 10))
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"tags":["=casualties","belgorod"]`) {
		t.Errorf("exit %d: %s", code, out)
	}
	code, _, errOut = runCLI(t, nil, "export", "--db", d.path, "--tag", "a,b")
	if code != 1 || !strings.Contains(errOut, "tag") {
		t.Errorf("--tag a,b: exit %d, %q", code, errOut)
	}
}
