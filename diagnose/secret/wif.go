package secret

import "github.com/unstuck-dev/unstuck/diagnose/base58"

// hasWIF finds a private key in Wallet Import Format: base58check of a
// version byte (0x80 mainnet, 0xef testnet), the 32-byte key, an optional
// 0x01 (compressed public key) and a 4-byte checksum. That is 51 characters
// starting with 5 (testnet 9), or 52 starting with K or L (testnet c).
// The checksum is verified, so a Bitcoin address, a TRON address or a txid
// that happens to have the length is never taken for a key.
func hasWIF(t string) bool {
	for i := 0; i < len(t); {
		if !base58.InAlphabet(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && base58.InAlphabet(t[j]) {
			j++
		}
		bounded := (i == 0 || !isAlnum(t[i-1])) && (j == len(t) || !isAlnum(t[j]))
		if bounded && isWIF(t[i:j]) {
			return true
		}
		i = j
	}
	return false
}

func isWIF(s string) bool {
	switch {
	case len(s) == 51 && (s[0] == '5' || s[0] == '9'):
	case len(s) == 52 && (s[0] == 'K' || s[0] == 'L' || s[0] == 'c'):
	default:
		return false
	}
	b, ok := base58.DecodeCheck(s)
	if !ok || b[0] != 0x80 && b[0] != 0xef {
		return false
	}
	return len(b) == 33 || len(b) == 34 && b[33] == 0x01
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
