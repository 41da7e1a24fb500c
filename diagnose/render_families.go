package diagnose

import (
	"fmt"
	"math/big"
	"strconv"
)

// familyKeyNumbers lists a TRON or Bitcoin report's key numbers.
func familyKeyNumbers(rep *Report, lang string) [][2]string {
	var rows [][2]string
	add := func(en, zh, v string) {
		if v != "" {
			rows = append(rows, [2]string{label(lang, en, zh), v})
		}
	}
	if tx := rep.Tx; tx != nil {
		add("tx", "交易", Sanitize(tx.Hash))
		add("from", "发送方", Sanitize(tx.From))
		add("to", "接收方", Sanitize(tx.To))
		if v, ok := new(big.Int).SetString(tx.ValueWei, 10); ok && v.Sign() > 0 && rep.Family == FamilyTron {
			add("value", "金额", FormatUnits(v, 6)+" TRX")
		}
		add("method", "调用", method(rep.Family, tx.Method, lang))
	}
	if r := rep.Receipt; r != nil && r.Block > 0 {
		add("block", "区块", strconv.FormatUint(r.Block, 10))
	}
	familyNumbers(rep, lang, add)
	return rows
}

// familyNumbers adds a TRON or Bitcoin report's key numbers in the units
// TronScan and mempool.space users read: TRX and sun, energy and bandwidth;
// BTC and sat, vbytes and sat/vB.
func familyNumbers(rep *Report, lang string, add func(en, zh, v string)) {
	if t := rep.Tron; t != nil {
		add("result", "执行结果", Sanitize(t.ContractRet))
		add("fee paid", "手续费", trx(t.FeeSun))
		if t.EnergyUsed > 0 || t.EnergyFeeSun > 0 {
			add("energy used", "消耗能量", strconv.FormatInt(t.EnergyUsed, 10))
			add("energy burned", "燃烧 TRX 换能量", trx(t.EnergyFeeSun))
		}
		if t.EnergyPenalty > 0 {
			add("energy surcharge", "额外能量（热门合约）", strconv.FormatInt(t.EnergyPenalty, 10))
		}
		if t.NetUsed > 0 || t.NetFeeSun > 0 {
			add("bandwidth used", "消耗带宽", strconv.FormatInt(t.NetUsed, 10))
			if t.NetFeeSun > 0 {
				add("bandwidth burned", "燃烧 TRX 换带宽", trx(t.NetFeeSun))
			}
		}
		if t.FeeLimitSun > 0 {
			add("fee limit", "费用上限", trx(t.FeeLimitSun))
		}
		if t.Expiration != "" && rep.Receipt == nil {
			add("expires", "过期时间", Sanitize(t.Expiration))
		}
		if rep.Status == StatusSuccess || rep.Status == StatusFailed {
			add("solidified", "已固化", label(lang, yesNo(t.Solidified, "yes", "not yet"), yesNo(t.Solidified, "是", "尚未")))
		}
	}
	if b := rep.Bitcoin; b != nil {
		add("fee paid", "手续费", sats(b.FeeSat))
		if b.VSize > 0 { // a replaced transaction's size is not known
			add("size", "大小", fmt.Sprintf("%d vB", b.VSize))
		}
		add("fee rate", "费率", satVB(b.FeeRateSatVB))
		add("next block needs", "下一区块需要", satVB(b.NextBlockFeeRateSatVB))
		add("minimum to relay", "最低转发费率", satVB(b.MinFeeRateSatVB))
		if rep.Status == StatusPending {
			add("replaceable (RBF)", "可替换（RBF）", label(lang, yesNo(b.RBFSignaled, "yes", "no"), yesNo(b.RBFSignaled, "是", "否")))
		}
		if b.RBFMinFeeSat > 0 {
			add("RBF bump: fee ≥", "RBF 加速：手续费 ≥", sats(b.RBFMinFeeSat))
		}
		if b.CPFPChildFeeSat > 0 {
			add("CPFP child: fee", "CPFP 子交易：手续费", sats(b.CPFPChildFeeSat))
		}
		add("replaced by", "替换它的交易", Sanitize(b.ReplacedBy))
	}
}

// method is the transaction's method: a TRON contract type TronScan
// users know is said in Chinese under zh; anything else is node text.
func method(f Family, m, lang string) string {
	if f == FamilyTron && lang == "zh" {
		switch m {
		case "TransferContract":
			return "TRX 转账"
		case "TransferAssetContract":
			return "TRC-10 代币转账"
		case "TriggerSmartContract":
			return "调用智能合约"
		}
	}
	return Sanitize(m)
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// trx writes sun as TRX (6 decimals), e.g. "16.50012 TRX".
func trx(sun int64) string {
	if sun == 0 {
		return "0 TRX"
	}
	return FormatUnits(big.NewInt(sun), 6) + " TRX"
}

// sats writes satoshi with their BTC value, e.g. "1410 sat (0.0000141 BTC)".
func sats(v int64) string {
	if v == 0 {
		return ""
	}
	return fmt.Sprintf("%d sat (%s BTC)", v, FormatUnits(big.NewInt(v), 8))
}

// satVB writes a fee rate, "" when unknown.
func satVB(r float64) string {
	if r <= 0 {
		return ""
	}
	return strconv.FormatFloat(r, 'f', -1, 64) + " sat/vB"
}
