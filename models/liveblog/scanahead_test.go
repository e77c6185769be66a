package liveblog

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// testTexts returns the texts the extractor is tried on: the shared samples,
// the test texts, the development set where its texts are present, and one
// blog made of all of them, long enough to be cut into several runs.
func testTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	var all strings.Builder
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "samples"), "testdata", filepath.Join("devset", "texts")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts[f] = string(data)
			all.Write(data)
			all.WriteString("\n\n")
		}
	}
	if len(texts) == 0 {
		t.Fatal("no texts found")
	}
	for all.Len() < 4*batchBytes*aheadPerWorker*2 {
		all.WriteString(all.String())
	}
	texts["all texts"] = all.String()
	return texts
}

// TestExtractParallelSameAsOneGoroutine checks that scanning entries on
// other goroutines changes nothing: the same candidates in the same order,
// for any number of workers, small texts included.
func TestExtractParallelSameAsOneGoroutine(t *testing.T) {
	texts := testTexts(t)
	texts["entries of one long wire report"] = func() string {
		var sb strings.Builder
		for i, p := range strings.Split(oneEntryText(200<<10), "\n\n") {
			if i%7 == 0 {
				sb.WriteString("10:15 a.m.\n\n")
			}
			sb.WriteString(p + "\n\n")
		}
		return sb.String()
	}()
	texts["one long wire report"] = oneEntryText(300 << 10)
	texts["one long line"] = strings.ReplaceAll(oneEntryText(300<<10), "\n\n", " ")
	compared := 0
	for name, text := range texts {
		want, err := extract(text, scanPlan{func([][]string) int { return 0 }, func(int) bool { return false }})
		if err != nil {
			t.Fatal(name, err)
		}
		// A news text may propose nothing (a one-line video caption);
		// the generated texts and the total must.
		if len(want) == 0 && !strings.HasPrefix(name, "devset/") {
			t.Errorf("%s: no candidates at all", name)
		}
		compared += len(want)
		for _, workers := range []int{0, 1, 2, 3, 5} {
			// With no workers, every entry has its sentences read
			// ahead, however short.
			got, err := extract(text, scanPlan{func([][]string) int { return workers }, func(int) bool { return true }})
			if err != nil {
				t.Fatal(name, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s with %d workers: %d candidates differ from one goroutine's %d", name, workers, len(got), len(want))
			}
		}
	}
	if compared < 1000 {
		t.Errorf("only %d candidates compared", compared)
	}
}

// TestBatchTasksCoversEveryTaskOnce checks the runs handed to workers: in
// order, without gaps or overlaps, none much larger than batchBytes unless
// one entry is.
func TestBatchTasksCoversEveryTaskOnce(t *testing.T) {
	var tasks [][]string
	for k := range 500 {
		switch k % 5 {
		case 0:
			tasks = append(tasks, nil)
		case 1:
			tasks = append(tasks, []string{strings.Repeat("x", 3*batchBytes)})
		default:
			tasks = append(tasks, []string{strings.Repeat("y", 300), strings.Repeat("z", 40*k)})
		}
	}
	runs := batchTasks(tasks)
	next := 0
	for _, r := range runs {
		if r[0] != next || r[1] <= r[0] {
			t.Fatalf("run %v after task %d", r, next)
		}
		size := 0
		for _, paras := range tasks[r[0] : r[1]-1] {
			for _, p := range paras {
				size += len(p)
			}
		}
		if size >= batchBytes {
			t.Errorf("run %v holds %d bytes before its last task", r, size)
		}
		next = r[1]
	}
	if next != len(tasks) {
		t.Errorf("runs end at task %d of %d", next, len(tasks))
	}
}

// TestScanRunReportsPanic checks that a fault while scanning is handed back
// to be raised in the caller's goroutine (where a server recovers from it)
// rather than ending the process from a worker.
func TestScanRunReportsPanic(t *testing.T) {
	r := scanRun([][]string{{"The union said the strike would go on."}}, map[string]*knownSubject{}, nil)
	if r.panicked == nil {
		t.Fatal("a scan without a word buffer did not fail")
	}
	r = scanRun([][]string{nil, {"The union said the strike would go on."}}, map[string]*knownSubject{}, new([]word))
	if r.panicked != nil || len(r.scans) != 2 || r.scans[0] != nil || len(r.scans[1].items) != 1 {
		t.Fatalf("scanRun = %+v; want no scan for the nil task and one claim for the other", r)
	}
}

// TestScanAheadStopEndsWorkers checks that a caller that stops reading the
// scans early leaves no goroutine behind.
func TestScanAheadStopEndsWorkers(t *testing.T) {
	before := runtime.NumGoroutine()
	tasks := make([][]string, 400)
	for k := range tasks {
		tasks[k] = []string{strings.Repeat("The mayor said the bridge was closed. ", 100)}
	}
	next, stop := scanAhead(tasks, 2)
	if s := next(); s == nil || len(s.items) != 100 {
		t.Fatalf("first scan = %v; want 100 claims", s)
	}
	stop()
	if n := settledGoroutines(before); n > before {
		t.Errorf("%d goroutines after stop; %d before", n, before)
	}
}

// TestSentencePipeStopEndsReader checks that scanEntry, stopping before
// the end of a long entry (as on a panic), leaves no goroutine reading
// ahead, and that the pipe gives each paragraph's sentences in order.
func TestSentencePipeStopEndsReader(t *testing.T) {
	before := runtime.NumGoroutine()
	paras := strings.Split(strings.TrimSpace(oneEntryText(400<<10)), "\n\n")
	p := startSentencePipe(paras, 400<<10)
	for k := 0; k < 3; k++ {
		for si := 0; ; si++ {
			f, i := p.next()
			if f == nil {
				break
			}
			if i != si || f.sp.e > len(paras[k]) || len(f.ws) == 0 {
				t.Fatalf("paragraph %d: sentence %d came as %d (%v of %d bytes)", k, si, i, f.sp, len(paras[k]))
			}
		}
	}
	p.stop()
	if n := settledGoroutines(before); n > before {
		t.Errorf("%d goroutines after stop; %d before", n, before)
	}
}

// TestScanWorkersPlan checks when entries are spread over goroutines: with
// several processors, several entries and enough text, but not when one
// entry holds most of the text (its sentences are read ahead instead).
func TestScanWorkersPlan(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	entry := func(n int) []string { return []string{strings.Repeat("x", n)} }
	many := [][]string{nil}
	for range 40 {
		many = append(many, entry(2<<10))
	}
	if w := scanWorkers(many); w != 2 {
		t.Errorf("40 entries of 2 KB: %d workers; want 2", w)
	}
	if w := scanWorkers([][]string{nil, entry(1 << 20)}); w != 0 || !readAheadWorth(1<<20) {
		t.Errorf("one entry of 1 MB: %d workers, read ahead %v; want 0 and its sentences read ahead", w, readAheadWorth(1<<20))
	}
	if w := scanWorkers(append([][]string{entry(1 << 20)}, many...)); w != 0 {
		t.Errorf("an entry of 1 MB beside 80 KB of others: %d workers; want 0", w)
	}
	if w := scanWorkers(many[:5]); w != 0 {
		t.Errorf("8 KB of text: %d workers; want 0", w)
	}
	if readAheadWorth(8 << 10) {
		t.Error("an entry of 8 KB is read ahead")
	}
	runtime.GOMAXPROCS(1)
	if w := scanWorkers(many); w != 0 || readAheadWorth(1<<20) {
		t.Errorf("one processor: %d workers, read ahead %v; want neither", w, readAheadWorth(1<<20))
	}
}

// TestExtractLeavesNoGoroutine checks that Extract leaves none of the
// goroutines it started behind, for a blog of many entries and for one long
// entry.
func TestExtractLeavesNoGoroutine(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	long := oneEntryText(200 << 10)
	var stamped strings.Builder
	for i, p := range strings.Split(long, "\n\n") {
		if i%4 == 0 {
			stamped.WriteString("10:15 a.m.\n\n")
		}
		stamped.WriteString(p + "\n\n")
	}
	for name, text := range map[string]string{"one entry": long, "many entries": stamped.String()} {
		before := runtime.NumGoroutine()
		cands, err := Extract(text)
		if err != nil || len(cands) < 100 {
			t.Fatalf("%s: %d candidates, %v", name, len(cands), err)
		}
		if n := settledGoroutines(before); n > before {
			t.Errorf("%s: %d goroutines after Extract; %d before", name, n, before)
		}
	}
}

// settledGoroutines returns the number of goroutines once it is down to
// want, or after a second: a goroutine that has signalled its end may
// still be counted for a moment while it returns.
func settledGoroutines(want int) int {
	deadline := time.Now().Add(time.Second)
	n := runtime.NumGoroutine()
	for n > want && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}
