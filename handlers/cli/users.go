package cli

import (
	"bufio"
	"fmt"
	"strings"

	"claimdesk/models"
)

// runUserAdd creates a user; the password comes from stdin (first line), so it
// never shows in the shell history or the process list.
func runUserAdd(args []string, env Env) error {
	fs := newFlags("user add", env)
	db := dbFlag(fs, env)
	name := fs.String("name", "", "full name")
	email := fs.String("email", "", "email address (sign-in name)")
	role := fs.String("role", "", "viewer, factchecker, editor or admin")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *name == "" || *email == "" || *role == "" {
		return usageError{"--name, --email and --role are required; the password is read from stdin"}
	}
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return usageError{"no password on stdin (e.g. echo 'a long passphrase' | claimdesk user add …)"}
	}
	password := strings.TrimRight(line, "\r\n")
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.CreateUser(env.Ctx, models.NewUser{Name: *name, Email: *email, Role: models.Role(*role), Password: password})
	if err != nil {
		return err
	}
	recordCLIAudit(env, st, u, models.AuditUserCreated, fmt.Sprintf("%s as %s (command line)", u.Email, u.Role))
	fmt.Fprintf(env.Stdout, "created %s <%s> as %s (id %d)\n", u.Name, u.Email, u.Role, u.ID)
	return nil
}

// runTokenCreate prints a new API token; it is shown once and stored hashed.
func runTokenCreate(args []string, env Env) error {
	fs := newFlags("token create", env)
	db := dbFlag(fs, env)
	email := fs.String("email", "", "the user the token acts as")
	name := fs.String("name", "", "a label for the token (e.g. the script using it)")
	days := fs.Int("expires-in-days", 0, "days until the token stops working (0: until revoked)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *email == "" {
		return usageError{"--email is required"}
	}
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	secret, t, err := st.CreateExpiringToken(env.Ctx, *email, *name, *days)
	if err != nil {
		return err
	}
	if u, err := st.User(env.Ctx, t.UserID); err == nil {
		recordCLIAudit(env, st, u, models.AuditTokenCreated, fmt.Sprintf("token %d for %s (command line)", t.ID, u.Email))
	}
	fmt.Fprintln(env.Stdout, secret)
	return nil
}

// recordCLIAudit logs a command-line action in the audit log, "from" the
// machine's user account, since there is no signed-in user or remote address.
func recordCLIAudit(env Env, st *models.Store, u *models.User, action, detail string) {
	who := env.Getenv("USER")
	if who == "" {
		who = "unknown"
	}
	ev := models.AuditEvent{UserID: &u.ID, Email: u.Email, Action: action, Detail: detail, Remote: "command line (" + who + ")"}
	if err := st.RecordAudit(env.Ctx, ev); err != nil {
		fmt.Fprintf(env.Stderr, "warning: could not record the audit event: %v\n", err)
	}
}
