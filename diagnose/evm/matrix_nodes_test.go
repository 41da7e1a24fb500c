package evm

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// matrixNode is what the scenario matrix needs from a real node: send
// transactions with chosen nonces and fees, mine, and make the pool forget
// one. Both geth's simulated node and anvil implement it.
type matrixNode interface {
	url() string
	addr(i int) common.Address
	// send submits a transaction without mining it; a nil nonce is the
	// account's next one.
	send(t *testing.T, tx sendTx) common.Hash
	mine(t *testing.T)
	drop(t *testing.T, hash common.Hash)
	// poolView: the node answers txpool_contentFrom (geth does, anvil
	// answers "method not found").
	poolView() bool
	deployToken(t *testing.T, from int, supply *big.Int) common.Address
	// sendBlob submits a blob transaction from account `from` to account 3.
	sendBlob(t *testing.T, from int, nonce *uint64, feeCap, tip, blobCap *big.Int) (common.Hash, error)
}

type sendTx struct {
	from        int
	to          common.Address
	value       *big.Int
	data        []byte
	gas         uint64
	nonce       *uint64
	feeCap, tip *big.Int
}

// gethNode is geth's simulated backend over HTTP.
type gethNode struct{ n *simnode.Node }

func (g gethNode) url() string               { return g.n.URL }
func (g gethNode) addr(i int) common.Address { return g.n.Addrs[i] }
func (g gethNode) poolView() bool            { return true }
func (g gethNode) mine(*testing.T)           { g.n.Commit() }

func (g gethNode) send(t *testing.T, s sendTx) common.Hash {
	t.Helper()
	to := s.to
	tx, err := g.n.Send(context.Background(), simnode.Tx{From: s.from, To: &to, Value: s.value, Data: s.data,
		Gas: s.gas, Nonce: s.nonce, FeeCap: s.feeCap, Tip: s.tip})
	if err != nil {
		t.Fatal(err)
	}
	return tx.Hash()
}

// drop: the simulated backend's Rollback empties the pool; nothing mined
// is undone.
func (g gethNode) drop(*testing.T, common.Hash) { g.n.Backend.Rollback() }

func (g gethNode) deployToken(t *testing.T, from int, supply *big.Int) common.Address {
	t.Helper()
	a, err := g.n.DeployToken(context.Background(), from, "Test USD", "TUSD", 6, supply)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func (g gethNode) sendBlob(_ *testing.T, from int, nonce *uint64, feeCap, tip, blobCap *big.Int) (common.Hash, error) {
	tx, err := g.n.SendBlob(context.Background(), simnode.Blob{From: from, Nonce: nonce, FeeCap: feeCap, Tip: tip, BlobFeeCap: blobCap})
	if err != nil {
		return common.Hash{}, err
	}
	return tx.Hash(), nil
}

// anvilMatrix is anvil with mining off; its accounts are unlocked, so
// transactions go through eth_sendTransaction, except blob ones, which are
// signed here with anvil's published development keys.
type anvilMatrix struct {
	a       *anvilNode
	chainID uint64
}

func (m anvilMatrix) url() string               { return m.a.url }
func (m anvilMatrix) addr(i int) common.Address { return m.a.accs[i] }
func (m anvilMatrix) poolView() bool            { return false }
func (m anvilMatrix) mine(t *testing.T)         { m.a.mine(t) }

func (m anvilMatrix) send(t *testing.T, s sendTx) common.Hash {
	t.Helper()
	req := map[string]any{"from": m.a.accs[s.from], "to": s.to}
	if s.value != nil {
		req["value"] = (*hexutil.Big)(s.value)
	}
	if s.data != nil {
		req["data"] = hexutil.Bytes(s.data)
	}
	if s.gas != 0 {
		req["gas"] = hexutil.Uint64(s.gas)
	} else if s.data == nil {
		req["gas"] = hexutil.Uint64(21_000)
	}
	if s.nonce != nil {
		req["nonce"] = hexutil.Uint64(*s.nonce)
	}
	if s.feeCap != nil {
		req["maxFeePerGas"] = (*hexutil.Big)(s.feeCap)
	}
	if s.tip != nil {
		req["maxPriorityFeePerGas"] = (*hexutil.Big)(s.tip)
	}
	return m.a.send(t, req)
}

func (m anvilMatrix) drop(t *testing.T, hash common.Hash) {
	t.Helper()
	if err := m.a.rpc.Call(nil, "anvil_dropTransaction", hash); err != nil {
		t.Fatal(err)
	}
}

func (m anvilMatrix) deployToken(t *testing.T, from int, supply *big.Int) common.Address {
	t.Helper()
	code, err := simnode.TokenCreation("Test USD", "TUSD", 6, supply)
	if err != nil {
		t.Fatal(err)
	}
	h := m.a.send(t, map[string]any{"from": m.a.accs[from], "data": hexutil.Bytes(code), "gas": "0x4c4b40"})
	m.a.mine(t)
	var r struct {
		ContractAddress common.Address `json:"contractAddress"`
	}
	if err := m.a.rpc.Call(&r, "eth_getTransactionReceipt", h); err != nil {
		t.Fatal(err)
	}
	return r.ContractAddress
}

// anvilDevKeys are the first private keys of anvil's default development
// mnemonic ("test test … junk"), printed by anvil itself at start. They
// hold only test coins on a local chain.
var anvilDevKeys = []string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
}

func (m anvilMatrix) sendBlob(t *testing.T, from int, nonce *uint64, feeCap, tip, blobCap *big.Int) (common.Hash, error) {
	t.Helper()
	key := anvilKey(t, from)
	if crypto.PubkeyToAddress(key.PublicKey) != m.a.accs[from] {
		t.Fatalf("anvil account %d is not the published development key", from)
	}
	n := uint64(0)
	if nonce != nil {
		n = *nonce
	} else {
		var next hexutil.Uint64
		if err := m.a.rpc.Call(&next, "eth_getTransactionCount", m.a.accs[from], "pending"); err != nil {
			t.Fatal(err)
		}
		n = uint64(next)
	}
	tx, err := simnode.SignBlob(key, m.chainID, n, m.a.accs[3], feeCap, tip, blobCap)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var h common.Hash
	if err := m.a.rpc.Call(&h, "eth_sendRawTransaction", hexutil.Bytes(raw)); err != nil {
		return common.Hash{}, err
	}
	return h, nil
}

func anvilKey(t *testing.T, i int) *ecdsa.PrivateKey {
	t.Helper()
	if i >= len(anvilDevKeys) {
		t.Fatalf("no development key for anvil account %d", i)
	}
	k, err := crypto.HexToECDSA(anvilDevKeys[i])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// resendAdvice finds, in a finding's words, a sentence that tells the user
// to send again (English or Chinese) without saying not to.
func resendAdvice(text string) string {
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '。' || r == '；' || r == ';' || r == '：' }) {
		low := strings.ToLower(sentence)
		en := (strings.Contains(low, "send") || strings.Contains(low, "sign")) && strings.Contains(low, "again")
		zh := strings.Contains(sentence, "重新发送") || strings.Contains(sentence, "再发一次") || strings.Contains(sentence, "重新发")
		negated := strings.Contains(low, "not ") || strings.Contains(low, "don't") || strings.Contains(low, "never") ||
			strings.Contains(sentence, "不要") || strings.Contains(sentence, "别")
		if (en || zh) && !negated {
			return strings.TrimSpace(sentence)
		}
	}
	return ""
}
