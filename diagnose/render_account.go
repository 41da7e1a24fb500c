package diagnose

import (
	"fmt"
	"strconv"
	"strings"
)

// HasAnswer reports whether any network answered about the address.
func (r *AccountReport) HasAnswer() bool {
	return r != nil && (len(r.Chains) > 0 || len(r.Tron) > 0 || r.Bitcoin != nil)
}

// FamilyAccountRows lists the TRON and Bitcoin parts of an account report
// as label/value rows, in the units TronScan and mempool.space users read.
func FamilyAccountRows(r *AccountReport, lang string) [][2]string {
	var rows [][2]string
	add := func(en, zh, v string) {
		if v != "" {
			rows = append(rows, [2]string{label(lang, en, zh), v})
		}
	}
	for _, t := range r.Tron {
		add("network", "网络", Sanitize(t.Chain))
		if !t.Activated {
			add("activated", "已激活", label(lang, "no: it has never received TRX", "否：它从未收到过 TRX"))
			continue
		}
		add("TRX", "TRX", trx(t.BalanceSun))
		add("USDT", "USDT", Sanitize(t.USDTBalance))
		add("free bandwidth left", "剩余免费带宽", fmt.Sprintf("%d / %d", t.FreeNetLeft, t.FreeNetLimit))
		if t.StakedNetLeft > 0 {
			add("staked bandwidth left", "剩余质押带宽", strconv.FormatInt(t.StakedNetLeft, 10))
		}
		add("energy left", "剩余能量", fmt.Sprintf("%d / %d", t.EnergyLeft, t.EnergyLimit))
		add("owner keys", "owner 权限", permissionKeys(t.OwnerKeys))
		add("active keys", "active 权限", permissionKeys(t.ActiveKeys))
		if t.ForeignKey {
			add("! permissions", "! 权限", label(lang, "another key controls this account", "另一把密钥控制着这个账户"))
		}
	}
	if b := r.Bitcoin; b != nil {
		add("network", "网络", "Bitcoin")
		add("confirmed", "已确认余额", Sanitize(b.Confirmed)+" BTC")
		if b.UnconfirmedTxs > 0 || b.UnconfirmedSat != 0 {
			add("unconfirmed", "未确认变动", Sanitize(b.Unconfirmed)+" BTC")
		}
		add("waiting transactions", "等待确认的交易", strconv.FormatInt(b.UnconfirmedTxs, 10))
		add("transactions", "交易数", strconv.FormatInt(b.TxCount, 10))
	}
	return rows
}

func permissionKeys(keys []PermissionKey) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = Sanitize(k.Address)
	}
	return strings.Join(parts, ", ")
}
