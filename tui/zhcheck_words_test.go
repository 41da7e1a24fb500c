package tui

import (
	"slices"
	"testing"
)

func TestEnglishWords(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		allowed []string
		want    []string
	}{
		{"chinese with technical words", "它的最高费用是 4 gwei，nonce 为 7，在 Ethereum 上", nil, nil},
		{"an english sentence", "✗ 失败 · the node said no", nil, []string{"the", "node", "said", "no"}},
		{"hashes, links, codes and calls", "交易 0x5c50ab https://bscscan.com/tx/0xab [underpriced] `unstuck check <tx-hash>` transfer(address,uint256) OUT_OF_ENERGY", nil, nil},
		{"allowed names and node text", "PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT · Demo chain (offline)", []string{"PancakeRouter", "Demo chain (offline)"}, nil},
		{"left-over english is reported", "节点出错：rate limited", nil, []string{"rate", "limited"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := englishWords(tt.in, tt.allowed...); !slices.Equal(got, tt.want) {
				t.Errorf("englishWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
