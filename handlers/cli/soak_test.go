package cli

import (
	"bytes"
	"claimdesk/models/dbtest"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"claimdesk/handlers/loadtest"
)

// TestSoak runs 32 concurrent clients against the real server with a mix of
// reads, writes, uploads, exports and invalid requests: no answer may be a
// 5xx and no acknowledged write may be missing. It runs for 8 seconds by
// default; CLAIMDESK_SOAK=60s gives the full soak.
func TestSoak(t *testing.T) {
	d := 8 * time.Second
	if v := os.Getenv("CLAIMDESK_SOAK"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			t.Fatalf("CLAIMDESK_SOAK=%q: %v", v, err)
		}
	}
	db := dbtest.DB(t)
	runBin(t, "correct horse battery staple\n", "user", "add", "--db", db, "--name", "Soak Editor", "--email", "soak@desk.test", "--role", "editor")
	token := strings.TrimSpace(runBin(t, "", "token", "create", "--db", db, "--email", "soak@desk.test"))
	srv := startServer(t, db)
	rep, err := loadtest.RunSoak(context.Background(), loadtest.NewClient(srv.base, token, 32), 32, d, srv.cmd.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.Print(&out)
	t.Log(out.String())
	if rep.ServerErrors > 0 {
		t.Errorf("%d answers were 5xx (or invalid input was accepted)", rep.ServerErrors)
	}
	if rep.LostWrites > 0 {
		t.Errorf("%d acknowledged writes are missing", rep.LostWrites)
	}
	if rep.Created < 50 {
		t.Errorf("only %d claims created: the soak did not load the server", rep.Created)
	}
	if strings.Contains(srv.logs.String(), "panic") {
		t.Errorf("the server panicked:\n%s", srv.logs.String())
	}
}
