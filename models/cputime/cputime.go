// Package cputime reads the CPU time the running process has used, user and
// system, every thread (the garbage collector's included). Benchmarks and
// the load tool report CPU per operation beside wall time because on a
// shared machine the wall time says more about the neighbours than about
// the code.
package cputime
