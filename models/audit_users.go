package models

// Audit actions of an admin's changes to a user beyond role and disabling,
// so that every change to who may do what is on record.
const (
	AuditUserEnabled = "user_enabled"
	AuditUserRenamed = "user_renamed"
)
