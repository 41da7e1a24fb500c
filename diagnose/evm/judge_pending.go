package evm

import (
	"math/big"
	"slices"
	"sort"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// priceBump is geth's replacement rule: a same-nonce transaction replaces a
// pending one only if both its fee cap and its tip are at least 10% higher.
// The blob pool asks 100% for blob (type 3) transactions, blob fee cap too.
const (
	priceBump     = 10
	blobPriceBump = 100
)

// blobTxType is EIP-4844's transaction type.
const blobTxType = 3

// waitMinutes is how long a well-priced pending transaction may take before
// the user should look again.
const waitMinutes = 10

// ReplacementMin is the smallest value a replacement may offer for a fee
// field that was old: max(old × 110 / 100, old + 1), as geth's legacypool.
func ReplacementMin(old *big.Int) *big.Int { return replacementMin(old, priceBump) }

func replacementMin(old *big.Int, bump int64) *big.Int {
	m := new(big.Int).Mul(old, big.NewInt(100+bump))
	m.Div(m, big.NewInt(100))
	if plus := new(big.Int).Add(old, big.NewInt(1)); m.Cmp(plus) < 0 {
		return plus
	}
	return m
}

// bumpFor is the replacement rule for a transaction's type.
func bumpFor(tx *nodeTx) int64 {
	if uint64(tx.Type) == blobTxType {
		return blobPriceBump
	}
	return priceBump
}

func (e *Backend) judgePending(rep *diagnose.Report, f *Facts) {
	tx := f.Tx
	rep.Status = diagnose.StatusPending
	nonce := uint64(tx.Nonce)
	if f.LatestNonce != nil && *f.LatestNonce > nonce {
		// The nonce is used: another transaction with it was mined.
		rep.Status = diagnose.StatusReplaced
		rep.Add(diagnose.CodeReplaced, diagnose.SevWarn, map[string]string{"nonce": u64(nonce), "latest_nonce": u64(*f.LatestNonce), "chain": f.Chain.Name})
		return
	}
	fees, data := pendingFees(f)
	rep.Fees = fees
	judgeQueue(rep, f, data)
	feeCap, tip := offered(tx)
	next := nextBaseFee(f)
	median := medianTip(f)
	switch {
	case next != nil && feeCap.Cmp(next) < 0:
		rep.Add(diagnose.CodeUnderpriced, diagnose.SevError, data)
	case next == nil && f.GasPrice != nil && feeCap.Cmp(f.GasPrice) < 0:
		d := clone(data)
		d["gas_price"], d["base_fee"], d["next_base_fee"] = gwei(f.GasPrice), gwei(f.GasPrice), gwei(f.GasPrice)
		rep.Add(diagnose.CodeUnderpriced, diagnose.SevError, d)
	case median != nil && median.Sign() > 0 && effectiveTip(feeCap, tip, next).Cmp(median) < 0:
		d := clone(data)
		d["tip_p50"] = gwei(median)
		rep.Add(diagnose.CodeLowTip, diagnose.SevWarn, d)
	}
	if blobCap, blobBase := blobFeeCap(tx), nextBlobBaseFee(f); blobCap != nil && blobBase != nil && blobCap.Cmp(blobBase) < 0 && !rep.Has(diagnose.CodeUnderpriced) {
		d := clone(data)
		d["variant"] = "blob"
		rep.Add(diagnose.CodeUnderpriced, diagnose.SevError, d)
	}
	if f.Balance != nil {
		need := new(big.Int).Mul(new(big.Int).SetUint64(uint64(tx.Gas)), feeCap)
		need.Add(need, tx.Value.ToInt())
		if f.Balance.Cmp(need) < 0 {
			rep.Add(diagnose.CodeInsufficientFunds, diagnose.SevError, map[string]string{
				"balance": diagnose.FormatUnits(f.Balance, diagnose.WeiDecimals), "needed": diagnose.FormatUnits(need, diagnose.WeiDecimals), "symbol": coin(f.Chain),
				"short": diagnose.FormatUnits(new(big.Int).Sub(need, f.Balance), diagnose.WeiDecimals)})
		}
	}
	if f.Chain.PrivateMempool {
		// The node still holds it, so it may yet confirm: the words say to
		// replace it with the same nonce, never to send a new payment.
		rep.Add(diagnose.CodePrivateMempool, diagnose.SevInfo, map[string]string{"chain": f.Chain.Name, "variant": "pending"})
	}
	if len(rep.Findings) == 0 || onlyCodes(rep, diagnose.CodeWrongChain) {
		d := clone(data)
		delete(d, "variant")
		d["minutes"] = u64(waitMinutes)
		switch {
		case next != nil:
		case f.GasPrice != nil:
			d["variant"], d["gas_price"] = "gas_price", gwei(f.GasPrice)
		default:
			d["variant"] = "no_fee_data"
		}
		rep.Add(diagnose.CodeWaiting, diagnose.SevInfo, d)
	}
}

// onlyCodes: every finding so far is one of these codes (which say nothing
// about why it waits).
func onlyCodes(rep *diagnose.Report, codes ...diagnose.Code) bool {
	for _, f := range rep.Findings {
		if !slices.Contains(codes, f.Code) {
			return false
		}
	}
	return true
}

// pendingFees works out the replacement minimums and a suggestion that
// will be picked up, and the finding data that says them.
func pendingFees(f *Facts) (*diagnose.Fees, map[string]string) {
	tx := f.Tx
	feeCap, tip := offered(tx)
	next := nextBaseFee(f)
	fees := &diagnose.Fees{}
	if next != nil {
		fees.NextBaseFeeWei = next.String()
		if base := currentBaseFee(f); base != nil {
			fees.BaseFeeWei = base.String()
		}
	}
	median := medianTip(f)
	if median != nil {
		fees.TipP50Wei = median.String()
	}
	bump := bumpFor(tx)
	minFee, minTip := replacementMin(feeCap, bump), replacementMin(tip, bump)
	fees.ReplacementMinMaxFeeWei, fees.ReplacementMinTipWei = minFee.String(), minTip.String()
	sugTip := maxBig(minTip, bigOrZero(median))
	suggested := new(big.Int).Set(minFee)
	if next != nil {
		suggested = maxBig(suggested, new(big.Int).Add(new(big.Int).Mul(next, big.NewInt(2)), sugTip))
	}
	fees.SuggestedMaxFeeWei, fees.SuggestedTipWei = suggested.String(), sugTip.String()
	data := map[string]string{
		"fee_cap": gwei(feeCap), "tip": gwei(tip), "min_max_fee": gwei(minFee), "min_tip": gwei(minTip),
		"suggested_max_fee": gwei(suggested), "suggested_tip": gwei(sugTip), "nonce": u64(uint64(tx.Nonce)),
		"chain": f.Chain.Name, "bump_percent": u64(uint64(bump)), "variant": "suggested",
	}
	if next != nil {
		data["next_base_fee"] = gwei(next)
		data["base_fee"] = gwei(next)
	}
	if blobCap := blobFeeCap(tx); blobCap != nil {
		minBlob := replacementMin(blobCap, bump)
		fees.ReplacementMinBlobFeeCapWei = minBlob.String()
		data["blob_fee_cap"], data["min_blob_fee_cap"] = gwei(blobCap), gwei(minBlob)
		if bb := nextBlobBaseFee(f); bb != nil {
			fees.BlobBaseFeeWei = bb.String()
			data["blob_base_fee"] = gwei(bb)
		}
	}
	return fees, data
}

// judgeQueue compares the nonce with the sender's latest and pending
// nonces. Lower nonces all in the pool ⇒ queued_behind; the first one
// missing ⇒ nonce_gap naming it. The pending nonce is the next nonce after
// the sender's consecutive pooled transactions, so it is the missing one.
func judgeQueue(rep *diagnose.Report, f *Facts, data map[string]string) {
	nonce := uint64(f.Tx.Nonce)
	if f.LatestNonce == nil || *f.LatestNonce >= nonce {
		return
	}
	latest := *f.LatestNonce
	d := clone(data)
	delete(d, "variant")
	d["latest_nonce"], d["ahead"] = u64(latest), u64(nonce-latest)
	switch {
	case f.PendingNonce != nil && *f.PendingNonce > nonce:
		d["lowest_nonce"] = u64(latest)
		rep.Add(diagnose.CodeQueuedBehind, diagnose.SevInfo, d)
	default:
		missing := latest
		if f.PendingNonce != nil && *f.PendingNonce > latest {
			missing = *f.PendingNonce
		}
		d["missing_nonce"], d["missing_count"] = u64(missing), u64(nonce-missing)
		rep.Add(diagnose.CodeNonceGap, diagnose.SevError, d)
	}
}

// blobFeeCap is a blob transaction's max fee per blob gas, nil otherwise.
func blobFeeCap(tx *nodeTx) *big.Int {
	if tx.MaxFeePerBlobGas == nil {
		return nil
	}
	return tx.MaxFeePerBlobGas.ToInt()
}

// nextBlobBaseFee is the last entry of eth_feeHistory's baseFeePerBlobGas.
func nextBlobBaseFee(f *Facts) *big.Int {
	if f.FeeHistory == nil || len(f.FeeHistory.BlobBaseFee) == 0 {
		return nil
	}
	last := f.FeeHistory.BlobBaseFee[len(f.FeeHistory.BlobBaseFee)-1]
	if last == nil {
		return nil
	}
	return last.ToInt()
}

// offered is the fee cap and tip a transaction offers (legacy: both are
// its gas price).
func offered(tx *nodeTx) (feeCap, tip *big.Int) {
	if tx.MaxFeePerGas != nil && tx.MaxPriorityFeePerGas != nil {
		return tx.MaxFeePerGas.ToInt(), tx.MaxPriorityFeePerGas.ToInt()
	}
	gp := new(big.Int)
	if tx.GasPrice != nil {
		gp = tx.GasPrice.ToInt()
	}
	return gp, gp
}

// effectiveTip is what a miner would get: min(tip, feeCap - baseFee).
func effectiveTip(feeCap, tip, base *big.Int) *big.Int {
	if base == nil {
		return tip
	}
	room := new(big.Int).Sub(feeCap, base)
	if room.Cmp(tip) < 0 {
		return room
	}
	return tip
}

// nextBaseFee is the last entry of eth_feeHistory's baseFeePerGas.
func nextBaseFee(f *Facts) *big.Int {
	if f.FeeHistory == nil || len(f.FeeHistory.BaseFeePerGas) == 0 {
		return nil
	}
	last := f.FeeHistory.BaseFeePerGas[len(f.FeeHistory.BaseFeePerGas)-1]
	if last == nil || last.ToInt().Sign() == 0 {
		return nil
	}
	return last.ToInt()
}

func currentBaseFee(f *Facts) *big.Int {
	n := len(f.FeeHistory.BaseFeePerGas)
	if n < 2 || f.FeeHistory.BaseFeePerGas[n-2] == nil {
		return nil
	}
	return f.FeeHistory.BaseFeePerGas[n-2].ToInt()
}

// medianTip is the median of the recent blocks' 50th-percentile tips.
func medianTip(f *Facts) *big.Int {
	if f.FeeHistory == nil {
		return nil
	}
	var tips []*big.Int
	for _, r := range f.FeeHistory.Reward {
		if len(r) >= 2 && r[1] != nil {
			tips = append(tips, r[1].ToInt())
		}
	}
	if len(tips) == 0 {
		return nil
	}
	sort.Slice(tips, func(i, j int) bool { return tips[i].Cmp(tips[j]) < 0 })
	return tips[len(tips)/2]
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func clone(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+4)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// gwei writes a wei amount in gwei, exact, e.g. "1.5 gwei".
func gwei(v *big.Int) string { return diagnose.FormatUnits(v, 9) + " gwei" }
