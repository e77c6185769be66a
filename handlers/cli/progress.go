package cli

import (
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// stderrIsTerminal reports whether progress lines would reach a person.
func stderrIsTerminal(env Env) bool {
	f, ok := env.Stderr.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// progress redraws status() on stderr a few times a second while long work
// runs, when stderr is a terminal; it stays quiet otherwise (in scripts, CI,
// logs). The returned func stops it and clears the line.
func progress(env Env, status func() string) func() {
	if !stderrIsTerminal(env) {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				fmt.Fprint(env.Stderr, "\r\033[K")
				return
			case <-t.C:
				fmt.Fprintf(env.Stderr, "\r\033[K%s", status())
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
