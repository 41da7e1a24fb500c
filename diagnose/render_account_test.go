package diagnose

import (
	"strings"
	"testing"
)

func TestFamilyAccountRows(t *testing.T) {
	tron := &AccountReport{Tron: []TronAccount{{Chain: "TRON", Activated: true, BalanceSun: 2500000, USDTBalance: "10.5",
		FreeNetLeft: 600, FreeNetLimit: 600, EnergyLeft: 0, EnergyLimit: 0,
		OwnerKeys: []PermissionKey{{Address: "TFOREIGN", Weight: 1}}, ForeignKey: true}}}
	fresh := &AccountReport{Tron: []TronAccount{{Chain: "TRON", Activated: false}}}
	btc := &AccountReport{Bitcoin: &BitcoinAccount{Confirmed: "0.5", Unconfirmed: "-0.1", UnconfirmedSat: -10000000, UnconfirmedTxs: 1, TxCount: 7}}
	tests := []struct {
		name, lang string
		rep        *AccountReport
		want       []string
	}{
		{"tron", "en", tron, []string{"TRX=2.5 TRX", "USDT=10.5", "free bandwidth left=600 / 600", "owner keys=TFOREIGN", "! permissions=another key"}},
		{"tron zh", "zh", tron, []string{"剩余能量=0 / 0", "! 权限=另一把密钥"}},
		{"not activated", "en", fresh, []string{"activated=no"}},
		{"bitcoin", "en", btc, []string{"confirmed=0.5 BTC", "unconfirmed=-0.1 BTC", "waiting transactions=1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, r := range FamilyAccountRows(tt.rep, tt.lang) {
				b.WriteString(r[0] + "=" + r[1] + "\n")
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("lacks %q:\n%s", w, b.String())
				}
			}
			if !tt.rep.HasAnswer() {
				t.Error("HasAnswer false")
			}
		})
	}
	if (&AccountReport{}).HasAnswer() {
		t.Error("an empty report has an answer")
	}
}
