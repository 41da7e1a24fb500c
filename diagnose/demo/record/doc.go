// Command record generates the demo chain's recordings. It creates every
// demo scenario on go-ethereum's simulated backend (a real geth node over
// HTTP on 127.0.0.1), checks each verdict the recipe expects, then runs the
// diagnosis engine against the node through a recording proxy and writes
// every request/response pair the engine made. It then converts the chosen
// recorded real TRON and Esplora answers and btcd exchanges (the replay
// data under diagnose/internal) into the gzip-compressed REST recordings,
// grouped in worlds, fails if two scenarios of one world answer the same
// request differently, and checks that the demo gives every TRON and
// Bitcoin example its verdict from them with no request unanswered. Run
// it with
//
//	go generate ./diagnose/demo
//
// It is a separate package so that the shipped binary never links the
// node or the replay data.
package main
