package diagnose

import (
	"math/big"
	"strings"
)

// defaultConfirmationTarget is what many exchanges wait for before they
// credit a deposit; below it the user hears "not final for an exchange yet".
const defaultConfirmationTarget = 12

func (e *Engine) judgeMined(rep *Report, f *Facts) {
	r := f.Receipt
	block := r.BlockNumber.ToInt().Uint64()
	if f.Head >= block {
		rep.Confirmations = f.Head - block + 1
	}
	rec := &Receipt{Block: block, GasUsed: uint64(r.GasUsed)}
	fee := new(big.Int)
	if r.EffectiveGasPrice != nil {
		rec.EffectiveGasPriceWei = r.EffectiveGasPrice.ToInt().String()
		fee.Mul(r.EffectiveGasPrice.ToInt(), new(big.Int).SetUint64(uint64(r.GasUsed)))
	}
	if r.L1Fee != nil {
		rec.L1FeeWei = r.L1Fee.ToInt().String()
		fee.Add(fee, r.L1Fee.ToInt())
	}
	rec.FeeWei = fee.String()
	rep.Receipt = rec
	rep.Transfers = transfersOf(r.Logs, f.Tokens)
	if rep.Transfers == nil {
		rep.Transfers = []Transfer{}
	}
	if r.Status != nil && *r.Status == 0 {
		rep.Status = StatusFailed
		e.judgeFailed(rep, f, fee)
	} else {
		rep.Status = StatusSuccess
		e.judgeSuccess(rep, f)
	}
	if rep.Confirmations < defaultConfirmationTarget {
		rep.add(CodeLowConfirmations, SevInfo, map[string]string{
			"confirmations": u64(rep.Confirmations), "target": u64(defaultConfirmationTarget), "chain": f.Chain.Name})
	}
}

func (e *Engine) judgeSuccess(rep *Report, f *Facts) {
	for _, t := range rep.Transfers {
		data := map[string]string{"token": t.Token, "symbol": t.Symbol, "amount": t.Amount, "to": t.To, "from": t.From,
			"standard": t.Standard, "token_id": t.TokenID, "chain": f.Chain.Name}
		if strings.EqualFold(t.To, t.Token) {
			rep.add(CodeSentToTokenContract, SevError, data)
			continue
		}
		rep.add(CodeTokenTransfer, SevInfo, data)
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
	if len(code) == 0 || isDelegation(code) {
		return
	}
	for _, t := range rep.Transfers {
		if strings.EqualFold(t.To, f.Recipient.Hex()) && strings.EqualFold(t.To, t.Token) {
			return // already said: sent to the token's own contract
		}
	}
	data := map[string]string{"to": f.Recipient.Hex(), "chain": f.Chain.Name}
	if len(f.Tx.Input) == 0 {
		data["amount"], data["symbol"] = formatUnits(f.Tx.Value.ToInt(), 18), coin(f.Chain)
	}
	rep.add(CodeSentToContract, SevWarn, data)
}

func isDelegation(code []byte) bool {
	return len(code) == 23 && string(code[:3]) == delegationPrefix
}

func (e *Engine) judgeFailed(rep *Report, f *Facts, fee *big.Int) {
	data := map[string]string{"fee": formatUnits(fee, 18), "symbol": coin(f.Chain)}
	tx := f.Tx
	rp := f.Replay
	outOfGas := tx != nil && uint64(f.Receipt.GasUsed) >= uint64(tx.Gas) && (rp == nil || len(rp.Data) == 0)
	if rp != nil && rp.OutOfGas {
		outOfGas = true
	}
	if rp != nil && len(rp.Data) > 0 {
		d := e.decoder.Decode(rp.Data)
		rep.Revert = &Revert{Selector: d.Selector, Name: d.Name, Reason: sanitize(d.Reason), Args: sanitizeAll(d.Args),
			Meaning: d.Hint, Raw: d.Raw}
		data["reason"] = sanitize(d.Reason)
		data["hint"] = d.Hint
		data["plain"] = d.Plain
		data["plain_zh"] = d.PlainZH
		rep.add(CodeReverted, SevError, data)
		return
	}
	switch {
	case outOfGas:
		data["gas_limit"] = u64(uint64(tx.Gas))
		data["gas_used"] = u64(uint64(f.Receipt.GasUsed))
		rep.add(CodeOutOfGas, SevError, data)
	case rp != nil && rp.StateMissing:
		rep.add(CodeReverted, SevError, data)
		rep.add(CodeStateUnavailable, SevWarn, map[string]string{"chain": f.Chain.Name})
	case rp != nil && rp.Succeeded:
		data["variant"] = "replay_ok"
		rep.add(CodeReverted, SevError, data)
	case rp != nil && rp.Reverted:
		data["variant"] = "no_reason"
		rep.add(CodeReverted, SevError, data)
	default:
		data["variant"] = "no_reason"
		rep.add(CodeReverted, SevError, data)
	}
}
