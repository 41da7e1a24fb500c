package tui

// English left in text rendered for Chinese readers: the Chinese-rendering
// tests draw every screen (tui) and every command's output (cmd) under
// --lang zh and fail on what englishWords reports. (cmd/unstuck has the
// same checker: test files cannot be shared between packages, and the
// layout keeps test machinery out of the importable tree.)
//
// Allowed are what a Chinese user also reads in Latin letters: names
// (networks, wallets, coins, the tool and its commands), codes (finding
// codes, error names), units and the technical words the Chinese content
// keeps on purpose (nonce, Gas, RPC, DApp…), hashes, addresses and links,
// and the text a test passes as names or node text.

import (
	"regexp"
	"strings"
)

// zhTechnical is the Latin-letter vocabulary of the Chinese texts: words a
// Chinese wallet user reads as they are.
func zhTechnical() []string {
	return []string{
		// the tool, its commands and flags
		"unstuck", "check", "guide", "explain", "account", "endpoint", "chains", "demo", "verify", "help", "lang", "json",
		"markdown", "rpc", "from", "chain", "txid", "watch", "interval", "timeout", "graph", "version",
		// keys
		"enter", "esc", "pgup", "pgdn", "ctrl", "home", "end", "tab",
		// technical words the zh content keeps
		"nonce", "gas", "gwei", "wei", "sun", "sat", "vb", "rpc", "dapp", "evm", "eip", "max", "fee", "priority", "base",
		"tx", "id", "ms", "url", "http", "https", "ok", "osc", "json", "api", "usdt", "trc", "erc", "md",
		// networks, coins and wallets
		"ethereum", "eth", "bnb", "bsc", "smart", "polygon", "pos", "pol", "matic", "arbitrum", "one", "base", "optimism",
		"op", "mainnet", "avalanche", "avax", "linea", "scroll", "zksync", "era", "blast", "gnosis", "xdai", "celo",
		"fantom", "ftm", "tron", "trx", "bitcoin", "btc", "usdc", "dai", "weth", "metamask", "imtoken", "tokenpocket",
		"tronlink", "trust", "wallet", "ledger", "phantom", "bitget", "coinbase", "binance", "okx", "uniswap", "pancakeswap", "etherscan", "bscscan",
		"polygonscan", "arbiscan", "basescan", "tronscan", "mempool", "space", "blockstream", "info",
		"english", "en", "zh",
		// placeholders of the guides' own commands, cobra's usage line and flag types
		"tx-hash", "hash", "flags", "command", "string", "duration", "stringarray", "completion", "bash", "zsh", "fish", "powershell",
	}
}

var (
	// zhSkipped are spans that are never words: links, hex, code spans,
	// finding codes in brackets, flags.
	zhSkipped = regexp.MustCompile("https?://\\S+|0x[0-9a-fA-F…]+|`[^`]*`|(?:/[\\w.-]+){2,}/?|\\[[a-z0-9_]+\\]|--?[a-z][a-z-]*|[A-Za-z0-9]*[0-9][A-Za-z0-9]*|\\b[a-z]+(_[a-z0-9]+)+\\b|\\b[A-Z][A-Z0-9_]{2,}\\b|[A-Za-z]+\\([^)]*\\)")
	zhWord    = regexp.MustCompile(`[A-Za-z][A-Za-z']+`)
)

// englishWords returns the English words in s, in order, that are neither
// technical vocabulary nor words of allowed (names, codes and node text the
// caller knows s may show; a line may wrap inside them, so they count word
// by word).
func englishWords(s string, allowed ...string) []string {
	s = zhSkipped.ReplaceAllString(s, " ")
	ok := map[string]bool{}
	for _, t := range zhTechnical() {
		ok[t] = true
	}
	for _, a := range allowed {
		for _, w := range zhWord.FindAllString(a, -1) {
			ok[strings.ToLower(w)] = true
		}
	}
	var out []string
	for _, w := range zhWord.FindAllString(s, -1) {
		if lw := strings.ToLower(w); !ok[lw] && !fragment(lw, ok) {
			out = append(out, w)
		}
	}
	return out
}

// fragment reports whether w is part of an allowed word: the view cut it
// at the edge of a field or before an ellipsis.
func fragment(w string, ok map[string]bool) bool {
	if len(w) < 4 {
		return false
	}
	for a := range ok {
		if strings.Contains(a, w) {
			return true
		}
	}
	return false
}
