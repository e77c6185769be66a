package cli

import "errors"

func runExport(args []string, env Env) error { return errors.New("export: not built yet") }
