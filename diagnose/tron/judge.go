package tron

import (
	"cmp"
	"encoding/hex"
	"strings"
	"time"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/evm/revert"
)

// solidBlocks is how many blocks make a TRON block final: 19 of 27 SRs
// (TRON.md 1.4).
const solidBlocks = 19

// Chain parameters the rules read (getchainparameters keys).
const (
	paramEnergyFee        = "getEnergyFee"
	paramTransactionFee   = "getTransactionFee"
	paramNewAccountFee    = "getCreateNewAccountFeeInSystemContract"
	paramCreateAccountFee = "getCreateAccountFee"
)

// judge turns the facts of one network into a report: status, TRON
// numbers, transfers and findings. It does no I/O; now is used only when
// the head block's time is unknown.
func judge(f *txFacts, dec *revert.Decoder, now time.Time) *diagnose.Report {
	rep := &diagnose.Report{Family: diagnose.FamilyTron, Status: diagnose.StatusNotFound,
		Chain: chainRef(f.Network, f.TxID), Transfers: []diagnose.Transfer{}, Findings: []diagnose.Finding{}}
	body := f.Tx
	if body == nil {
		body = f.Pending
	}
	c := decodeCall(body)
	if body != nil {
		rep.Tx = txInfo(f.TxID, c)
	}
	switch {
	case f.Info != nil:
		judgeInBlock(rep, f, c, dec)
	case body != nil:
		judgeUnmined(rep, f, body, now)
	default:
		rep.Add(diagnose.CodeNotFound, diagnose.SevWarn, map[string]string{"variant": "tron", "chain": f.Network.Name})
	}
	if f.Owner != nil && c.owner != nil {
		if keys, foreign := foreignKeys(f.Owner, *c.owner); foreign {
			rep.Add(diagnose.CodePermissionChanged, diagnose.SevError, map[string]string{
				"account": c.owner.String(), "keys": strings.Join(keys, ", ")})
		}
	}
	if len(f.Notes) > 0 {
		rep.Add(diagnose.CodeRPCDegraded, diagnose.SevInfo, map[string]string{"variant": "tron_round2"})
	}
	return rep
}

func chainRef(n Network, txid string) *diagnose.ChainRef {
	return &diagnose.ChainRef{ID: n.ChainID, Key: n.Key, Name: n.Name, Symbol: n.Symbol, ExplorerTxURL: n.TxURL(txid)}
}

func txInfo(txid string, c call) *diagnose.TxInfo {
	t := &diagnose.TxInfo{Hash: txid, ValueWei: i64(c.sun), Method: c.kind}
	if c.owner != nil {
		t.From = c.owner.String()
	}
	switch {
	case c.token != nil && c.to != nil:
		t.To, t.Method = c.to.String(), "transfer(address,uint256)"
	case c.to != nil:
		t.To = c.to.String()
	case c.contract != nil:
		t.To = c.contract.String()
	}
	return t
}

// contractRet is the transaction's result word: the body's ret, else the
// receipt's; "" is DEFAULT (a plain transfer's receipt has none).
func contractRet(f *txFacts) string {
	if f.Tx != nil && len(f.Tx.Ret) > 0 && f.Tx.Ret[0].ContractRet != "" {
		return f.Tx.Ret[0].ContractRet
	}
	return f.Info.Receipt.Result
}

func judgeInBlock(rep *diagnose.Report, f *txFacts, c call, dec *revert.Decoder) {
	in := f.Info
	ret := contractRet(f)
	info := &diagnose.TronInfo{ContractRet: ret, FeeSun: nonNeg(in.Fee), EnergyUsed: nonNeg(in.Receipt.EnergyUsageTotal),
		EnergyFeeSun: nonNeg(in.Receipt.EnergyFee), EnergyPenalty: nonNeg(in.Receipt.EnergyPenaltyTotal),
		NetUsed: nonNeg(in.Receipt.NetUsage), NetFeeSun: nonNeg(in.Receipt.NetFee),
		ResMessage: decodeResMessage(in.ResMessage), Solidified: f.Solidified}
	if ret == "" {
		info.ContractRet = "DEFAULT"
	}
	if f.Tx != nil && f.Tx.RawData != nil {
		info.FeeLimitSun = nonNeg(f.Tx.RawData.FeeLimit)
		if f.Tx.RawData.Expiration > 0 {
			info.Expiration = rfc3339(f.Tx.RawData.Expiration)
		}
	}
	rep.Tron = info
	block := nonNeg(in.BlockNumber)
	rep.Receipt = &diagnose.Receipt{Block: uint64(block), GasUsed: uint64(info.EnergyUsed), FeeWei: i64(info.FeeSun)}
	if f.HeadNumber >= block {
		rep.Confirmations = uint64(f.HeadNumber - block)
	}
	failed := in.Result == "FAILED" || (ret != "" && ret != "DEFAULT" && ret != "SUCCESS")
	if !failed {
		rep.Status = diagnose.StatusSuccess
		judgeSuccess(rep, f, c)
		return
	}
	rep.Status = diagnose.StatusFailed
	switch ret {
	case "OUT_OF_ENERGY":
		judgeOutOfEnergy(rep, f, c)
	case "REVERT":
		judgeRevert(rep, f, c, dec)
	default:
		rep.Add(diagnose.CodeReverted, diagnose.SevError, map[string]string{"variant": "tron_other",
			"result": sanitizeWord(ret), "fee": trx(info.FeeSun), "symbol": f.Network.Symbol})
	}
}

