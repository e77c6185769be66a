package liveblog

import (
	"runtime"
	"sync"
)

// Scanning an entry (splitting its sentences, running the rules, noting
// names and caveats) is nearly all of Extract's work and needs nothing
// from other entries; only resolving short names against earlier entries
// does (see entryScan.emit). So a text of several entries is scanned by
// one goroutine per processor, ahead of the one that emits the entries in
// order, and the candidates are those a single goroutine would give, in
// the same order.

// minParallelBytes is the smallest text scanned on several goroutines: below
// it (a single followed entry, a short wire report) starting them costs more
// than it saves.
const minParallelBytes = 32 << 10

// scanWorkers returns how many goroutines should scan the entries of tasks
// (nil for one not scanned) beside the caller's: one per processor the
// runtime may use, and none when there is only one processor, little text,
// or one entry holding most of it (a wire report, a page without
// timestamps), whose sentences are better read ahead (see readAheadWorth).
func scanWorkers(tasks [][]string) int {
	n := runtime.GOMAXPROCS(0)
	size, largest, entries := 0, 0, 0
	for _, paras := range tasks {
		if paras == nil {
			continue
		}
		entries++
		s := 0
		for _, p := range paras {
			s += len(p)
		}
		size, largest = size+s, max(largest, s)
	}
	if n < 2 || entries < 2 || size < minParallelBytes || 2*largest > size {
		return 0
	}
	return min(n, entries)
}

// batchBytes is about how much text a worker scans per hand-over: entries
// are often a few hundred bytes, and handing each over alone would cost a
// noticeable share of scanning it.
const batchBytes = 16 << 10

// readAheadWorth reports whether an entry of size bytes, scanned on the
// caller's goroutine, should have its sentences read ahead on another: when
// the runtime has a second processor and the entry is long.
func readAheadWorth(size int) bool {
	return size >= minPipeBytes && runtime.GOMAXPROCS(0) >= 2
}

// aheadPerWorker bounds how many batches may be scanned and not yet
// emitted, per worker, so memory stays that of a few entries however long
// the blog.
const aheadPerWorker = 3

// scanBatch is what a worker answers for a run of consecutive tasks: their
// scans (nil for a task that is not scanned), or what a scan panicked with,
// so that a fault in a rule reaches the caller of Extract (whose server
// recovers from it) instead of ending the process.
type scanBatch struct {
	scans    []*entryScan
	panicked any
}

// scanAhead scans tasks (each an entry's paragraphs; nil for one that is
// not scanned) on workers goroutines, in runs of consecutive tasks of about
// batchBytes, at most aheadPerWorker×workers runs ahead of the caller. It
// returns next, which gives the scans in order, one per call, and stop,
// which the caller defers: it ends the goroutines, even when the caller
// stops early, and waits for them.
//
// Each worker has its own cache of speaker phrases and its own word buffer;
// an entry is scanned whole by one worker, so the claims of an entry share
// their speakers as when one goroutine scans them all.
func scanAhead(tasks [][]string, workers int) (next func() *entryScan, stop func()) {
	batches := batchTasks(tasks)
	// Run b's answer goes to slot b mod len(slots); a run is handed out
	// only once the caller has taken the answer that used its slot before.
	slots := make([]chan scanBatch, aheadPerWorker*workers)
	free := make(chan struct{}, len(slots))
	for k := range slots {
		slots[k] = make(chan scanBatch, 1) // a worker never waits for the caller
		free <- struct{}{}
	}
	jobs := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup // the feeder and the workers
	wg.Go(func() {
		defer close(jobs)
		for b := range batches {
			select {
			case <-free:
			case <-done:
				return
			}
			select {
			case jobs <- b:
			case <-done:
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			subjects := map[string]*knownSubject{}
			scratch := new([]word)
			for b := range jobs {
				slots[b%len(slots)] <- scanRun(tasks[batches[b][0]:batches[b][1]], subjects, scratch)
			}
		})
	}
	b := 0
	var cur []*entryScan
	next = func() *entryScan {
		if len(cur) == 0 {
			r := <-slots[b%len(slots)]
			free <- struct{}{}
			b++
			if r.panicked != nil {
				panic(r.panicked) // in the caller's goroutine, as without workers
			}
			cur = r.scans
		}
		s := cur[0]
		cur[0], cur = nil, cur[1:] // the caller alone holds it now
		return s
	}
	// Extract returns only once its goroutines have: nothing of it runs on
	// after it, even when it stops early.
	return next, func() { close(done); wg.Wait() }
}

// batchTasks cuts tasks into runs [from, to) of about batchBytes of text
// each, in order, every task in exactly one run.
func batchTasks(tasks [][]string) [][2]int {
	var runs [][2]int
	from, size := 0, 0
	for k, paras := range tasks {
		for _, p := range paras {
			size += len(p)
		}
		if size >= batchBytes || k == len(tasks)-1 {
			runs = append(runs, [2]int{from, k + 1})
			from, size = k+1, 0
		}
	}
	return runs
}

// scanRun scans a run of tasks for scanAhead.
func scanRun(tasks [][]string, subjects map[string]*knownSubject, scratch *[]word) (r scanBatch) {
	defer func() {
		if p := recover(); p != nil {
			r = scanBatch{panicked: p}
		}
	}()
	scans := make([]entryScan, len(tasks))
	r.scans = make([]*entryScan, len(tasks))
	for k, paras := range tasks {
		if paras != nil {
			scans[k] = scanEntry(paras, subjects, scratch, false)
			r.scans[k] = &scans[k]
		}
	}
	return r
}
