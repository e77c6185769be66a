package cli

import (
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"claimdesk/models"
)

// runTokenList prints a user's API tokens, never their secrets: id, name,
// created, last used, expiry and whether each still works.
func runTokenList(args []string, env Env) error {
	fs := newFlags("token list", env)
	db := dbFlag(fs, env)
	email := fs.String("email", "", "the user whose tokens to list")
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
	u, err := st.UserByEmail(env.Ctx, *email)
	if models.IsNotFound(err) {
		return fmt.Errorf("no user has the email %s", *email)
	}
	if err != nil {
		return err
	}
	ts, err := st.Tokens(env.Ctx, u.ID)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCREATED\tLAST USED\tEXPIRES\tSTATE")
	now := st.Now()
	for _, t := range ts {
		state := "active"
		switch {
		case t.RevokedAt != nil:
			state = "revoked " + stamp(t.RevokedAt)
		case !t.Active(now):
			state = "expired"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, orDash(t.Name), stamp(&t.CreatedAt), stamp(t.LastUsedAt), stamp(t.ExpiresAt), state)
	}
	return tw.Flush()
}

// runTokenRevoke stops a token for good, by the id "token list" shows.
func runTokenRevoke(args []string, env Env) error {
	fs := newFlags("token revoke", env)
	db := dbFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	// The id may come before the flags as well as after them.
	var pos []string
	for fs.NArg() > 0 {
		pos = append(pos, fs.Arg(0))
		if err := parse(fs, fs.Args()[1:]); err != nil {
			return err
		}
	}
	if len(pos) != 1 {
		return usageError{"give the id of one token (see claimdesk token list --email E)"}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return usageError{fmt.Sprintf("%q is not a token id", pos[0])}
	}
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	t, err := st.Token(env.Ctx, id)
	if models.IsNotFound(err) {
		return fmt.Errorf("no token has the id %d", id)
	}
	if err != nil {
		return err
	}
	if t.RevokedAt != nil {
		fmt.Fprintf(env.Stdout, "token %d was already revoked on %s\n", id, stamp(t.RevokedAt))
		return nil
	}
	if err := st.RevokeToken(env.Ctx, id); err != nil {
		return err
	}
	if u, err := st.User(env.Ctx, t.UserID); err == nil {
		recordCLIAudit(env, st, u, models.AuditTokenRevoked, fmt.Sprintf("token %d %q (command line)", t.ID, t.Name))
	}
	fmt.Fprintf(env.Stdout, "revoked token %d\n", id)
	return nil
}

// stamp writes a time for the token list; "-" for none.
func stamp(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
