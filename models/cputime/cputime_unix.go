//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Self is the CPU time this process has used so far; 0 when it cannot be
// read, so a caller's figure is then absent rather than wrong.
func Self() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
