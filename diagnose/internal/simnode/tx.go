package simnode

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
)

// Gwei is 10^9 wei.
const Gwei = params.GWei

// Tx describes a transaction to send. Zero fields get sensible defaults:
// the account's pending nonce, fee cap = 2 × base fee + tip, tip 1 gwei,
// gas from estimation (or 3,000,000 when it would fail).
type Tx struct {
	From     int
	To       *common.Address
	Value    *big.Int
	Data     []byte
	Nonce    *uint64
	Gas      uint64
	FeeCap   *big.Int
	Tip      *big.Int
	GasPrice *big.Int // legacy transaction when set
}

// Send signs and submits a transaction and returns it. It does not mine.
func (n *Node) Send(ctx context.Context, t Tx) (*types.Transaction, error) {
	c := n.Backend.Client()
	from := n.Addrs[t.From]
	var nonce uint64
	if t.Nonce != nil {
		nonce = *t.Nonce
	} else {
		var err error
		if nonce, err = c.PendingNonceAt(ctx, from); err != nil {
			return nil, err
		}
	}
	value := t.Value
	if value == nil {
		value = new(big.Int)
	}
	gas := t.Gas
	if gas == 0 {
		gas = 3_000_000
		if t.To != nil && len(t.Data) == 0 {
			gas = 21_000
		}
	}
	var inner types.TxData
	if t.GasPrice != nil {
		inner = &types.LegacyTx{Nonce: nonce, GasPrice: t.GasPrice, Gas: gas, To: t.To, Value: value, Data: t.Data}
	} else {
		tip := t.Tip
		if tip == nil {
			tip = big.NewInt(Gwei)
		}
		feeCap := t.FeeCap
		if feeCap == nil {
			head, err := c.HeaderByNumber(ctx, nil)
			if err != nil {
				return nil, err
			}
			feeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
		}
		inner = &types.DynamicFeeTx{ChainID: new(big.Int).SetUint64(n.ChainID), Nonce: nonce, GasTipCap: tip,
			GasFeeCap: feeCap, Gas: gas, To: t.To, Value: value, Data: t.Data}
	}
	tx, err := types.SignNewTx(n.Keys[t.From], n.signer, inner)
	if err != nil {
		return nil, err
	}
	if err := n.sendSettled(ctx, tx); err != nil {
		return nil, fmt.Errorf("send: %w", err)
	}
	return tx, nil
}

// sendSettled sends tx, waiting for the pool when it still sees an old
// state. The pool re-reads the state after a new block in the background,
// so right after a Commit a transaction from an account funded in that
// block can be refused with "insufficient funds" (balance 0). geth's
// simulated beacon waits for the pool before it builds a block; this waits
// likewise before sending, and only while the chain says the balance
// covers the transaction, so that a truly overdrawn one fails at once.
func (n *Node) sendSettled(ctx context.Context, tx *types.Transaction) error {
	c := n.Backend.Client()
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := c.SendTransaction(ctx, tx)
		if err == nil || !strings.Contains(err.Error(), "insufficient funds") || time.Now().After(deadline) {
			return err
		}
		from, serr := types.Sender(n.signer, tx)
		if serr != nil {
			return err
		}
		bal, berr := c.BalanceAt(ctx, from, nil)
		if berr != nil || bal.Cmp(tx.Cost()) < 0 {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// Mine sends a transaction and commits a block with it.
func (n *Node) Mine(ctx context.Context, t Tx) (*types.Transaction, error) {
	tx, err := n.Send(ctx, t)
	if err != nil {
		return nil, err
	}
	n.Commit()
	return tx, nil
}

// Deploy mines a contract creation and returns the contract's address.
func (n *Node) Deploy(ctx context.Context, from int, code []byte) (common.Address, error) {
	tx, err := n.Mine(ctx, Tx{From: from, Data: code, Gas: 5_000_000})
	if err != nil {
		return common.Address{}, err
	}
	r, err := n.Backend.Client().TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		return common.Address{}, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return common.Address{}, fmt.Errorf("deploy failed")
	}
	return r.ContractAddress, nil
}

// BaseFee is the latest block's base fee.
func (n *Node) BaseFee(ctx context.Context) (*big.Int, error) {
	h, err := n.Backend.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	return h.BaseFee, nil
}

// Ptr returns a pointer to v, for Tx fields.
func Ptr[T any](v T) *T { return &v }

// SendUnderpriced submits a 3rd-account transfer from account `from` whose
// fee cap is half the base fee (its tip a quarter of that) and commits a
// block: geth keeps such a transaction pending and never mines it. A nil
// nonce means the account's next one.
func (n *Node) SendUnderpriced(ctx context.Context, from int, nonce *uint64, value *big.Int) (*types.Transaction, error) {
	base, err := n.BaseFee(ctx)
	if err != nil {
		return nil, err
	}
	feeCap := new(big.Int).Div(base, big.NewInt(2))
	tip := new(big.Int).Div(feeCap, big.NewInt(4))
	to := n.Addrs[3]
	tx, err := n.Send(ctx, Tx{From: from, To: &to, Value: value, FeeCap: feeCap, Tip: tip, Nonce: nonce})
	if err != nil {
		return nil, err
	}
	n.Commit()
	return tx, nil
}
