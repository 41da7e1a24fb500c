// Package faultproxy is a fault injector for JSON-RPC nodes: an HTTP server
// on 127.0.0.1 that forwards every request to a real node (go-ethereum's
// simulated backend in tests) and misbehaves on purpose in one chosen way —
// hangs, refuses, resets mid-answer, rate-limits, fails with HTML, answers
// garbage, lies about its chain, contradicts itself, lags far behind or is
// still indexing. It also adds a fixed latency per request, which benchmarks
// use to model a distant endpoint.
//
// It is ordinary (non-test) code so that the tests of several packages
// under diagnose/ share one injector; being internal, nothing outside
// diagnose/ can import it, and the unstuck binary never links it
// (cmd/unstuck/deps_test.go).
package faultproxy
