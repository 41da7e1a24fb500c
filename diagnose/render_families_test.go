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
		{"tron en", "en", tron, []string{"16.50012 TRX", "energy used=78572", "energy surcharge=25905", "fee limit=30 TRX", "solidified=yes", "block=70000000"}, []string{"nonce", "gwei"}},
		{"tron zh", "zh", tron, []string{"消耗能量=78572", "已固化=是"}, []string{"energy", "yes"}},
		{"tron zh contract type", "zh", &Report{Family: FamilyTron, Tx: &TxInfo{Hash: "ab", Method: "TriggerSmartContract"}},
			[]string{"调用=调用智能合约"}, []string{"Trigger"}},
		{"tron en contract type", "en", &Report{Family: FamilyTron, Tx: &TxInfo{Hash: "ab", Method: "TriggerSmartContract"}},
			[]string{"method=TriggerSmartContract"}, nil},
		{"bitcoin en", "en", btc, []string{"1410 sat (0.0000141 BTC)", "size=141 vB", "fee rate=10 sat/vB", "next block needs=25 sat/vB",
			"replaceable (RBF)=yes", "RBF bump: fee ≥=3666 sat", "CPFP child: fee=4880 sat"}, []string{"nonce", "gwei", "solidified"}},
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

// TestFamilyTextFitsATerminal: the key numbers of a TRON and a Bitcoin
// report fit 80 columns in both languages, a txid on its own line when
// the labels leave it no room, and a replaced transaction's unknown size
// is not shown as 0.
func TestFamilyTextFitsATerminal(t *testing.T) {
	txid := strings.Repeat("e6", 32)
	tron := &Report{Family: FamilyTron, Status: StatusFailed,
		Tx:      &TxInfo{Hash: txid, From: "TJoaVSdktrnndU4dmKm33SWMKoXt4LLFbU", To: "TUikLT3nTTjTkXPAuC4xUGj84vfSERCWRn"},
		Receipt: &Receipt{Block: 66860010},
		Tron: &TronInfo{ContractRet: "OUT_OF_ENERGY", FeeSun: 16500120, EnergyUsed: 78572, EnergyFeeSun: 16500120,
			EnergyPenalty: 25905, NetUsed: 345, NetFeeSun: 345000, FeeLimitSun: 30000000, Solidified: true}}
	btc := &Report{Family: FamilyBitcoin, Status: StatusPending,
		Bitcoin: &BitcoinInfo{FeeSat: 1185, VSize: 226, FeeRateSatVB: 5.24, NextBlockFeeRateSatVB: 7, MinFeeRateSatVB: 2,
			RBFSignaled: true, RBFMinFeeSat: 1411, CPFPChildFeeSat: 1741}}
	replaced := &Report{Family: FamilyBitcoin, Status: StatusReplaced, Bitcoin: &BitcoinInfo{ReplacedBy: txid}}
	for _, lang := range []string{"en", "zh"} {
		for name, rep := range map[string]*Report{"tron": tron, "bitcoin": btc, "replaced": replaced} {
			text := Text(rep, lang)
			for _, l := range strings.Split(text, "\n")[1:] {
				if !strings.HasPrefix(l, "  ") {
					break // the key numbers end
				}
				if cellWidth(l) > textColumns {
					t.Errorf("%s %s: %d columns: %q", name, lang, cellWidth(l), l)
				}
			}
			if name == "tron" && !strings.Contains(text, "\n    "+txid+"\n") {
				t.Errorf("%s %s: the txid is not whole on its own line:\n%s", name, lang, text)
			}
			if name == "replaced" && strings.Contains(text, "0 vB") {
				t.Errorf("replaced %s shows an unknown size:\n%s", lang, text)
			}
		}
	}
}
