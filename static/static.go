// Package static holds the desk's stylesheet and its small scripts, embedded
// in the binary and served under /static/ so no page needs anything external.
package static

import "embed"

// FS is the embedded assets.
//
//go:embed *.css *.js
var FS embed.FS
