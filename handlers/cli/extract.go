package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"claimdesk/models/liveblog"
)

// readInput reads FILE, or stdin for "-" or no argument, bounded by the
// parser's limit so a mistaken 2 GB file is refused rather than read whole.
func readInput(args []string, env Env) (string, string, error) {
	name := "-"
	if len(args) > 0 {
		name = args[0]
	}
	var r io.Reader = env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", name, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, liveblog.MaxInputBytes+1))
	if err != nil {
		return "", name, err
	}
	return string(data), name, nil
}

// inputError words the parser's errors for the command line.
func inputError(name string, err error) error {
	switch {
	case errors.Is(err, liveblog.ErrEmpty):
		return fmt.Errorf("%s is empty: nothing to extract", name)
	case errors.Is(err, liveblog.ErrTooLarge):
		return fmt.Errorf("%s is larger than %d MB", name, liveblog.MaxInputBytes>>20)
	case errors.Is(err, liveblog.ErrNotText):
		return fmt.Errorf("%s is not plain UTF-8 text", name)
	}
	return err
}

// extractMemoryLimit is the soft heap limit `claimdesk extract` runs under
// unless GOMEMLIMIT says otherwise. A 10 MB text full of claims keeps about
// 120 MB alive at its peak; without a limit the collector lets the heap grow
// to twice that before it runs, and a newsroom laptop or a small server
// running the command beside the web app should not see 250 MB for it.
const extractMemoryLimit = 128 << 20

// runExtract prints the candidate claims of a live blog as JSON; it touches no database.
func runExtract(args []string, env Env) error {
	if env.Getenv == nil || env.Getenv("GOMEMLIMIT") == "" {
		// Restored on return: Run also serves tests and other commands
		// in one process.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(extractMemoryLimit))
	}
	fs := newFlags("extract", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"give one FILE, or - for stdin"}
	}
	text, name, err := readInput(fs.Args(), env)
	if err != nil {
		return err
	}
	cands, err := liveblog.Extract(text)
	if err != nil {
		return inputError(name, err)
	}
	return liveblog.WriteJSON(env.Stdout, cands)
}
