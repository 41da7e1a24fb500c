package guides

import (
	"regexp"
	"strings"
	"sync"
)

// English left in text written for Chinese readers. The validator runs
// EnglishWords over the zh text of every guide; the command line's and the
// app's Chinese-rendering tests run it over every output and screen drawn
// under --lang zh.
//
// Allowed are what a Chinese user also reads in Latin letters: names
// (networks, wallets, coins, services, the tool and its commands), codes
// (finding codes, error names), units and the technical words the Chinese
// content keeps on purpose (nonce, Gas, RPC, DApp, App…), hashes,
// addresses, domains and links, and whatever the caller passes as allowed.

// zhVocabulary is the Latin-letter vocabulary of the Chinese texts, in
// lower case: words a Chinese wallet user reads as they are.
func zhVocabulary() []string {
	return []string{
		// the tool, its commands and flags
		"unstuck", "check", "guide", "explain", "account", "endpoint", "chains", "demo", "verify", "help", "lang", "json",
		"markdown", "rpc", "from", "chain", "txid", "watch", "interval", "timeout", "graph", "version",
		// keys
		"enter", "esc", "pgup", "pgdn", "ctrl", "home", "end", "tab",
		// technical words the zh content keeps
		"nonce", "gas", "gwei", "wei", "sun", "sat", "vb", "dapp", "app", "evm", "eip", "max", "fee", "priority", "base",
		"tx", "id", "ms", "url", "http", "https", "ok", "osc", "api", "usdt", "trc", "erc", "md", "keystore",
		"wi", "fi", "ios",
		// TRON's permission names, as its wallets show them
		"owner", "active",
		// networks, coins, wallets and services
		"ethereum", "eth", "bnb", "bsc", "smart", "polygon", "pos", "pol", "matic", "arbitrum", "one", "optimism",
		"op", "mainnet", "avalanche", "avax", "linea", "scroll", "zksync", "era", "blast", "gnosis", "xdai", "celo",
		"fantom", "ftm", "tron", "trx", "nile", "bitcoin", "btc", "usdc", "dai", "weth", "tether", "metamask", "imtoken",
		"tokenpocket", "tronlink", "trust", "wallet", "ledger", "phantom", "bitget", "coinbase", "binance", "okx",
		"electrum", "sparrow", "walletconnect", "reown", "uniswap", "pancakeswap", "etherscan", "bscscan",
		"polygonscan", "arbiscan", "basescan", "tronscan", "trongrid", "infura", "alchemy", "mempool", "space",
		"blockstream", "info",
		"english", "en", "zh",
		// placeholders of the guides' own commands, cobra's usage line and flag types
		"tx-hash", "hash", "flags", "command", "string", "duration", "stringarray", "completion", "bash", "zsh", "fish", "powershell",
	}
}

// zhVocabularySet is zhVocabulary as a set, built on first use.
var zhVocabularySet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range zhVocabulary() {
		m[w] = true
	}
	return m
})

// notWords matches the spans that are never words: links, e-mail
// addresses, domains with their paths, hex,
// code spans, finding codes in brackets, flags, anything with a digit,
// snake_case and SCREAMING_CASE names, and calls. Compiled on first use:
// start-up never needs it.
var notWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("https?://\\S+|[\\w.+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)+\\b(?:/\\S*)?|0x[0-9a-fA-F…]+|`[^`]*`|(?:/[\\w.-]+){2,}/?|" +
		"\\[[a-z0-9_]+\\]|--?[a-z][a-z-]*|[A-Za-z0-9]*[0-9][A-Za-z0-9]*|\\b[a-z]+(_[a-z0-9]+)+\\b|\\b[A-Z][A-Z0-9_]{2,}\\b|" +
		"[A-Za-z]+\\([^)]*\\)")
})

// latinWord matches one word in Latin letters.
var latinWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[A-Za-z][A-Za-z']+`) })

// EnglishWords returns the English words in s, in order, that are neither
// the Chinese texts' Latin vocabulary nor words of allowed (names, codes
// and node text the caller knows s may show; a line may wrap inside them,
// so they count word by word). A word cut at the edge of a field or before
// an ellipsis counts as the allowed word it is part of.
func EnglishWords(s string, allowed ...string) []string {
	s = notWords().ReplaceAllString(s, " ")
	words := latinWord()
	ok := map[string]bool{}
	for _, a := range allowed {
		for _, w := range words.FindAllString(a, -1) {
			ok[strings.ToLower(w)] = true
		}
	}
	known := func(w string) bool { return zhVocabularySet()[w] || ok[w] }
	var out []string
	for _, w := range words.FindAllString(s, -1) {
		if lw := strings.ToLower(w); !known(lw) && !fragment(lw, zhVocabularySet(), ok) {
			out = append(out, w)
		}
	}
	return out
}

// fragment reports whether w, four letters or more, is part of a word of
// one of the sets.
func fragment(w string, sets ...map[string]bool) bool {
	if len(w) < 4 {
		return false
	}
	for _, set := range sets {
		for a := range set {
			if strings.Contains(a, w) {
				return true
			}
		}
	}
	return false
}

// zhQuoted matches what a Chinese guide writes in Latin letters on
// purpose: a placeholder, a quoted label or error text (“Speed up”,
// 「…」, "…"), and an English gloss in full-width parentheses after the
// Chinese word (“活动”（Activity）) — what a wallet shown in English says.
var zhQuoted = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\{[a-z0-9_]+\}|“[^”]*”|‘[^’]*’|"[^"]*"|「[^」]*」|（[^）]*）`)
})

// guideEnglish returns the English words a guide's zh text leaves
// untranslated: EnglishWords outside placeholders, quotes and glosses.
func guideEnglish(zh string) []string {
	return EnglishWords(zhQuoted().ReplaceAllString(zh, " "))
}
