// Command simnoded serves simulated geth nodes (package simnode) to the
// processes that may not import them: the tests of cmd/unstuck and tui,
// and `go run ./bench`. simnode is internal to diagnose/, so that no
// importable package carries a node; a process boundary lets those tests
// keep checking against the same real node.
//
//	go build -o simnoded ./diagnose/internal/simnode/simnoded
//	./simnoded   # prints {"control":"http://127.0.0.1:PORT"}, then serves
//
// It listens on 127.0.0.1 only and runs until its standard input closes
// (or SIGINT/SIGTERM), so it ends with the process that started it, even
// one that was killed. Each node has its own JSON-RPC URL; the control
// API (JSON over HTTP) starts, drives and stops them:
//
//	POST   /nodes                   {"chain_id"}                       → the node: id, url, chain_id, accounts
//	DELETE /nodes/{id}                                                 → 204, the node stopped
//	POST   /nodes/{id}/send         a transaction, "mine": true to mine it → {"raw"}: the signed transaction
//	POST   /nodes/{id}/underpriced  {"from", "nonce", "value"}          → {"raw"} (simnode.Node.SendUnderpriced)
//	POST   /nodes/{id}/deploy       {"from", "contract": "token" | "failer", token: "name", "symbol", "decimals", "supply"} → {"address"}
//	POST   /nodes/{id}/commit                                          → {"block"}: the hash of the block mined
//	GET    /nodes/{id}/base_fee                                        → {"base_fee"}
//
// Transactions are simnode.Tx in JSON: "from" (account index), "to",
// "value", "data" (0x-hex), "nonce", "gas", "fee_cap", "tip", "gas_price"
// (amounts as JSON numbers of wei).
package main
