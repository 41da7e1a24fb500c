// Package btcdnode starts a real btcd (github.com/btcsuite/btcd v0.26.2) in
// regtest on a free loopback port for tests, with --txindex, and builds
// real signed transactions for it with btcd's own packages (wire,
// txscript, btcec, chaincfg). It is test machinery: the unstuck binary
// never links it.
//
// The binary is found at $UNSTUCK_BTCD, on PATH, or in $GOPATH/bin. When
// it is absent the test is skipped with a message, except in CI (CI set),
// where that is a failure: .ci/run installs it with
// `go install github.com/btcsuite/btcd@v0.26.2`.
package btcdnode
