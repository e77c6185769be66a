// Package cli holds Claimdesk's commands (serve, user add, token create, …):
// each reads its flags with environment defaults, opens the store and calls
// the models or the HTTP handlers. main.go only hands it the process's
// arguments and streams, so tests run every command in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"claimdesk/models"
)

// Env is what a command may touch of the outside world; tests give their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Ctx is cancelled when the process is asked to stop (SIGINT/SIGTERM).
	Ctx context.Context
}

// usage is printed for "help" and for an unknown command.
const usage = `Claimdesk — claim-verification tracker for newsrooms.

Usage:
  claimdesk [serve] [--addr :8080] [--db claimdesk.db]   run the web app and API
  claimdesk user add --name N --email E --role R          create a user (password from stdin)
  claimdesk token create --email E [--name N] [--expires-in-days D]  print a new API token for a user
  claimdesk token list --email E                          list a user's API tokens (no secrets)
  claimdesk token revoke ID                               stop an API token for good
  claimdesk extract [FILE|-]                              print a live blog's candidate claims as JSON
  claimdesk import --story "Title" FILE                   store a live blog's claims in a story
  claimdesk follow --story ID URL [--once]                follow a live blog; --once checks it now
  claimdesk export --format csv|json|claimreview [filters] write an export to stdout
  claimdesk backup FILE                                   write a consistent copy of the database
  claimdesk capture --evidence ID | --story ID --missing  capture the pages evidence links to, now

Every command that touches the database takes --db PATH (env CLAIMDESK_DB, default claimdesk.db).
Roles: viewer, factchecker, editor, admin.
`

// Run runs the command in args (without the program name) and returns the exit code.
func Run(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Ctx == nil {
		env.Ctx = context.Background()
	}
	cmd, rest := "serve", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = runServe(rest, env)
	case "user":
		err = runSub(rest, env, "user", map[string]func([]string, Env) error{"add": runUserAdd})
	case "token":
		err = runSub(rest, env, "token", map[string]func([]string, Env) error{"create": runTokenCreate, "list": runTokenList, "revoke": runTokenRevoke})
	case "extract":
		err = runExtract(rest, env)
	case "import":
		err = runImport(rest, env)
	case "follow":
		err = runFollow(rest, env)
	case "export":
		err = runExport(rest, env)
	case "backup":
		err = runBackup(rest, env)
	case "capture":
		err = runCapture(rest, env)
	case "seed":
		err = runSeed(rest, env)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(env.Stderr, "claimdesk: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(env.Stderr, "claimdesk %s: %s\n", cmd, ue.msg)
		return 2
	}
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		for f, m := range ve.Fields {
			fmt.Fprintf(env.Stderr, "claimdesk %s: %s %s\n", cmd, f, m)
		}
		return 1
	}
	fmt.Fprintf(env.Stderr, "claimdesk %s: %v\n", cmd, err)
	return 1
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

// Error makes usageError an error; Run prints it with the command name.
func (e usageError) Error() string { return e.msg }

func runSub(args []string, env Env, name string, subs map[string]func([]string, Env) error) error {
	if len(args) == 0 {
		return usageError{"missing subcommand; see claimdesk help"}
	}
	fn, ok := subs[args[0]]
	if !ok {
		return usageError{fmt.Sprintf("unknown subcommand %q; see claimdesk help", args[0])}
	}
	return fn(args[1:], env)
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parse parses flags and turns a flag mistake into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// dbTarget is where a command's data lives: the SQLite file of --db, or the
// PostgreSQL database of --database-url when that is given.
type dbTarget struct{ path, url *string }

// dbFlag adds --db and --database-url with their CLAIMDESK_DB and
// CLAIMDESK_DATABASE_URL defaults.
func dbFlag(fs *flag.FlagSet, env Env) dbTarget {
	def := env.Getenv("CLAIMDESK_DB")
	if def == "" {
		def = "claimdesk.db"
	}
	return dbTarget{
		path: fs.String("db", def, "SQLite database file (env CLAIMDESK_DB)"),
		url: fs.String("database-url", env.Getenv("CLAIMDESK_DATABASE_URL"),
			"PostgreSQL URL, e.g. postgres://claimdesk:secret@db.example/claimdesk; replaces --db (env CLAIMDESK_DATABASE_URL)"),
	}
}

// databaseURL is the PostgreSQL URL to use, or "" for SQLite. A postgres://
// URL given to --db is taken as --database-url, since it cannot be a file.
func (d dbTarget) databaseURL() string {
	if *d.url == "" && (strings.HasPrefix(*d.path, "postgres://") || strings.HasPrefix(*d.path, "postgresql://")) {
		return *d.path
	}
	return *d.url
}

// String names the database in messages, without a password.
func (d dbTarget) String() string {
	if raw := d.databaseURL(); raw != "" {
		u, err := url.Parse(raw)
		if err != nil {
			return "PostgreSQL"
		}
		if u.User != nil {
			u.User = url.User(u.User.Username()) // never the password
		}
		u.RawQuery = ""
		return u.String()
	}
	return *d.path
}

// durationEnv reads a duration from the environment, or def.
func durationEnv(env Env, key string, def time.Duration) time.Duration {
	if v := env.Getenv(key); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}

// megabytesEnv reads a size in MB from the environment, or 0 for the default.
func megabytesEnv(env Env, key string) int64 {
	if v := env.Getenv(key); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 && n < 1<<20 {
			return n << 20
		}
	}
	return 0
}

// openStore opens the database with the settings shared by every command.
func openStore(db dbTarget, env Env) (*models.Store, error) {
	var noReuse bool
	switch v := env.Getenv("CLAIMDESK_REUSE"); v {
	case "", "on":
	case "off":
		noReuse = true
	default:
		return nil, fmt.Errorf("CLAIMDESK_REUSE=%q: want on or off", v)
	}
	return models.Open(models.Config{Path: *db.path, DatabaseURL: db.databaseURL(), StaleAfter: durationEnv(env, "CLAIMDESK_STALE_AFTER", 0),
		MaxUploadBytes: megabytesEnv(env, "CLAIMDESK_MAX_UPLOAD_MB"), Synchronous: env.Getenv("CLAIMDESK_SYNCHRONOUS"), NoReuse: noReuse,
		SessionIdle: durationEnv(env, "CLAIMDESK_SESSION_IDLE", 0)})
}
