package guides

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholders lists the names content may write as {name}; the UI fills
// them from a report. Anything else in braces is a validation error.
func Placeholders() []string {
	return []string{"min_max_fee", "min_tip", "missing_nonce", "nonce", "base_fee",
		"confirmations", "chain", "explorer_url", "symbol", "wallet", "wallet_channels", "support_message"}
}

// placeholderFallback is the readable text shown when a report did not
// supply the value. Each reads in every place the content writes its
// placeholder (guides' tests check every node in both languages); a
// placeholder that is the whole of a parenthesis is dropped with it
// instead (see Expand).
func placeholderFallback(name string, lang Lang) (string, bool) {
	en, zh := "", ""
	switch name {
	case "min_max_fee", "min_tip":
		en, zh = "the minimum `unstuck check` shows", "`unstuck check` 给出的最低值"
	case "missing_nonce":
		en, zh = "N (the number `unstuck check` shows)", "N（`unstuck check` 显示的序号）"
	case "nonce":
		en, zh = "N (the number on the explorer's transaction page)", "N（区块浏览器交易页面上的序号）"
	case "base_fee":
		en, zh = "the current base fee", "当前的基础费"
	case "confirmations":
		en, zh = "some", "若干"
	case "chain":
		en, zh = "the network `unstuck check` found it on", "`unstuck check` 找到它的那条链"
	case "explorer_url":
		en, zh = "the network's block explorer", "这条链的区块浏览器"
	case "symbol":
		en, zh = "native coin", "原生币"
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
	return lang.Pick(en, zh), true
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
// fallback when a value is missing or empty. A missing value that is all a
// parenthesis holds — "the block explorer ({explorer_url})" — takes the
// parenthesis with it. In Chinese a fallback that starts or ends with a
// Chinese character drops the space written next to it. Values have
// control characters removed; unknown names are left as written.
func Expand(s string, lang Lang, vals map[string]string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			b = append(b, s[i])
			continue
		}
		j := i + 1
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '}' {
			b = append(b, s[i])
			continue
		}
		name := s[i+1 : j]
		if v := cleanValue(vals[name]); v != "" {
			b = append(b, v...)
			i = j
			continue
		}
		fb, ok := placeholderFallback(name, lang)
		if !ok {
			b = append(b, s[i])
			continue
		}
		rest := s[j+1:]
		if open, ok := openParen(b); ok {
			if close, ok := closeParen(rest); ok {
				b = bytes.TrimRight(b[:len(b)-len(open)], " ")
				i = j + len(close)
				continue
			}
		}
		if lang == Zh {
			first, _ := utf8.DecodeRuneInString(fb)
			last, _ := utf8.DecodeLastRuneInString(fb)
			if wide(first) {
				b = bytes.TrimSuffix(b, []byte(" "))
			}
			if wide(last) && strings.HasPrefix(rest, " ") {
				b = append(b, fb...)
				i = j + 1
				continue
			}
		}
		b = append(b, fb...)
		i = j
	}
	return string(b)
}

// openParen is the opening parenthesis b ends with, if any.
func openParen(b []byte) (string, bool) {
	for _, p := range []string{"(", "（"} {
		if bytes.HasSuffix(b, []byte(p)) {
			return p, true
		}
	}
	return "", false
}

// closeParen is the closing parenthesis rest starts with, if any.
func closeParen(rest string) (string, bool) {
	for _, p := range []string{")", "）"} {
		if strings.HasPrefix(rest, p) {
			return p, true
		}
	}
	return "", false
}

// wide reports whether r is a Chinese character or full-width punctuation.
func wide(r rune) bool { return r >= 0x2E80 }

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
