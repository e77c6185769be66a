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
	st, err := openStore(*db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.CreateUser(env.Ctx, models.NewUser{Name: *name, Email: *email, Role: models.Role(*role), Password: password})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created %s <%s> as %s (id %d)\n", u.Name, u.Email, u.Role, u.ID)
	return nil
}

// runTokenCreate prints a new API token; it is shown once and stored hashed.
func runTokenCreate(args []string, env Env) error {
	fs := newFlags("token create", env)
	db := dbFlag(fs, env)
	email := fs.String("email", "", "the user the token acts as")
	name := fs.String("name", "", "a label for the token (e.g. the script using it)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *email == "" {
		return usageError{"--email is required"}
	}
	st, err := openStore(*db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	secret, _, err := st.CreateToken(env.Ctx, *email, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, secret)
	return nil
}
