package cli

import "errors"

func runSeed(args []string, env Env) error { return errors.New("seed: not built yet") }
