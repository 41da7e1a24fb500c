// Package evm is the EVM family's backend (Ethereum, BNB Smart Chain,
// Polygon, the L2s…): it looks a transaction hash or an address up on the
// registry's networks at once, racing each network's public endpoints, in
// at most two batched JSON-RPC round trips per endpoint, and judges the
// answers with pure rules.
//
// The files follow a check: locate.go (round 1: chain id, tx, receipt,
// head, fees, the sender's nonces), followup.go (round 2: only what the
// verdict needs: the replay of a failed tx at its parent block and its own
// block, token metadata, the sender's pool, code), judge_mined.go,
// judge_pending.go and judge_missing.go (the verdicts), then account.go
// and endpoint.go for `unstuck account` and `unstuck endpoint`. memory.go
// keeps what was seen of a pending transaction between checks.
package evm
