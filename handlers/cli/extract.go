package cli

import "errors"

func runExtract(args []string, env Env) error { return errors.New("extract: not built yet") }
