// Package views holds the html/template files of the web desk, embedded in the
// binary: one layout, the partials, and one file per page.
package views

import "embed"

// FS is the embedded templates; handlers parse one set per page from it at start.
//
//go:embed *.html partials/*.html
var FS embed.FS