func judgeSuccess(rep *diagnose.Report, f *txFacts, c call) {
	for _, t := range transfersIn(f.Info) {
		tr := transferOf(f.Network, t)
		rep.Transfers = append(rep.Transfers, tr)
		if !rep.Has(diagnose.CodeTokenTransfer) {
			sym := tr.Symbol
			if sym == "" {
				sym = tr.Token
			}
			rep.Add(diagnose.CodeTokenTransfer, diagnose.SevInfo, map[string]string{"amount": tr.Amount,
				"symbol": sym, "token": tr.Token, "from": tr.From, "to": tr.To, "chain": f.Network.Name})
		}
	}
	if !f.Solidified {
		rep.Add(diagnose.CodeLowConfirmations, diagnose.SevInfo, map[string]string{"variant": "tron",
			"confirmations": u64(rep.Confirmations), "target": i64(solidBlocks)})
	}
	if c.to == nil {
		return
	}
	switch {
	case c.token != nil && c.contract != nil && *c.to == *c.contract:
		rep.Add(diagnose.CodeSentToTokenContract, diagnose.SevError, map[string]string{"amount": amountOf(f.Network, c),
			"symbol": tokenWord(f, c), "to": c.to.String()})
	case f.Recipient != nil && f.Recipient.Type == "Contract":
		rep.Add(diagnose.CodeSentToContract, diagnose.SevWarn, map[string]string{"to": c.to.String()})
	case c.kind == "TransferContract" && f.Params != nil && f.Params[paramNewAccountFee] > 0 && f.Info.Fee >= f.Params[paramNewAccountFee]:
		rep.Add(diagnose.CodeAccountActivation, diagnose.SevInfo, map[string]string{"variant": "trx",
			"to": c.to.String(), "fee": trx(f.Info.Fee), "activation_fee": trx(f.Params[paramNewAccountFee]),
			"create_fee": trx(f.Params[paramCreateAccountFee])})
	case c.token != nil && f.Asked.recipient != nil && f.Recipient == nil:
		rep.Add(diagnose.CodeAccountActivation, diagnose.SevInfo, map[string]string{"variant": "token", "to": c.to.String()})
	}
}

func transferOf(n Network, t tokenTransfer) diagnose.Transfer {
	tr := diagnose.Transfer{Standard: "trc20", Token: t.token.String(), From: t.from.String(), To: t.to.String(),
		RawValue: t.amount.String(), Amount: t.amount.String()}
	if t.token == n.USDT {
		d := uint8(6)
		tr.Symbol, tr.Decimals, tr.Amount = "USDT", &d, formatUnits(t.amount, 6)
	}
	return tr
}

// judgeOutOfEnergy says what ran out and what the same transfer needs next
// time. From java-tron's message, the transfer needed at least the energy
// used before the failing step plus that step with its penalty
// (usedEnergy + curOpEnergy + penaltyEnergy): 121,567 for receipt B2,
// in line with the ~130,000 a first USDT transfer to a new holder takes
// (TRON.md 1.4). It is a lower bound (the steps after it are not counted),
// so the words say "more than". Prices are today's, from
// getchainparameters.
func judgeOutOfEnergy(rep *diagnose.Report, f *txFacts, c call) {
	in, info := f.Info, rep.Tron
	data := map[string]string{"burned": trx(info.FeeSun), "energy_used": i64(info.EnergyUsed),
		"energy_limit": i64(info.EnergyUsed), "penalty": i64(info.EnergyPenalty), "token": tokenWord(f, c)}
	oe, parsed := parseOutOfEnergy(info.ResMessage)
	var needed int64
	if parsed {
		data["energy_limit"] = i64(oe.limit)
		data["op"] = oe.op
		needed = oe.used + oe.opEnergy + oe.penalty
	}
	price := f.Params[paramEnergyFee]
	staked := int64(0)
	if r := f.Resources; r != nil && r.EnergyLimit > r.EnergyUsed {
		staked = r.EnergyLimit - r.EnergyUsed
	}
	code := diagnose.CodeOutOfEnergy
	// The limit was hit when the energy fee is within 1% of it.
	limitHit := info.FeeLimitSun > 0 && nonNeg(in.Receipt.EnergyFee) >= info.FeeLimitSun-info.FeeLimitSun/100
	if limitHit {
		code = diagnose.CodeFeeLimitHit
		data["fee_limit"] = trx(info.FeeLimitSun)
	}
	if needed <= 0 || price <= 0 {
		data["variant"] = "no_estimate"
		rep.Add(code, diagnose.SevError, data)
		return
	}
	data["energy_needed"] = i64(needed)
	data["price_sun"] = i64(price)
	data["staked_energy"] = i64(staked)
	data["fee_limit_needed"] = trxTimes(needed, price)
	short := needed - staked
	if short < 0 {
		short = 0
	}
	data["trx_needed"] = trxTimes(short, price)
	if fee := f.Params[paramTransactionFee]; fee > 0 && info.NetUsed+info.NetFeeSun > 0 {
		bytes := info.NetUsed
		if bytes == 0 {
			bytes = info.NetFeeSun / fee
		}
		data["net_trx"] = trxTimes(bytes, fee)
	} else {
		data["net_trx"] = "?"
	}
	if f.Owner != nil {
		data["balance"] = trx(nonNeg(f.Owner.Balance))
	} else {
		data["balance"] = "?"
	}
	rep.Add(code, diagnose.SevError, data)
}

