package models

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// ErrNotFound is returned when a row does not exist; it wraps gorm's own error
// so handlers can map either to 404.
var ErrNotFound = gorm.ErrRecordNotFound

// ValidationError names each invalid field with a message a person can act on.
// Handlers turn it into 422 {"errors":{field:message}} or a form with messages.
type ValidationError struct {
	Fields map[string]string
}

// Error lists the fields and messages, sorted, for logs and the command line.
func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e.Fields[k])
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// invalid builds a ValidationError for one field.
func invalid(field, msg string) *ValidationError {
	return &ValidationError{Fields: map[string]string{field: msg}}
}

// ConflictError reports an update based on a version that is no longer current;
// it carries the current claim so the user sees what changed meanwhile.
type ConflictError struct {
	Current *Claim
}

// Error says which claim changed and its current version.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("claim %d was changed by someone else meanwhile (now at version %d)", e.Current.ID, e.Current.Version)
}

// ForbiddenError reports a workflow step the acting user may not take, such as
// signing off one's own verdict.
type ForbiddenError struct{ Reason string }

// Error is the reason the step was refused, shown to the user as is.
func (e *ForbiddenError) Error() string { return e.Reason }

// IsNotFound reports whether err means a missing row.
func IsNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }
