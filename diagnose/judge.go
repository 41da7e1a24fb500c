package diagnose

import (
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// judge applies the diagnosis rules to the facts. It does no I/O.
func (e *Engine) judge(q Query, opt CheckOptions, f *Facts, results []groupResult, remembered *Remembered) *Report {
	rep := &Report{Input: q.Raw, Status: StatusUnknown, Transfers: []Transfer{}, Findings: []Finding{}}
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
		rep.add(CodeWrongChain, SevWarn, map[string]string{
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
	return "ETH"
}

func chainRef(c chains.Chain, hash common.Hash) *ChainRef {
	ref := &ChainRef{ID: c.ID, Name: c.Name, Symbol: c.Symbol}
	if c.Explorer != "" {
		ref.ExplorerTxURL = c.TxURL(hash.Hex())
	}
	return ref
}

func txInfo(tx *nodeTx) *TxInfo {
	info := &TxInfo{
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

// delegationPrefix marks an EIP-7702 delegated account's code.
const delegationPrefix = "\xef\x01\x00"

func judgeDelegation(rep *Report, f *Facts) {
	if len(f.FromCode) == 23 && string(f.FromCode[:3]) == delegationPrefix {
		delegate := common.BytesToAddress(f.FromCode[3:])
		rep.add(CodeDelegatedAccount, SevWarn, map[string]string{
			"account": f.Tx.From.Hex(), "delegate": delegate.Hex()})
	}
}

// add appends a finding whose words come from the message catalog.
func (r *Report) add(code Code, sev Severity, data map[string]string) {
	fd := Finding{Code: code, Severity: sev, Guide: GuideFor(code), Data: data}
	fd.Title, fd.Detail = render("en", code, data)
	r.Findings = append(r.Findings, fd)
}

// has reports whether the report already carries a finding code.
func (r *Report) has(code Code) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

func u64(v uint64) string { return strconv.FormatUint(v, 10) }

func bigOrZero(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return v
}
