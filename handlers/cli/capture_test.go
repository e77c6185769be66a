package cli_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

func TestCaptureCommand(t *testing.T) {
	page := "<p>Governor: the strike hit a warehouse</p>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, page)
	}))
	defer srv.Close()
	path, url := dbtest.Target(t)
	db := path + url
	st, err := models.Open(models.Config{Path: path, DatabaseURL: url, Now: func() time.Time { return time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	admin, err := st.CreateUser(ctx, models.NewUser{Name: "Ada Admin", Email: "admin@desk.test", Role: models.RoleAdmin, Password: "a long enough password"})
	if err != nil {
		t.Fatal(err)
	}
	title, other, claimant, text := "Live", "Other", "Governor", "A warehouse was hit."
	story, _ := st.CreateStory(ctx, admin, models.StoryInput{Title: &title})
	story2, _ := st.CreateStory(ctx, admin, models.StoryInput{Title: &other})
	cl, err := st.CreateClaim(ctx, admin, models.ClaimInput{StoryID: &story.ID, Claimant: &claimant, Text: &text})
	if err != nil {
		t.Fatal(err)
	}
	cl2, _ := st.CreateClaim(ctx, admin, models.ClaimInput{StoryID: &story2.ID, Claimant: &claimant, Text: &text})
	add := func(c *models.Claim, u string) int64 {
		ev, err := st.AddEvidence(ctx, admin, c.ID, models.EvidenceInput{Stance: "supports", URL: u})
		if err != nil {
			t.Fatal(err)
		}
		return ev.ID
	}
	one, two, gone, elsewhere := add(cl, srv.URL+"/one"), add(cl, srv.URL+"/two"), add(cl, srv.URL+"/gone"), add(cl2, srv.URL+"/x")
	st.Close()
	allow := map[string]string{"CLAIMDESK_FETCH_ALLOW_PRIVATE": "on"}
	sum := sha256.Sum256([]byte(page))

	code, out, errOut := runCLI(t, allow, "capture", "--db", db, "--evidence", strconv.FormatInt(one, 10))
	if code != 0 || !strings.Contains(out, "evidence "+strconv.FormatInt(one, 10)+": ok "+srv.URL+"/one") || !strings.Contains(out, "sha256:"+hex.EncodeToString(sum[:])) {
		t.Fatalf("capture --evidence: %d %q %q", code, out, errOut)
	}
	// Without the setting, the loopback test server is refused and recorded.
	code, out, _ = runCLI(t, nil, "capture", "--db", db, "--evidence", strconv.FormatInt(two, 10))
	if code != 1 || !strings.Contains(out, "failed") || !strings.Contains(out, "loopback") {
		t.Errorf("guarded capture: %d %q", code, out)
	}
	// --missing takes what has no good capture: two (refused before) and
	// gone (fails again), not one, nor the other story's evidence.
	code, out, errOut = runCLI(t, allow, "capture", "--db", db, "--story", strconv.FormatInt(story.ID, 10), "--missing")
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "evidence "+strconv.FormatInt(two, 10)+": ok") ||
		!strings.Contains(out, "evidence "+strconv.FormatInt(gone, 10)+": failed") || !strings.Contains(errOut, "1 captured, 1 failed, of 2") {
		t.Errorf("capture --story --missing: %d %q %q", code, out, errOut)
	}
	st, err = models.Open(models.Config{Path: path, DatabaseURL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for id, want := range map[int64]int{one: 1, two: 2, gone: 1, elsewhere: 0} {
		caps, err := st.EvidenceCaptures(ctx, id)
		if err != nil || len(caps) != want {
			t.Errorf("evidence %d: %d captures, want %d (%v)", id, len(caps), want, err)
		}
	}
	for _, args := range [][]string{{"capture", "--db", db}, {"capture", "--db", db, "--story", "1"}, {"capture", "--db", db, "--evidence", "1", "--story", "1", "--missing"}} {
		if code, _, errOut := runCLI(t, allow, args...); code != 2 || !strings.Contains(errOut, "usage") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, allow, "capture", "--db", db, "--story", "999", "--missing"); code != 2 || !strings.Contains(errOut, "no story") {
		t.Errorf("unknown story: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, allow, "capture", "--db", db, "--evidence", "999"); code != 1 || !strings.Contains(errOut, "no evidence has the ID 999") {
		t.Errorf("unknown evidence: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, map[string]string{"CLAIMDESK_FETCH_ALLOW_PRIVATE": "yes"}, "capture", "--db", db, "--evidence", "1"); code != 1 || !strings.Contains(errOut, "CLAIMDESK_FETCH_ALLOW_PRIVATE") {
		t.Errorf("a typo in the guard setting: %d %q", code, errOut)
	}
}
