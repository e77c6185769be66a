package cli

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// runBackup writes a consistent copy of the database while it is in use.
func runBackup(args []string, env Env) error {
	fs := newFlags("backup", env)
	db := dbFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: claimdesk backup [--db claimdesk.db] FILE"}
	}
	if db.databaseURL() != "" {
		return errPostgresBackup
	}
	dest := fs.Arg(0)
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	srcSize := fileSize(*db.path)
	stop := progress(env, func() string {
		return fmt.Sprintf("backing up %s: %s of about %s written", db, humanBytes(fileSize(dest)), humanBytes(srcSize))
	})
	start := time.Now()
	err = st.Backup(env.Ctx, dest)
	stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backup written to %s (%s, checked, %.1fs)\n", dest, humanBytes(fileSize(dest)), time.Since(start).Seconds())
	return nil
}

// errPostgresBackup sends the operator to PostgreSQL's own tools: they
// back up a live database consistently, and a DBA already runs them.
var errPostgresBackup = errors.New("backup copies the SQLite file; on PostgreSQL use pg_dump (see README, \"Backup and restore\")")

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
