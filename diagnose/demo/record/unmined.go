package main

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/diagnose/internal/simnode"
)

// sendUnderpriced submits a transfer whose fee cap is half the base fee:
// geth keeps it pending and never mines it.
func (b *builder) sendUnderpriced(from int, value *big.Int) (hash common.Hash, feeCap, tip *big.Int, err error) {
	base, err := b.n.BaseFee(b.ctx)
	if err != nil {
		return hash, nil, nil, err
	}
	feeCap = new(big.Int).Div(base, big.NewInt(2))
	tip = new(big.Int).Div(feeCap, big.NewInt(4))
	to := b.n.Addrs[recipient]
	tx, err := b.n.Send(b.ctx, simnode.Tx{From: from, To: &to, Value: value, FeeCap: feeCap, Tip: tip})
	if err != nil {
		return hash, nil, nil, err
	}
	b.n.Commit()
	return tx.Hash(), feeCap, tip, nil
}

// checkPending checks a transaction while it is pending, so that the
// engine remembers its sender and nonce.
func (b *builder) checkPending(hash common.Hash) error {
	rep, err := b.eng.Check(b.ctx, diagnose.Query{Kind: diagnose.KindTxHash, Ref: hash.Hex(), Raw: hash.Hex()}, diagnose.CheckOptions{})
	if err != nil {
		return err
	}
	if rep.Status != diagnose.StatusPending {
		return fmt.Errorf("%s: status %s, want pending", hash.Hex(), rep.Status)
	}
	if _, ok := evm.Recall(b.mem, hash); !ok {
		return fmt.Errorf("%s: not remembered", hash.Hex())
	}
	b.seen = append(b.seen, hash)
	return nil
}

func (b *builder) dropped() error {
	who, err := b.addAccount("dropped")
	if err != nil {
		return err
	}
	hash, _, _, err := b.sendUnderpriced(who, ether(1))
	if err != nil {
		return err
	}
	if err := b.checkPending(hash); err != nil {
		return err
	}
	b.n.Backend.Rollback() // the pool forgets it; its nonce stays unused
	b.add("dropped", "Dropped: seen pending, then the network forgot it", "已丢弃：曾在等待中，后来网络不再保留它", hash,
		diagnose.StatusDropped, "", diagnose.CodeDropped)
	return nil
}

func (b *builder) replaced() error {
	who, err := b.addAccount("replaced")
	if err != nil {
		return err
	}
	hash, feeCap, tip, err := b.sendUnderpriced(who, ether(2))
	if err != nil {
		return err
	}
	if err := b.checkPending(hash); err != nil {
		return err
	}
	base, err := b.n.BaseFee(b.ctx)
	if err != nil {
		return err
	}
	newCap := evm.ReplacementMin(feeCap)
	if three := new(big.Int).Mul(base, big.NewInt(3)); three.Cmp(newCap) > 0 {
		newCap = three
	}
	to := b.n.Addrs[recipient]
	repl, err := b.n.Mine(b.ctx, simnode.Tx{From: who, To: &to, Value: ether(2), Nonce: simnode.Ptr(uint64(0)),
		FeeCap: newCap, Tip: evm.ReplacementMin(tip)})
	if err != nil {
		return err
	}
	b.add("replaced", "Replaced: a speed-up took its place", "已替换：一笔加速交易取代了它", hash,
		diagnose.StatusReplaced, "", diagnose.CodeReplaced)
	b.add("replacement", "The speed-up that replaced it", "替换它的那笔加速交易", repl.Hash(),
		diagnose.StatusSuccess, "")
	return nil
}

// pending leaves two transactions waiting for good: one whose fee cap is
// below the base fee, one behind a nonce gap. Nothing is mined after them
// but one empty block.
func (b *builder) pending() error {
	who, err := b.addAccount("underpriced")
	if err != nil {
		return err
	}
	hash, _, _, err := b.sendUnderpriced(who, ether(1))
	if err != nil {
		return err
	}
	b.add("pending-underpriced", "Pending: the fee is below what the network asks", "等待中：手续费低于网络要求", hash,
		diagnose.StatusPending, "", diagnose.CodeUnderpriced)
	to := b.n.Addrs[recipient]
	tx, err := b.n.Send(b.ctx, simnode.Tx{From: gapSender, To: &to, Value: ether(1), Nonce: simnode.Ptr(uint64(2))})
	if err != nil {
		return err
	}
	b.n.Commit()
	b.add("nonce-gap", "Pending: waiting for an earlier nonce that was never sent", "等待中：前面有一个从未发出的 nonce", tx.Hash(),
		diagnose.StatusPending, "", diagnose.CodeNonceGap)
	return nil
}
