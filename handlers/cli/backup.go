package cli

import "errors"

func runBackup(args []string, env Env) error { return errors.New("backup: not built yet") }
