package diagnose

import (
	"strings"
	"testing"
)

func TestRevertLineNamesOnce(t *testing.T) {
	tests := []struct {
		name string
		rv   Revert
		want string
	}{
		{"custom error without arguments", Revert{Name: "V3TooLittleReceived()", Reason: "V3TooLittleReceived()"}, "V3TooLittleReceived()"},
		{"custom error with arguments", Revert{Name: "InsufficientBalance(uint256,uint256)", Reason: "InsufficientBalance(1, 2)"}, "InsufficientBalance(1, 2)"},
		{"error string", Revert{Name: "Error(string)", Reason: "STF"}, "Error(string): STF"},
		{"no name", Revert{Reason: "out of gas"}, "out of gas"},
		{"no reason", Revert{Name: "Panic(uint256)"}, "Panic(uint256)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := revertLine(&tt.rv, "en"); got != tt.want {
				t.Errorf("revertLine = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownFindingsHaveOneBullet(t *testing.T) {
	rep := &Report{Status: StatusFailed, Findings: []Finding{
		{Code: CodeOutOfGas, Severity: SevError, Data: map[string]string{"gas_used": "60000", "gas_limit": "60000", "fee": "0.1", "symbol": "ETH"}},
		{Code: CodeLowConfirmations, Severity: SevInfo, Data: map[string]string{"confirmations": "1"}},
	}}
	for _, lang := range []string{"en", "zh"} {
		Localize(rep, lang)
		md := Markdown(rep, lang)
		for _, double := range []string{"- •", "- ✗", "- !"} {
			if strings.Contains(md, double) {
				t.Errorf("%s: Markdown has a double bullet %q:\n%s", lang, double, md)
			}
		}
		if strings.Contains(md, "60000 of its gas limit 60000") || strings.Contains(md, "（已用 60000）") {
			t.Errorf("%s: the out-of-gas line repeats the limit:\n%s", lang, md)
		}
	}
}

func TestTextPadsByDisplayWidth(t *testing.T) {
	rep := &Report{Status: StatusFailed, Tx: &TxInfo{Hash: "0xab", From: "0xcd", Nonce: 1}, Receipt: &Receipt{Block: 7, GasUsed: 21000}}
	lines := strings.Split(Text(rep, "zh"), "\n")
	col := -1
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "  ") || strings.TrimSpace(l) == "" {
			break
		}
		i := strings.Index(l, "  0x")
		if i < 0 {
			i = strings.LastIndex(l, "  ") // a number column
		}
		w := cellWidth(l[:i])
		if col >= 0 && w != col {
			t.Errorf("values start at column %d and %d:\n%s", col, w, strings.Join(lines, "\n"))
		}
		col = w
	}
}
