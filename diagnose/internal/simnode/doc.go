// Package simnode runs go-ethereum's simulated backend as a real JSON-RPC
// node over HTTP on 127.0.0.1, with funded accounts and the fixture
// contracts, for tests and the demo recorder. Being internal, only
// packages under diagnose/ import it; tests elsewhere (cmd, tui) and the
// bench reach it through the simnoded command, and the shipped binary
// never links it (cmd/unstuck/deps_test.go).
package simnode
