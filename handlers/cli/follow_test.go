package cli_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"claimdesk/models"
	"claimdesk/models/livepage/pagetest"
)

func TestFollowOnceFromTheCommandLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "desk.db")
	st, err := models.Open(models.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	admin, err := st.CreateUser(ctx, models.NewUser{Name: "Ada Admin", Email: "ada@desk.test", Role: models.RoleAdmin, Password: "a long enough password"})
	if err != nil {
		t.Fatal(err)
	}
	title := "Floods live"
	story, err := st.CreateStory(ctx, admin, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	blog := pagetest.New(pagetest.Entry{ID: "e2", Time: "10:40", Headline: "Schools closed", Paragraphs: []string{"Schools in the district stay closed."}},
		pagetest.Entry{ID: "e1", Time: "10:05", Headline: "Evacuations", Paragraphs: []string{
			"Mayor Petra Lind said on Telegram that 4,000 people had been evacuated from the old town."}})
	defer blog.Close()
	id := strconv.FormatInt(story.ID, 10)

	// Without permission for private addresses, 127.0.0.1 is refused.
	code, _, errOut := runCLI(t, nil, "follow", "--db", path, "--story", id, "--once", blog.Page())
	if code != 1 || !strings.Contains(errOut, "refused to connect") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	env := map[string]string{"CLAIMDESK_FETCH_ALLOW_PRIVATE": "on"}
	code, out, errOut := runCLI(t, env, "follow", "--db", path, "--story", id, "--once", blog.Page())
	if code != 0 || !strings.Contains(out, "2 new entries") || !strings.Contains(out, "1 candidates") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	code, out, _ = runCLI(t, env, "follow", "--db", path, "--story", id, "--once", blog.Page())
	if code != 0 || !strings.Contains(out, "not modified") {
		t.Fatalf("second run: exit %d: %s", code, out)
	}
	if code, _, errOut = runCLI(t, env, "follow", "--db", path, "--story", "999", "--once", blog.Page()); code != 2 || !strings.Contains(errOut, "no story") {
		t.Errorf("unknown story: exit %d: %s", code, errOut)
	}
	if code, _, errOut = runCLI(t, env, "follow", "--db", path, "--story", id, "--once", "file:///etc/passwd"); code != 1 || !strings.Contains(errOut, "url") {
		t.Errorf("bad URL: exit %d: %s", code, errOut)
	}
	st, err = models.Open(models.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cands, err := st.Candidates(ctx, models.CandidateFilter{StoryID: story.ID})
	if err != nil || len(cands) != 1 || cands[0].Claimant != "Petra Lind" {
		t.Fatalf("inbox %+v %v", cands, err)
	}
}
