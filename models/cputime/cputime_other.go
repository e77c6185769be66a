//go:build !unix

package cputime

import "time"

// Self is not measured on this system: callers then report no CPU figure.
func Self() time.Duration { return 0 }
