package guides

import "strings"

// A text that names its chain (tronpy, TRC20, 波场; mempool, sat/vB, 比特币)
// raises that chain family's nodes and lowers the others a little: "transaction
// expired" from a TRON library is TRON's expiry, not a swap deadline.
const (
	familyBoost   = 1.2 // a TRON or Bitcoin node when the text names its chain
	otherFamily   = 0.9 // any node outside both families then
	familyTRON    = "tron-"
	familyBitcoin = "btc-"
)

// family says which chain family a text names: "tron-", "btc-" or "".
func family(norm string) string {
	for _, w := range []string{"tron", "trx", "trc20", "trc-20", "tronlink", "tronscan", "tronweb", "tronpy", "trongrid", "波场"} {
		if containsWord(norm, w) {
			return familyTRON
		}
	}
	for _, w := range []string{"bitcoin", "btc", "sat/vb", "sats", "satoshi", "mempool", "electrum", "bitcoind", "rbf", "utxo", "比特币"} {
		if containsWord(norm, w) {
			return familyBitcoin
		}
	}
	return ""
}

// containsWord reports whether w occurs in norm not inside a longer ASCII
// word; a hyphen joins words here ("rpc" is not in "json-rpc").
func containsWord(norm, w string) bool {
	for from := 0; from < len(norm); {
		i := strings.Index(norm[from:], w)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(w)
		if atBoundary(norm, start, end) && !(start > 0 && norm[start-1] == '-' && isWordByte(norm[start])) &&
			!(end < len(norm) && norm[end] == '-' && isWordByte(norm[end-1])) {
			return true
		}
		from = start + 1
	}
	return false
}
