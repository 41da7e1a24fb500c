package evm

import (
	"cmp"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// defaultConfirmationTarget is what many exchanges wait for before they
// credit a deposit; below it the user hears "not final for an exchange yet".
const defaultConfirmationTarget = 12

func (e *Backend) judgeMined(rep *diagnose.Report, f *Facts) {
	r := f.Receipt
	block := r.BlockNumber.ToInt().Uint64()
	if f.Head >= block {
		rep.Confirmations = f.Head - block + 1
	}
	rec := &diagnose.Receipt{Block: block, GasUsed: uint64(r.GasUsed)}
	fee := new(big.Int)
	if r.EffectiveGasPrice != nil {
		rec.EffectiveGasPriceWei = r.EffectiveGasPrice.ToInt().String()
		fee.Mul(r.EffectiveGasPrice.ToInt(), new(big.Int).SetUint64(uint64(r.GasUsed)))
	}
	if r.L1Fee != nil {
		rec.L1FeeWei = r.L1Fee.ToInt().String()
		fee.Add(fee, r.L1Fee.ToInt())
	}
	if r.BlobGasUsed != nil && r.BlobGasPrice != nil && r.BlobGasUsed.ToInt().Sign() > 0 {
		blobFee := new(big.Int).Mul(r.BlobGasUsed.ToInt(), r.BlobGasPrice.ToInt())
		rec.BlobGasUsed = r.BlobGasUsed.ToInt().Uint64()
		rec.BlobGasPriceWei, rec.BlobFeeWei = r.BlobGasPrice.ToInt().String(), blobFee.String()
		fee.Add(fee, blobFee)
	}
	if r.ContractAddress != nil && *r.ContractAddress != (common.Address{}) {
		rec.ContractAddress = r.ContractAddress.Hex()
	}
	rec.FeeWei = fee.String()
	rep.Receipt = rec
	rep.Transfers = transfersOf(r.Logs, f.Tokens)
	if rep.Transfers == nil {
		rep.Transfers = []diagnose.Transfer{}
	}
	if r.Status != nil && *r.Status == 0 {
		rep.Status = diagnose.StatusFailed
		e.judgeFailed(rep, f, fee)
	} else {
		rep.Status = diagnose.StatusSuccess
		e.judgeSuccess(rep, f)
	}
	// The exchange-credit note is about funds that arrived: a failed
	// transaction moved nothing.
	if rep.Status == diagnose.StatusSuccess && rep.Confirmations < defaultConfirmationTarget {
		rep.Add(diagnose.CodeLowConfirmations, diagnose.SevInfo, map[string]string{
			"confirmations": u64(rep.Confirmations), "target": u64(defaultConfirmationTarget), "chain": f.Chain.Name})
	}
}

func (e *Backend) judgeSuccess(rep *diagnose.Report, f *Facts) {
	for _, t := range rep.Transfers {
		data := map[string]string{"token": t.Token, "symbol": t.Symbol, "amount": t.Amount, "to": t.To, "from": t.From,
			"standard": t.Standard, "token_id": t.TokenID, "chain": f.Chain.Name}
		if t.Standard == "erc20" && t.Decimals == nil {
			data["variant"], data["raw_value"] = "raw", t.RawValue
		}
		if strings.EqualFold(t.To, t.Token) {
			rep.Add(diagnose.CodeSentToTokenContract, diagnose.SevError, data)
			continue
		}
		rep.Add(diagnose.CodeTokenTransfer, diagnose.SevInfo, data)
	}
	// Coins or tokens sent to a contract's address: they are where the
	// contract's code says, and only its code can move them.
	if f.Recipient == nil || !f.CodeKnown {
		return
	}
	code := f.RecipientCode
	if f.Tx.To != nil && *f.Recipient == *f.Tx.To {
		code = f.ToCode
	}
	if _, delegated := delegateOf(code); len(code) == 0 || delegated {
		return
	}
	for _, t := range rep.Transfers {
		if strings.EqualFold(t.To, f.Recipient.Hex()) && strings.EqualFold(t.To, t.Token) {
			return // already said: sent to the token's own contract
		}
	}
	data := map[string]string{"to": f.Recipient.Hex(), "chain": f.Chain.Name}
	if len(f.Tx.Input) == 0 {
		data["amount"], data["symbol"] = diagnose.FormatUnits(f.Tx.Value.ToInt(), diagnose.WeiDecimals), coin(f.Chain)
	}
	rep.Add(diagnose.CodeSentToContract, diagnose.SevWarn, data)
}

func (e *Backend) judgeFailed(rep *diagnose.Report, f *Facts, fee *big.Int) {
	data := map[string]string{"fee": diagnose.FormatUnits(fee, diagnose.WeiDecimals), "symbol": coin(f.Chain)}
	tx := f.Tx
	rp, own := f.Replay, f.ReplayInBlock
	outOfGas := tx != nil && uint64(f.Receipt.GasUsed) >= uint64(tx.Gas) && (rp == nil || !rp.hasReason())
	if rp != nil && rp.OutOfGas {
		outOfGas = true
	}
	switch {
	case rp != nil && rp.hasReason():
		e.addRevert(rep, rp, diagnose.RevertSourceParent, data)
		rep.Add(diagnose.CodeReverted, diagnose.SevError, data)
	case outOfGas:
		data["gas_limit"] = u64(uint64(tx.Gas))
		data["gas_used"] = u64(uint64(f.Receipt.GasUsed))
		rep.Add(diagnose.CodeOutOfGas, diagnose.SevError, data)
	case rp != nil && rp.StateMissing:
		data["variant"] = "no_reason"
		rep.Add(diagnose.CodeReverted, diagnose.SevError, data)
		rep.Add(diagnose.CodeStateUnavailable, diagnose.SevWarn, map[string]string{"chain": f.Chain.Name})
	case rp != nil && rp.Succeeded && own != nil && (own.Reverted || own.OutOfGas):
		// At the start of its block it would have worked; by its turn an
		// earlier transaction in the block had changed what it needed.
		data["chain"] = f.Chain.Name
		switch {
		case own.hasReason():
			e.addRevert(rep, own, diagnose.RevertSourceInBlock, data)
		case own.OutOfGas:
			data["variant"] = "out_of_gas"
		default:
			data["variant"] = "no_reason"
		}
		rep.Add(diagnose.CodeStateChangedInBlock, diagnose.SevError, data)
	case rp != nil && rp.Succeeded:
		data["variant"] = "replay_ok"
		rep.Add(diagnose.CodeReverted, diagnose.SevError, data)
	default:
		data["variant"] = "no_reason"
		rep.Add(diagnose.CodeReverted, diagnose.SevError, data)
	}
}

// hasReason: the replay gave revert data or a spelled-out reason.
func (r *replayResult) hasReason() bool { return len(r.Data) > 0 || r.Reason != "" }

// addRevert decodes a replay's revert into the report and the finding data.
// A reason the node gave only in words is decoded as the Error(string) it
// stands for, so it gets the same meaning; no raw data is claimed for it.
func (e *Backend) addRevert(rep *diagnose.Report, rp *replayResult, source string, data map[string]string) {
	raw := rp.Data
	if len(raw) == 0 {
		raw = errorString(rp.Reason)
	}
	d := e.decoder.Decode(raw)
	rv := &diagnose.Revert{Selector: d.Selector, Name: d.Name, Reason: diagnose.Sanitize(d.Reason), ReasonZH: diagnose.Sanitize(d.ReasonZH), Args: sanitizeAll(d.Args),
		Meaning: d.Hint, Raw: d.Raw, Source: source}
	if len(rp.Data) == 0 {
		rv.Raw = ""
	}
	rep.Revert = rv
	data["reason"] = diagnose.Sanitize(d.Reason)
	data["reason_zh"] = diagnose.Sanitize(cmp.Or(d.ReasonZH, d.Reason))
	data["hint"] = d.Hint
	data["plain"] = d.Plain
	data["plain_zh"] = d.PlainZH
}

// errorString is the ABI encoding of Error(reason).
func errorString(reason string) []byte {
	t, _ := abi.NewType("string", "", nil)
	body, err := abi.Arguments{{Type: t}}.Pack(reason)
	if err != nil {
		return nil
	}
	return append(hexutil.MustDecode(selErrorString), body...)
}

// selErrorString is Error(string).
const selErrorString = "0x08c379a0"

func sanitizeAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = diagnose.Sanitize(s)
	}
	return out
}
