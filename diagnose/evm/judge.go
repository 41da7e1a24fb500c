package evm

import (
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// judge applies the diagnosis rules to the facts. It does no I/O.
func (e *Backend) judge(q diagnose.Query, opt diagnose.CheckOptions, f *Facts, results []groupResult, remembered *Remembered) *diagnose.Report {
	rep := &diagnose.Report{Input: q.Raw, Status: diagnose.StatusUnknown, Transfers: []diagnose.Transfer{}, Findings: []diagnose.Finding{}}
	if f == nil {
		e.judgeMissing(rep, opt, results, remembered)
		e.noteDegraded(rep, results, nil)
		return rep
	}
	rep.Chain = chainRef(f.Chain, f.Hash)
	if f.Tx != nil {
		rep.Tx = txInfo(f.Tx)
		if sig, ok := e.decoder.Method(f.Tx.Input); ok {
			rep.Tx.Method = sig
		}
	}
	if opt.Chain != 0 && opt.Chain != f.Chain.ID {
		rep.Add(diagnose.CodeWrongChain, diagnose.SevWarn, map[string]string{
			"expected": e.reg.Name(opt.Chain), "found": f.Chain.Name, "chain": f.Chain.Name})
	}
	switch {
	case f.Receipt != nil:
		e.judgeMined(rep, f)
	default:
		e.judgePending(rep, f)
	}
	judgeDelegation(rep, f)
	e.noteDegraded(rep, results, f)
	return rep
}

// coin is the chain's coin symbol. A chain known only by its id (from a
// custom endpoint) is taken to use ETH, as KeyNumbers does.
func coin(c chains.Chain) string {
	if c.Symbol != "" {
		return c.Symbol
	}
	return diagnose.UnknownEVMCoin
}

func chainRef(c chains.Chain, hash common.Hash) *diagnose.ChainRef {
	ref := &diagnose.ChainRef{ID: c.ID, Name: c.Name, Symbol: c.Symbol}
	if c.Explorer != "" {
		ref.ExplorerTxURL = c.TxURL(hash.Hex())
	}
	return ref
}

func txInfo(tx *nodeTx) *diagnose.TxInfo {
	info := &diagnose.TxInfo{
		Hash: tx.Hash.Hex(), From: tx.From.Hex(), To: addrString(tx.To), Nonce: uint64(tx.Nonce),
		ValueWei: tx.Value.ToInt().String(), Type: uint64(tx.Type), GasLimit: uint64(tx.Gas),
	}
	if tx.MaxFeePerGas != nil {
		info.MaxFeePerGasWei = tx.MaxFeePerGas.ToInt().String()
	}
	if tx.MaxPriorityFeePerGas != nil {
		info.MaxPriorityFeeWei = tx.MaxPriorityFeePerGas.ToInt().String()
	}
	if tx.GasPrice != nil {
		info.GasPriceWei = tx.GasPrice.ToInt().String()
	}
	if tx.MaxFeePerBlobGas != nil {
		info.MaxFeePerBlobGasWei = tx.MaxFeePerBlobGas.ToInt().String()
		info.Blobs = len(tx.BlobHashes)
	}
	return info
}

func judgeDelegation(rep *diagnose.Report, f *Facts) {
	if delegate, ok := delegateOf(f.FromCode); ok {
		rep.Add(diagnose.CodeDelegatedAccount, diagnose.SevWarn, map[string]string{
			"account": f.Tx.From.Hex(), "delegate": delegate.Hex()})
	}
}

func u64(v uint64) string { return strconv.FormatUint(v, 10) }

func bigOrZero(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return v
}
