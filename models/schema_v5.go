package models

// schemaV5 lets the sign-in limit be counted from the audit log (the same
// statement on both databases): failures per email and address, newest last.
var schemaV5 = []string{
	`CREATE INDEX audit_log_signin ON audit_log(email, remote, action, created_at)`,
}
