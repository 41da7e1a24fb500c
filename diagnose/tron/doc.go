// Package tron is unstuck's TRON backend: it looks a transaction or an
// address up over TRON's HTTP API (/wallet/… and /walletsolidity/…, never
// /jsonrpc, which lacks fees, bandwidth and reasons), in at most two rounds
// of concurrent requests per endpoint, and turns the answers into a
// diagnose.Report a USDT-TRC20 user can act on: energy burned and needed,
// fee limit, revert reason, Tether's blacklist, activation, expiry and a
// hijacked owner permission.
//
// Its public surface is small: New(Config) builds a Backend (a
// diagnose.Backend), Networks lists the networks it knows, and the address
// helpers (ParseAddress, Address) convert between the base58check T… form
// and the 41… hex form. The rules (judge.go) are pure functions of the
// answers a check collects (txFacts); they do no I/O.
package tron
