//go:build !unix

package liveblog

import "time"

// processCPU is not measured here: the CPU rate is then not reported.
func processCPU() time.Duration { return 0 }
