//go:build !unix

package loadtest

import "time"

// selfCPU is unknown here: the tool reports 0.
func selfCPU() time.Duration { return 0 }
