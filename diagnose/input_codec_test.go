package diagnose

import (
	"strings"
	"testing"
)

// BIP-173 and BIP-350 test vectors.
func TestDecodeSegwit(t *testing.T) {
	valid := map[string]string{
		"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4":                                 "bc",
		"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7":             "tb",
		"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y": "bc",
		"BC1SW50QGDZ25J":                       "bc",
		"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs": "bc",
		"tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy": "tb",
		"tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c": "tb",
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0": "bc",
		"bc1paardr2nczq0rx5rqpfwnvpzm497zvux64y0f7wjgcs7xuuuh2nnqwr2d5c": "bc",
	}
	for addr, want := range valid {
		if hrp, ok := decodeSegwit(addr); !ok || hrp != want {
			t.Errorf("decodeSegwit(%s) = %q, %v; want %q", addr, hrp, ok, want)
		}
	}
	invalid := []string{
		"tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", // a network nobody uses: see below
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // v1 with bech32
		"tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", // v2 with bech32
		"BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", // v0 with bech32m
		"tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
		"bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", // invalid character
		"BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", // version 17
		"bc1pw5dgrnzv", // 1-byte program
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", // 41 bytes
		"tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",               // mixed case
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",             // padding
		"tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
		"bc1gmk9yu", // empty data
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // checksum
		"BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",
		"bc1rw5uspcuh",
		"bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
		"BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  // v0 16-byte program
		"bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", // non-zero padding
		"",
		"1",
		strings.Repeat("q", 100),
	}
	for _, addr := range invalid {
		if hrp, ok := decodeSegwit(addr); ok && hrp != "tc" {
			t.Errorf("decodeSegwit(%s) accepted it", addr)
		}
	}
	// "tc" decodes (the codec does not know networks) but ParseInput does
	// not read it as a Bitcoin address.
	if q, err := ParseInput("tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", nil); err == nil {
		t.Errorf("tc1…: got %+v", q)
	}
}

// FuzzBech32: decoding never panics; a valid segwit address stays valid
// in upper case and stops being valid when one data character changes.
func FuzzBech32(f *testing.F) {
	for _, s := range []string{btcP2WPKH, btcP2TR, btcTestnet, "bc1", "BC1SW50QGDZ25J", "a12uel5l"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		hrp, ok := decodeSegwit(s)
		if !ok {
			return
		}
		if h2, ok2 := decodeSegwit(strings.ToUpper(s)); !ok2 || h2 != hrp {
			t.Fatalf("%q valid but its upper case is not", s)
		}
		lower := strings.ToLower(s)
		last := lower[len(lower)-1]
		swap := byte('q')
		if last == 'q' {
			swap = 'p'
		}
		if _, ok := decodeSegwit(lower[:len(lower)-1] + string(swap)); ok {
			t.Fatalf("%q: changing the last character kept it valid", s)
		}
	})
}
