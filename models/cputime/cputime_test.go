//go:build unix

package cputime

import "testing"

// Work done between two readings shows as CPU time.
func TestSelfGrowsWithWork(t *testing.T) {
	before := Self()
	if before <= 0 {
		t.Fatalf("CPU time %v, want a positive figure", before)
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x ^= i * 31
	}
	if after := Self(); after <= before {
		t.Fatalf("CPU time %v after work, was %v (x=%d)", after, before, x)
	}
}
