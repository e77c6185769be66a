package models

// Statements compiled once. SQLite's planner looks at the value bound to a
// "?" that a column is compared with by "=" (is it 0 or 1? it weighs how
// many rows the comparison keeps), or that a LIMIT takes, and then marks the
// prepared statement to be compiled again whenever a value is bound to that
// "?" anew. The driver
// clears and binds every value on every run, so each such statement was
// parsed and planned again on every request: for the desk list, its page
// query, its counts and its token's owner, that cost more CPU than running
// them. SQLite does not look through a unary plus, so "= +?" compares with
// the same value (a bound value has no affinity either way, and an index on
// the column still serves it), "LIMIT +?" takes the same number, and the
// statement stays compiled. Flags whose
// value the code fixes are written as literals instead, so that the planner
// weighs them exactly as before. TestDeskStatementsCompiledOnce checks it.

// arg is the placeholder of a value compared with a column by "=", or of a
// LIMIT. PostgreSQL plans differently and could not always type "+$1".
func (d dialect) arg() string {
	if d.pg {
		return "?"
	}
	return "+?"
}

// boolLit is b as a literal of the database's boolean columns: SQLite keeps
// them as 0 and 1, PostgreSQL has booleans.
func (d dialect) boolLit(b bool) string {
	switch {
	case d.pg && b:
		return "TRUE"
	case d.pg:
		return "FALSE"
	case b:
		return "1"
	}
	return "0"
}
