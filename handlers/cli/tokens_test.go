package cli_test

import (
	"strings"
	"testing"
)

func TestTokenListAndRevokeCommands(t *testing.T) {
	d := newExportCLIData(t)
	env := map[string]string{"CLAIMDESK_DB": d.path}
	code, secret, stderr := runCLI(t, env, "token", "create", "--email", "fc@desk.test", "--name", "nightly export", "--expires-in-days", "30")
	if code != 0 || !strings.HasPrefix(secret, "cd_") {
		t.Fatalf("create: %d %q %s", code, secret, stderr)
	}
	if code, _, _ := runCLI(t, env, "token", "create", "--email", "fc@desk.test", "--expires-in-days", "-3"); code == 0 {
		t.Error("a negative expiry was accepted")
	}
	code, out, stderr := runCLI(t, env, "token", "list", "--email", "fc@desk.test")
	if code != 0 || !strings.Contains(out, "nightly export") || !strings.Contains(out, "active") || strings.Contains(out, strings.TrimSpace(secret)) {
		t.Fatalf("list: %d %s %s", code, out, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "EXPIRES") {
		t.Fatalf("list lines: %q", lines)
	}
	id := strings.Fields(lines[1])[0]
	if code, out, stderr := runCLI(t, env, "token", "revoke", id); code != 0 || !strings.Contains(out, "revoked token "+id) {
		t.Fatalf("revoke: %d %s %s", code, out, stderr)
	}
	if code, out, _ := runCLI(t, env, "token", "revoke", id); code != 0 || !strings.Contains(out, "already revoked") {
		t.Fatalf("revoke again: %d %s", code, out)
	}
	_, out, _ = runCLI(t, env, "token", "list", "--email", "fc@desk.test")
	if !strings.Contains(out, "revoked") {
		t.Fatalf("list after revoke: %s", out)
	}
	for _, args := range [][]string{{"token", "revoke"}, {"token", "revoke", "abc"}, {"token", "list"}} {
		if code, _, _ := runCLI(t, env, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", args, code)
		}
	}
	if code, _, stderr := runCLI(t, env, "token", "revoke", "999"); code == 0 || !strings.Contains(stderr, "no token") {
		t.Errorf("unknown id: %d %s", code, stderr)
	}
}
