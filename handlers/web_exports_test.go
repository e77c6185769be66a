package handlers

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"claimdesk/models"
)

// The desk's export links carry the view's filters, and following one with
// the session cookie downloads exactly that view.
func TestDeskExportLinks(t *testing.T) {
	a := newWebApp(t)
	ed := a.user("editor", models.RoleEditor)
	a.seedClaim(ed, "Two bridges are under inspection", "national rail operator")
	a.seedClaim(ed, "No soldiers had arrived by midday", "Ilse Baumann")
	b := a.browser().signIn("editor@desk.test")
	rec := b.get("/?q=bridges&unconfirmed=1&page=1")
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	link := `href="/api/v1/export.csv?q=bridges&amp;unconfirmed=1"`
	if !strings.Contains(body, link) {
		t.Fatalf("desk lacks %s", link)
	}
	dl := b.get("/api/v1/export.csv?q=bridges&unconfirmed=1")
	wantStatus(t, dl, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(dl.Body.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !strings.Contains(strings.Join(rows[1], "|"), "Two bridges are under inspection") {
		t.Fatalf("export of the view: %v", rows)
	}
}
