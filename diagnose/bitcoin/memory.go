package bitcoin

import (
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// maxInputs bounds the inputs kept per transaction.
const maxInputs = 16

// pendingInputs is the Bitcoin family's record in the core's memory: the
// inputs of a transaction seen pending, so that when a later check (in
// this process or a later run) finds the txid gone, the inputs can be asked
// who spent them (replaced, double-spent) or whether they are still
// unspent (dropped). Only public data: outpoints.
type pendingInputs struct {
	Inputs []outpoint `json:"inputs"`
}

func remember(m *diagnose.Memory, txid string, ins []outpoint, seen time.Time) {
	if len(ins) > maxInputs {
		ins = ins[:maxInputs]
	}
	_ = m.Put(diagnose.FamilyBitcoin, txid, seen, pendingInputs{Inputs: ins})
}

func recall(m *diagnose.Memory, txid string) []outpoint {
	var p pendingInputs
	if !m.Get(diagnose.FamilyBitcoin, txid, &p) {
		return nil
	}
	return p.Inputs
}

func forget(m *diagnose.Memory, txid string) { _ = m.Forget(diagnose.FamilyBitcoin, txid) }
