package cli

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// Profiles are offered only on a loopback address, and there they answer.
func TestProfilingOnLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:6060", "nonsense"} {
		if stop, err := startProfiling(addr); err == nil {
			stop()
			t.Errorf("CLAIMDESK_PPROF=%q was accepted", addr)
		}
	}
	stop, err := startProfiling("")
	if err != nil {
		t.Fatal(err)
	}
	stop()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	stop, err = startProfiling(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	resp, err := http.Get("http://" + addr + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "goroutine") {
		t.Fatalf("profiles index: %d %.200s", resp.StatusCode, body)
	}
}