// amountOf is the token amount a transfer call asked to move, in the
// token's units when the token is known.
func amountOf(n Network, c call) string {
	if c.contract != nil && *c.contract == n.USDT {
		return formatUnits(c.token, 6)
	}
	return c.token.String()
}

// tokenWord names what the transfer tried to move.
func tokenWord(f *txFacts, c call) string {
	if c.contract != nil && *c.contract == f.Network.USDT {
		return "USDT"
	}
	if c.contract != nil {
		return c.contract.String()
	}
	return f.Network.Symbol
}

func judgeRevert(rep *diagnose.Report, f *txFacts, c call, dec *revert.Decoder) {
	fee := trx(rep.Tron.FeeSun)
	if f.Blacklisted != nil && *f.Blacklisted && c.owner != nil {
		rep.Add(diagnose.CodeBlacklisted, diagnose.SevError, map[string]string{"address": c.owner.String(), "fee": fee})
		return
	}
	var data []byte
	if len(f.Info.ContractResult) > 0 {
		data, _ = hex.DecodeString(f.Info.ContractResult[0])
	}
	if len(data) >= 4 {
		d := dec.Decode(data)
		rep.Revert = &diagnose.Revert{Selector: d.Selector, Name: d.Name, Reason: d.Reason, Args: d.Args, Meaning: d.Plain, Raw: d.Raw}
		if d.Reason != "" {
			rep.Add(diagnose.CodeReverted, diagnose.SevError, map[string]string{"reason": d.Reason, "reason_zh": cmp.Or(d.ReasonZH, d.Reason),
				"plain": d.Plain, "plain_zh": d.PlainZH, "fee": fee, "symbol": f.Network.Symbol})
			return
		}
	}
	variant := "tron_no_reason"
	if c.contract != nil && *c.contract == f.Network.USDT && f.Blacklisted != nil {
		variant = "tron_usdt_not_frozen"
	}
	rep.Add(diagnose.CodeReverted, diagnose.SevError, map[string]string{"variant": variant, "fee": fee, "symbol": f.Network.Symbol})
}

func judgeUnmined(rep *diagnose.Report, f *txFacts, body *txAnswer, now time.Time) {
	exp := int64(0)
	if body.RawData != nil {
		exp = body.RawData.Expiration
	}
	ref := f.HeadTimeMS
	if ref <= 0 {
		ref = now.UnixMilli()
	}
	rep.Tron = &diagnose.TronInfo{}
	if body.RawData != nil {
		rep.Tron.FeeLimitSun = nonNeg(body.RawData.FeeLimit)
	}
	if exp > 0 {
		rep.Tron.Expiration = rfc3339(exp)
	}
	if exp > 0 && exp <= ref {
		rep.Status = diagnose.StatusDropped
		rep.Add(diagnose.CodeExpired, diagnose.SevWarn, map[string]string{"expired_at": utc(exp), "checked_at": utc(ref)})
		return
	}
	rep.Status = diagnose.StatusPending
}

// foreignKeys lists the owner-permission keys other than the account's own
// address, and whether the account can no longer act alone: its own key is
// missing or weighs less than the threshold.
func foreignKeys(a *accountAnswer, self Address) ([]string, bool) {
	p := a.OwnerPermission
	if p == nil || len(p.Keys) == 0 {
		return nil, false
	}
	var others []string
	own := int64(0)
	for _, k := range p.Keys {
		ka, err := ParseAddress(k.Address)
		if err != nil {
			others = append(others, "?")
			continue
		}
		if ka == self {
			own += k.Weight
			continue
		}
		others = append(others, ka.String())
	}
	threshold := p.Threshold
	if threshold <= 0 {
		threshold = 1
	}
	return others, own < threshold
}

func nonNeg(v int64) int64 {
	if v < 0 {
		return 0
	}
	return v
}

func u64(v uint64) string { return i64(int64(v)) }

// sanitizeWord keeps a node's enum word to letters, digits and _.
func sanitizeWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}
