package handlers_test

import (
	"context"
	"database/sql"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/handlers"
	"claimdesk/models"
)

// failTagInserts makes the database refuse to store the tag "boom", as a
// failing disk would refuse a write halfway through a change.
func (f *exportFixture) failTagInserts() {
	f.t.Helper()
	driver, dsn := "sqlite3", "file:"+filepath.ToSlash(f.path)+"?_busy_timeout=10000"
	stmts := []string{`CREATE TRIGGER claim_tags_fail BEFORE INSERT ON claim_tags WHEN NEW.tag = 'boom'
		BEGIN SELECT RAISE(ABORT, 'tag storage failed'); END`}
	if f.url != "" {
		driver, dsn = "pgx", f.url
		stmts = []string{`CREATE FUNCTION claim_tags_fail() RETURNS trigger AS $$
			BEGIN IF NEW.tag = 'boom' THEN RAISE EXCEPTION 'tag storage failed'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
			`CREATE TRIGGER claim_tags_fail BEFORE INSERT ON claim_tags FOR EACH ROW EXECUTE FUNCTION claim_tags_fail()`}
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		f.t.Fatal(err)
	}
	defer db.Close()
	for _, st := range stmts {
		if _, err := db.Exec(st); err != nil {
			f.t.Fatal(err)
		}
	}
}

// A PATCH that changes a claim's fields and its tags is one change: when
// storing the tags fails, the fields are not changed either, and no
// activity row says they were.
func TestClaimPatchWithTagsIsOneTransaction(t *testing.T) {
	f := newExportFixture(t, handlers.Config{BaseURL: testBaseURL})
	f.failTagInserts()
	ctx := context.Background()
	before := f.want(f.open.ID).c
	acts, err := f.store.ClaimActivity(ctx, f.open.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec := f.patchJSON("fc", "/api/v1/claims/"+idText(f.open), map[string]any{
		"text": "Power is out in four districts", "via": "Reuters", "tags": []string{"belgorod", "boom"}, "version": before.Version})
	if rec.Code < 500 {
		t.Fatalf("the failing write answered %d: %s", rec.Code, rec.Body.String())
	}
	after := f.want(f.open.ID).c
	if after.Text != before.Text || after.Via != before.Via || after.Version != before.Version || len(after.Tags) != 0 {
		t.Errorf("half a PATCH was written: text %q, via %q, version %d → %d, tags %q", after.Text, after.Via, before.Version, after.Version, after.Tags)
	}
	if got, err := f.store.ClaimActivity(ctx, f.open.ID); err != nil || len(got) != len(acts) {
		t.Errorf("activity rows %d → %d (%v)", len(acts), len(got), err)
	}

	// Without the failure the same PATCH writes both parts, each with its
	// activity row, and the claim answers with both.
	rec = f.patchJSON("fc", "/api/v1/claims/"+idText(f.open), map[string]any{
		"text": "Power is out in four districts", "via": "Reuters", "tags": []string{"Belgorod", "power"}, "version": before.Version})
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"tags":["belgorod","power"]`) ||
		!strings.Contains(rec.Body.String(), "four districts") {
		t.Fatalf("PATCH: %d %s", rec.Code, rec.Body.String())
	}
	after = f.want(f.open.ID).c
	if after.Text != "Power is out in four districts" || strings.Join(after.Tags, ",") != "belgorod,power" {
		t.Errorf("after the PATCH: %q %q", after.Text, after.Tags)
	}
	got, err := f.store.ClaimActivity(ctx, f.open.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range got[len(acts):] {
		actions = append(actions, a.Action)
	}
	if strings.Join(actions, ",") != models.ActEdited+","+models.ActTagged && strings.Join(actions, ",") != models.ActTagged+","+models.ActEdited {
		t.Errorf("new activity %v, want an edit and a tagging", actions)
	}
	// A stale version changes neither part.
	rec = f.patchJSON("fc", "/api/v1/claims/"+idText(f.open), map[string]any{"text": "Stale", "tags": []string{"stale"}, "version": before.Version})
	if rec.Code != http.StatusConflict {
		t.Errorf("stale PATCH: %d", rec.Code)
	}
	if c := f.want(f.open.ID).c; c.Text == "Stale" || strings.Contains(strings.Join(c.Tags, ","), "stale") {
		t.Errorf("a stale PATCH wrote: %q %q", c.Text, c.Tags)
	}
}
