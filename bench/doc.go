// Command bench measures unstuck at the round-trip limit, side by side
// with Foundry's cast, in one run: it builds unstuck as released, starts
// geth's simulated node (served by diagnose/internal/simnode/simnoded) and
// anvil on loopback, puts a proxy that delays every HTTP request by R in
// front of them, and prints tables of medians and ratios (see
// BENCHMARKS.md).
//
//	go run ./bench [-n 9] [-r 0,50ms,200ms] [-parts sides,fleet,startup] [-unstuck path]
//
// anvil and cast come from UNSTUCK_ANVIL and UNSTUCK_CAST, else PATH,
// else where .ci/run installs them. Nothing leaves loopback.
package main
