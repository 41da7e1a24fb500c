package evm

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// Remembered is what unstuck keeps about a transaction it once saw pending,
// so that a later check can tell "replaced" from "dropped" with certainty.
// Only public data: hash, chain, sender, nonce, value, where and when seen.
// It is the EVM family's record in the core's diagnose.Memory.
type Remembered struct {
	Hash      common.Hash    `json:"hash"`
	ChainID   uint64         `json:"chain_id"`
	From      common.Address `json:"from"`
	To        string         `json:"to,omitempty"`
	Nonce     uint64         `json:"nonce"`
	ValueWei  string         `json:"value_wei"`
	SeenBlock uint64         `json:"seen_block"`
	SeenAt    time.Time      `json:"seen_at"`
}

// Remember keeps r in m (the demo and its recorder seed a memory with it).
func Remember(m *diagnose.Memory, r Remembered) error {
	return m.Put(diagnose.FamilyEVM, r.Hash.Hex(), r.SeenAt, r)
}

// Recall is what m remembers about hash, if anything.
func Recall(m *diagnose.Memory, hash common.Hash) (*Remembered, bool) {
	var r Remembered
	if !m.Get(diagnose.FamilyEVM, hash.Hex(), &r) {
		return nil, false
	}
	return &r, true
}

func forget(m *diagnose.Memory, hash common.Hash) error {
	return m.Forget(diagnose.FamilyEVM, hash.Hex())
}
