package guides

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
		{"domains", "网址自己手动输入：token.im、metamask.io 或 t.me 链接", nil, nil},
		{"e-mail addresses and paths", "写信到 sec@token.im，或看 x.com/imTokenOfficial", nil, nil},
		{"allowed names and node text", "PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT · Demo chain (offline)", []string{"PancakeRouter", "Demo chain (offline)"}, nil},
		{"a word cut at the edge of a field", "PancakeRou…", []string{"PancakeRouter"}, nil},
		{"a short cut is not a fragment", "Pa…", []string{"PancakeRouter"}, []string{"Pa"}},
		{"left-over english is reported", "节点出错：rate limited", nil, []string{"rate", "limited"}},
		{"case does not hide a word", "节点 Said No", nil, []string{"Said", "No"}},
		{"capitals are a code, not a word", "错误 EXPIRED", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EnglishWords(tt.in, tt.allowed...); !slices.Equal(got, tt.want) {
				t.Errorf("EnglishWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGuideEnglish(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"a quoted wallet label", "MetaMask：“活动” → “加速”（Speed up）。", nil},
		{"a quoted node error", "节点会拒绝（报错 “replacement transaction underpriced”）。", nil},
		{"corner brackets and ascii quotes", "点「Speed up」或 \"Cancel\"。", nil},
		{"placeholders", "往你地址里转一点这条链上的 {symbol}。", nil},
		{"english outside quotes", "点“加速” then confirm。", []string{"then", "confirm"}},
		{"an ascii parenthesis is not a gloss", "确认 (then wait)。", []string{"then", "wait"}},
		{"an unclosed quote hides nothing", "点“加速 then confirm。", []string{"then", "confirm"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := guideEnglish(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("guideEnglish(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPlaceholderFallbacksAreChinese: the text shown in place of a
// placeholder no report filled leaves no English in a zh guide.
func TestPlaceholderFallbacksAreChinese(t *testing.T) {
	for _, p := range Placeholders() {
		zh, ok := placeholderFallback(p, Zh)
		if !ok {
			t.Errorf("{%s} has no fallback", p)
			continue
		}
		if words := guideEnglish(zh); len(words) > 0 {
			t.Errorf("{%s}: the zh fallback %q leaves English: %q", p, zh, words)
		}
	}
}
