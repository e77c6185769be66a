package models

import "gorm.io/gorm"

// readerStatements bounds how many distinct statements each read connection
// keeps prepared.
const readerStatements = 256

// readerConfig is the gorm configuration of the SQLite read pool: gcfg with
// its statements prepared once per connection and reused. A desk page runs
// the same few statements over and over (its count, its page of ids, the
// page's tags and links, the token's owner), and at a million claims
// SQLite's preparing them (parsing, and planning against the claims table's
// many indexes) cost about a tenth of a computed answer. The statements
// differ only in the lengths of their IN lists, so a bounded set (least
// recently used out first) holds the desk's views.
func readerConfig(gcfg *gorm.Config) *gorm.Config {
	c := *gcfg
	c.PrepareStmt = true
	c.PrepareStmtMaxSize = readerStatements
	return &c
}
