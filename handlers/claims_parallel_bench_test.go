package handlers

import (
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync/atomic"
	"testing"

	"claimdesk/models/cputime"
)

// BenchmarkDeskListParallel is the load tool's desk list without HTTP: as
// many clients as it runs by default (16) ask the ten desk views in turn
// through the whole router, every answer computed, so the read pool is
// contended as it is under load. cpu-ns/op is the process's CPU per answer,
// the figure the load tool's 2,000 answers a second on two cores depends on.
func BenchmarkDeskListParallel(b *testing.B) {
	st, tok := benchStore(b)
	e, err := New(st, Config{Logger: discardLogger()})
	if err != nil {
		b.Fatal(err)
	}
	reqs := make([]*http.Request, len(deskViews))
	for i, q := range deskViews {
		reqs[i] = httptest.NewRequest(http.MethodGet, "/api/v1/claims?"+q, nil)
		reqs[i].Header.Set("Authorization", "Bearer "+tok)
	}
	var next atomic.Int64
	b.SetParallelism(max(1, 16/runtime.GOMAXPROCS(0)))
	b.ReportAllocs()
	cpu0 := cputime.Self()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := reqs[int(next.Add(1))%len(reqs)]
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req.Clone(req.Context()))
			if rec.Code != http.StatusOK {
				b.Errorf("status %d: %s", rec.Code, rec.Body.String())
				return
			}
		}
	})
	b.ReportMetric(float64(cputime.Self()-cpu0)/float64(b.N), "cpu-ns/op")
}
