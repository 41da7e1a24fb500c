package guides

import (
	"strings"
	"unicode"
)

// Placeholders lists the names content may write as {name}; the UI fills
// them from a report. Anything else in braces is a validation error.
func Placeholders() []string {
	return []string{"min_max_fee", "min_tip", "missing_nonce", "nonce", "base_fee",
		"confirmations", "chain", "explorer_url", "symbol", "wallet", "wallet_channels", "support_message"}
}

// placeholderFallback is the readable text shown when a report did not
// supply the value.
func placeholderFallback(name string, lang Lang) (string, bool) {
	en, zh := "", ""
	switch name {
	case "min_max_fee":
		en, zh = "the minimum Max fee shown by `unstuck check`", "`unstuck check` 给出的最低 Max fee"
	case "min_tip":
		en, zh = "the minimum Priority fee shown by `unstuck check`", "`unstuck check` 给出的最低 Priority fee（小费）"
	case "missing_nonce":
		en, zh = "the lowest missing nonce shown by `unstuck check`", "`unstuck check` 给出的最小缺失 nonce"
	case "nonce":
		en, zh = "the transaction's nonce (shown on the explorer page)", "这笔交易的 nonce（区块浏览器上可以看到）"
	case "base_fee":
		en, zh = "the current base fee", "当前的基础费（base fee）"
	case "confirmations":
		en, zh = "the number of confirmations shown by `unstuck check`", "`unstuck check` 显示的确认数"
	case "chain":
		en, zh = "the network `unstuck check` found it on", "`unstuck check` 找到它的那条链"
	case "explorer_url":
		en, zh = "the block explorer of that network", "这条链的区块浏览器"
	case "symbol":
		en, zh = "the network's own coin (ETH, BNB, POL…)", "这条链的原生币（ETH、BNB、POL 等）"
	case "wallet":
		en, zh = "your wallet", "你的钱包"
	case "wallet_channels":
		en, zh = "the list `unstuck verify --wallet <name> <link>` prints (imToken, MetaMask, Trust Wallet, TokenPocket, TronLink, OKX, Bitget, Coinbase, Phantom, Ledger)",
			"`unstuck verify --wallet <钱包名> <链接>` 列出的名单（imToken、MetaMask、Trust Wallet、TokenPocket、TronLink、OKX、Bitget、Coinbase、Phantom、Ledger）"
	case "support_message":
		en, zh = "Check your transaction first (unstuck check <hash>, or \"Check a transaction hash\" on the home screen): unstuck then writes this message for you from the public facts.",
			"先查询你的交易（unstuck check <哈希>，或首页的“查询一笔交易哈希”）：unstuck 会用其中的公开信息替你写好这条消息。"
	default:
		return "", false
	}
	if lang == Zh {
		return zh, true
	}
	return en, true
}

// placeholders returns the {name} references in s, in order. A name is
// made of lower-case ASCII letters, digits and underscores.
func placeholders(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == '}' {
			out = append(out, s[i+1:j])
			i = j
		}
	}
	return out
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// Expand substitutes {name} placeholders in s with vals, or with a readable
// fallback when a value is missing or empty. Values have control
// characters removed; unknown names are left as written.
func Expand(s string, lang Lang, vals map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			j := i + 1
			for j < len(s) && isNameByte(s[j]) {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == '}' {
				name := s[i+1 : j]
				if v := cleanValue(vals[name]); v != "" {
					b.WriteString(v)
					i = j
					continue
				}
				if fb, ok := placeholderFallback(name, lang); ok {
					b.WriteString(fb)
					i = j
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// cleanValue drops control characters (escape sequences included) from a
// value that may come from a node.
func cleanValue(v string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, v))
}

// Fill returns the node's main text in lang (question, prompt or answer
// body) with placeholders filled from vals, or readable fallbacks.
func (n Node) Fill(lang Lang, vals map[string]string) string {
	return Expand(n.Main(lang), lang, vals)
}
