package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"claimdesk/models/liveblog"
)

// peakMemory returns the most memory the process has held: the peak
// resident set where the system reports it (Linux), else what the Go
// runtime obtained from the system, which counts reserved memory too.
func peakMemory() int {
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" && f[2] == "kB" {
				if kb, err := strconv.Atoi(f[1]); err == nil {
					return kb << 10
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int(ms.Sys)
}

// claimDenseText is about size bytes of one long paragraph in which every
// sentence is an attributed claim, half of them quotations: the most
// candidates per byte a text can reasonably hold.
func claimDenseText(size int) string {
	first := []string{"Marta", "Ana", "Piet", "Elin", "Tomas", "Ilse", "Jon", "Ola"}
	last := []string{"Kellner", "Borg", "Vermaas", "Sova", "Wendt", "Baumann", "Berg"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	var sb strings.Builder
	sb.Grow(size + 512)
	for n := 0; sb.Len() < size; n++ {
		fmt.Fprintf(&sb, `%s %s said “we will stay out for %d days.” Piet Vermaas told reporters that no ship had moved. “The talks resume on %s,” Elin Sova said. The union said it would wait. `,
			first[n%len(first)], last[(n*5)%len(last)], n%90, days[n%len(days)])
	}
	return sb.String()
}

// memoryChildEnv names the file the test binary, run again by
// TestExtractCommandMemoryBounded, extracts.
const memoryChildEnv = "CLAIMDESK_EXTRACT_MEMORY_FILE"

// TestExtractCommandMemoryBounded runs `claimdesk extract` on 10 MB of
// claim-dense text in a fresh process and checks that the process's peak
// memory stays under 200 MB.
func TestExtractCommandMemoryBounded(t *testing.T) {
	if file := os.Getenv(memoryChildEnv); file != "" {
		var errb bytes.Buffer
		counter := &countingWriter{}
		code := Run([]string{"extract", file}, Env{Stdout: counter, Stderr: &errb, Stdin: strings.NewReader(""),
			Getenv: func(string) string { return "" }})
		fmt.Printf("exit=%d bytes=%d peak=%d %s\n", code, counter.n, peakMemory(), errb.String())
		return
	}
	if testing.Short() {
		t.Skip("extracts 10 MB of text")
	}
	if raceDetector {
		t.Skip("the race detector multiplies memory; this bound is for the binary as shipped")
	}
	checkExtractPeak(t, claimDenseText(liveblog.MaxInputBytes-64<<10))
}

// TestExtractCommandMemoryBoundedInEntries is the same for a blog of
// timestamped entries, whose entries are scanned on several goroutines at
// once: that must not hold more of the text's claims at a time.
func TestExtractCommandMemoryBoundedInEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 10 MB of text")
	}
	if raceDetector {
		t.Skip("the race detector multiplies memory; this bound is for the binary as shipped")
	}
	var sb strings.Builder
	for k, s := range strings.SplitAfter(claimDenseText(liveblog.MaxInputBytes-(64<<10)-(256<<10)), "wait. ") {
		if k%40 == 0 {
			fmt.Fprintf(&sb, "\n\n%d:%02d\n\n", 9+k/2400%12, k/40%60)
		}
		sb.WriteString(s)
	}
	checkExtractPeak(t, sb.String())
}

// checkExtractPeak runs `claimdesk extract` on text in a fresh process with
// two processors and fails if its peak memory reaches 200 MB.
func checkExtractPeak(t *testing.T, text string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "dense.txt")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestExtractCommandMemoryBounded$")
	cmd.Env = append(os.Environ(), memoryChildEnv+"="+file, "GOMAXPROCS=2")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var code, n, sys int
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "exit=") {
			f := strings.Fields(line)
			code, _ = strconv.Atoi(strings.TrimPrefix(f[0], "exit="))
			n, _ = strconv.Atoi(strings.TrimPrefix(f[1], "bytes="))
			sys, _ = strconv.Atoi(strings.TrimPrefix(f[2], "peak="))
		}
	}
	if code != 0 || n < 20<<20 {
		t.Fatalf("extract exit %d, %d bytes of JSON:\n%.2000s", code, n, out)
	}
	t.Logf("%d MB of JSON, peak memory %d MB", n>>20, sys>>20)
	if sys > 200<<20 {
		t.Errorf("extracting 10 MB of claims took %d MB; want under 200 MB", sys>>20)
	}
}

// countingWriter counts what is written to it and keeps nothing.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)
