package models

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"claimdesk/models/outbound"
)

// BenchmarkCapture1MB captures a 1 MB page from a local server through the
// worker pool (two workers, the default), n captures per run, each page
// different so every body is stored. It reports captures per second, the
// peak Go heap while the captures ran, the heap peak over the first tenth of
// them (memory must not grow with the number of captures) and the process's
// peak resident size.
//
//	go test ./models/ -run '^$' -bench BenchmarkCapture1MB -benchtime 3x
func BenchmarkCapture1MB(b *testing.B) {
	for _, n := range []int{20, 100} {
		b.Run(fmt.Sprintf("captures=%d", n), func(b *testing.B) { benchCaptures(b, n) })
	}
}

func benchCaptures(b *testing.B, n int) {
	f := newFixture(b)
	ctx := context.Background()
	page := bytes.Repeat([]byte("<p>Live updates: the governor said the strike hit a warehouse.</p>\n"), (1<<20)/68)
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		prefix := fmt.Sprintf("<!-- %14d -->\n", served.Add(1))
		w.Header().Set("Content-Length", fmt.Sprint(len(prefix)+len(page)))
		w.Write([]byte(prefix))
		w.Write(page)
	}))
	defer srv.Close()
	c := f.claim(b, "A warehouse was hit.")
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = f.evidence(b, c, "supports", fmt.Sprintf("%s/live/%d", srv.URL, i), "").ID
	}
	pool := f.s.NewCapturePool(outbound.New(outbound.Config{AllowPrivate: true}), CaptureSettings{Poll: 10 * time.Millisecond})
	var peak, firstTenth atomic.Uint64
	var done atomic.Int64
	runtime.GC()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		for _, id := range ids {
			if _, err := f.s.RequestCapture(ctx, f.fc, id, TaskCapture); err != nil {
				b.Fatal(err)
			}
		}
		runCtx, stop := context.WithCancel(ctx)
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); pool.Run(runCtx) }()
		go func() {
			defer wg.Done()
			var ms runtime.MemStats
			for runCtx.Err() == nil {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
				if done.Load() <= int64(n/10) && ms.HeapInuse > firstTenth.Load() {
					firstTenth.Store(ms.HeapInuse)
				}
				time.Sleep(2 * time.Millisecond)
			}
		}()
		b.StartTimer()
		for {
			var open int64
			if err := f.s.read(ctx).Model(&CaptureTask{}).Where("finished_at IS NULL").Count(&open).Error; err != nil {
				b.Fatal(err)
			}
			done.Store(int64(n) - open)
			if open == 0 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		b.StopTimer()
		stop()
		wg.Wait()
		done.Store(0)
		b.StartTimer()
	}
	b.StopTimer()
	var ok int64
	f.s.read(ctx).Table("captures").Where("status = ?", CaptureOK).Count(&ok)
	if ok != int64(n*b.N) {
		b.Fatalf("%d good captures, want %d", ok, n*b.N)
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*b.N)/secs, "captures/s")
	b.ReportMetric(float64(n*b.N)*float64(len(page))/(1<<20)/secs, "MB/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(firstTenth.Load())/(1<<20), "first-tenth-heap-MB")
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-rss-MB")
	b.ReportMetric(0, "ns/op")
}
