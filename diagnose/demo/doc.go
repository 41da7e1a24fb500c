// Package demo is unstuck's demo chain: a JSON-RPC server on 127.0.0.1,
// inside the process, that answers from recordings of a real node (geth's
// simulated backend), and the example transactions that show every verdict
// with no network at all.
//
// The recordings are generated, never written by hand: `go generate
// ./diagnose/demo` runs ./record, which creates each scenario on a simulated
// node, runs the diagnosis engine against it through a recording proxy and
// writes every request/response pair to recordings.json. It also converts
// the chosen recorded real TRON and Esplora answers and btcd exchanges (the
// test machinery under diagnose/internal) into rest_recordings.json.gz,
// served by the same server under /<world>, so the TRON and Bitcoin
// examples run offline too.
// The generator lives in its own package so the shipped binary links
// neither the node nor the test machinery.
//
// The server answers a request it has no recording for with a JSON-RPC
// error and remembers the miss (Server.Misses): never a silent fallback.
package demo
