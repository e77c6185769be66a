package loadtest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"claimdesk/models/cputime"
)

// processCPU is the CPU time (user and system) a process has used so far:
// this one for pid 0, else the one with that id, read from /proc; 0 when it
// cannot be read.
func processCPU(pid int) time.Duration {
	if pid == 0 {
		return cputime.Self()
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name in parentheses may hold spaces; the fields counted
	// by proc(5) resume after its closing parenthesis.
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	// utime and stime, fields 14 and 15, in clock ticks of 1/100 s (Linux's
	// USER_HZ on every architecture Claimdesk runs on).
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
