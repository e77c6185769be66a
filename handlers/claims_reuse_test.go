package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// The claim list reuses its answer for identical queries (see listClaims);
// these tests pin down what that must never cost.

// Whoever changes a claim and then lists claims sees the change at once.
func TestClaimListShowsOwnWriteAtOnce(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	list := "/api/v1/claims?unconfirmed=1"
	for range 2 { // the second answer is a reused one
		rec := f.do("fc", "GET", list, nil)
		mustStatus(t, rec, 200)
		if !strings.Contains(rec.Body.String(), `"verdict":"unreviewed"`) {
			t.Fatalf("list before the change: %s", rec.Body.String())
		}
	}
	rec := f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/verdict", claim),
		map[string]any{"verdict": "in_review", "rationale": "checking the hospital's figures", "version": 1})
	mustStatus(t, rec, 200)
	rec = f.do("fc", "GET", list, nil)
	mustStatus(t, rec, 200)
	if !strings.Contains(rec.Body.String(), `"verdict":"in_review"`) || strings.Contains(rec.Body.String(), `"verdict":"unreviewed"`) {
		t.Fatalf("list right after the verdict change still shows the old verdict: %s", rec.Body.String())
	}
	// Another user's list is no older.
	rec = f.do("viewer", "GET", list, nil)
	if !strings.Contains(rec.Body.String(), `"verdict":"in_review"`) {
		t.Fatalf("another user's list after the change: %s", rec.Body.String())
	}
}

// A new claim appears in a list that was answered a moment before.
func TestClaimListShowsNewClaimAtOnce(t *testing.T) {
	f := newAPIFixture(t)
	story, source, _ := f.seed(t)
	list := fmt.Sprintf("/api/v1/claims?story=%d", story)
	mustStatus(t, f.do("viewer", "GET", list, nil), 200)
	rec := f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": story, "source_id": source, "text": "The bridge at Shebekino is closed"})
	mustStatus(t, rec, http.StatusCreated)
	rec = f.do("viewer", "GET", list, nil)
	if !strings.Contains(rec.Body.String(), `"total":2`) || !strings.Contains(rec.Body.String(), "The bridge at Shebekino is closed") {
		t.Fatalf("list after a new claim: %s", rec.Body.String())
	}
}

// "assignee=me" means the asking user: two users never share an answer.
func TestClaimListAssignedToMeIsPerUser(t *testing.T) {
	f := newAPIFixture(t)
	_, _, claim := f.seed(t)
	rec := f.do("fc", "POST", fmt.Sprintf("/api/v1/claims/%d/assign", claim), map[string]any{"assignee_id": f.users["fc"].ID, "version": 1})
	mustStatus(t, rec, 200)
	if rec := f.do("fc", "GET", "/api/v1/claims?assignee=me", nil); !strings.Contains(rec.Body.String(), `"total":1`) {
		t.Fatalf("fact-checker's own list: %s", rec.Body.String())
	}
	if rec := f.do("editor", "GET", "/api/v1/claims?assignee=me", nil); !strings.Contains(rec.Body.String(), `"total":0`) {
		t.Fatalf("editor's list got the fact-checker's claims: %s", rec.Body.String())
	}
}

// A reused answer is the same answer: same bytes, same type, and ?pretty
// still indents.
func TestClaimListReusedAnswerIsTheSame(t *testing.T) {
	f := newAPIFixture(t)
	f.seed(t)
	first := f.do("viewer", "GET", "/api/v1/claims?verdict=unreviewed", nil)
	again := f.do("viewer", "GET", "/api/v1/claims?verdict=unreviewed", nil)
	mustStatus(t, again, 200)
	if first.Body.String() != again.Body.String() || again.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("reused answer differs:\n%s %s\n%s", first.Header().Get("Content-Type"), first.Body.String(), again.Body.String())
	}
	pretty := f.do("viewer", "GET", "/api/v1/claims?verdict=unreviewed&pretty", nil)
	if !strings.Contains(pretty.Body.String(), "\n  \"claims\": [") {
		t.Fatalf("?pretty answer is not indented: %s", pretty.Body.String())
	}
	mustStatus(t, f.do("viewer", "GET", "/api/v1/claims?verdict=nonsense", nil), 422)
}

// A change made by another process on the same database (the import
// command, a second server) shows up within models.ReuseMaxAge.
func TestClaimListShowsOtherProcessWritesWithinBound(t *testing.T) {
	dbtest.SkipOnPostgres(t, "on PostgreSQL the list is not reused yet")
	path, _ := dbtest.Target(t)
	st, e := newTestRouterAt(t, path, "")
	other, err := models.Open(models.Config{Path: path, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	ctx := context.Background()
	u, err := st.CreateUser(ctx, models.NewUser{Name: "Fay Checker", Email: "fc@desk.test", Role: models.RoleFactchecker, Password: "a long enough password"})
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := st.CreateToken(ctx, u.Email, "test")
	if err != nil {
		t.Fatal(err)
	}
	f := &apiFixture{t: t, store: st, e: e, tokens: map[string]string{"fc": tok}, users: map[string]*models.User{"fc": u}}
	story, _, _ := f.seed(t)
	list := fmt.Sprintf("/api/v1/claims?story=%d", story)
	mustStatus(t, f.do("fc", "GET", list, nil), 200)
	text, claimant := "Power is back in Belgorod", "Vyacheslav Gladkov"
	if _, err := other.CreateClaim(ctx, u, models.ClaimInput{StoryID: &story, Claimant: &claimant, Text: &text}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(models.ReuseMaxAge + 500*time.Millisecond)
	for !strings.Contains(f.do("fc", "GET", list, nil).Body.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("a claim written by another process is still missing after %s", models.ReuseMaxAge)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
