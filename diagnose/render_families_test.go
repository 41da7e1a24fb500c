package diagnose

import (
	"strings"
	"testing"
)

func TestFamilyKeyNumbers(t *testing.T) {
	tron := &Report{Family: FamilyTron, Status: StatusFailed,
		Tx:      &TxInfo{Hash: "ab", From: "TXYZ", To: "TUSDT", Nonce: 0},
		Receipt: &Receipt{Block: 70000000},
		Tron: &TronInfo{ContractRet: "OUT_OF_ENERGY", FeeSun: 16500120, EnergyUsed: 78572, EnergyFeeSun: 16500120,
			EnergyPenalty: 25905, NetUsed: 345, FeeLimitSun: 30000000, Solidified: true}}
	btc := &Report{Family: FamilyBitcoin, Status: StatusPending, Tx: &TxInfo{Hash: "cd"},
		Bitcoin: &BitcoinInfo{FeeSat: 1410, VSize: 141, FeeRateSatVB: 10, NextBlockFeeRateSatVB: 25, MinFeeRateSatVB: 1,
			RBFSignaled: true, RBFMinFeeSat: 3666, CPFPChildFeeSat: 4880}}
	tests := []struct {
		name, lang string
		rep        *Report
		want, not  []string
	}{
		{"tron en", "en", tron, []string{"16.50012 TRX", "energy used=78572", "extra energy (popular contract)=25905", "fee limit=30 TRX", "solidified=yes", "block=70000000"}, []string{"nonce", "gwei"}},
		{"tron zh", "zh", tron, []string{"消耗能量=78572", "已固化=是"}, []string{"energy", "yes"}},
		{"bitcoin en", "en", btc, []string{"1410 sat (0.0000141 BTC)", "size=141 vB", "fee rate=10 sat/vB", "next block needs=25 sat/vB",
			"replaceable (RBF)=yes", "speed up (RBF): fee ≥=3666 sat", "child fee=4880 sat"}, []string{"nonce", "gwei", "solidified"}},
		{"bitcoin zh", "zh", btc, []string{"费率=10 sat/vB", "可替换（RBF）=是"}, []string{"fee rate", "yes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, r := range KeyNumbers(tt.rep, tt.lang) {
				b.WriteString(r[0] + "=" + r[1] + "\n")
			}
			got := b.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("has %q:\n%s", n, got)
				}
			}
		})
	}
}
