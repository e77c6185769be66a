// Command claimdesk runs Claimdesk, a claim-verification tracker for newsrooms:
// the web desk and JSON API by default, or one of its commands (user add,
// token create, extract, import, export, backup). See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"claimdesk/handlers/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Ctx: ctx})
	stop()
	os.Exit(code)
}
