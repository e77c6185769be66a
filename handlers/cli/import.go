package cli

import "errors"

func runImport(args []string, env Env) error { return errors.New("import: not built yet") }
