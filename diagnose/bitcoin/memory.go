package bitcoin

import "sync"

// Memory remembers the inputs of transactions seen pending, so that when
// a later check finds the txid gone, the inputs can be asked who spent
// them (replaced, double-spent) or whether they are still unspent
// (dropped). It is safe for concurrent use.
type Memory struct {
	mu  sync.Mutex
	txs map[string][]outpoint
}

// NewMemory builds an empty memory.
func NewMemory() *Memory { return &Memory{txs: map[string][]outpoint{}} }

// maxRemembered bounds the inputs kept per transaction.
const maxRemembered = 16

func (m *Memory) remember(txid string, ins []outpoint) {
	if len(ins) > maxRemembered {
		ins = ins[:maxRemembered]
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.txs[txid] = append([]outpoint(nil), ins...)
}

func (m *Memory) inputs(txid string) []outpoint {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]outpoint(nil), m.txs[txid]...)
}
