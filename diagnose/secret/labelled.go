package secret

import (
	"regexp"
	"unicode/utf8"
)

var (
	// prefixedHex64 is 0x and 64 hex digits: a transaction hash, unless the
	// text around it calls it a key.
	prefixedHex64 = regexp.MustCompile(`0[xX][0-9a-fA-F]{64}`)

	// keyLabel is what people write next to a key they paste: English,
	// Simplified and Traditional Chinese, and the short forms of exports
	// and chats ("PK:", "privkey").
	keyLabel = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:private[\s_-]*keys?|priv[\s_-]*keys?|secret[\s_-]*keys?|secrets?|keys?|pk)(?:[^a-z]|$)|私钥|秘钥|密钥|私鑰|秘鑰|密鑰|祕鑰|私匙|密匙`)

	// publicKey is the one key label that names public data.
	publicKey = regexp.MustCompile(`(?i)public[\s_-]*keys?|公钥|公鑰`)
)

// labelWindow is how far, in characters, a label may stand before or after
// the value it names: "private key for my wallet: 0x…", "0x… is my private
// key", "0x…（这是我的私钥）".
const labelWindow = 24

// hasLabelledKey finds a 0x-prefixed 64-hex value that the text labels as a
// key, before it or after it. Such a value is normally a transaction hash,
// but not when the user says it is a key ("key: 0x…", "秘钥:0x…", "0x… is my
// private key"); "public key" is not such a label.
func hasLabelledKey(t string) bool {
	for _, m := range prefixedHex64.FindAllStringIndex(t, -1) {
		if m[1] < len(t) && isWordByte(t[m[1]]) {
			continue // longer than 64 digits: not a key
		}
		if isLabel(t[runesBefore(t, m[0], labelWindow):m[0]]) || isLabel(t[m[1]:runesAfter(t, m[1], labelWindow)]) {
			return true
		}
	}
	return false
}

func isLabel(window string) bool {
	return keyLabel.MatchString(publicKey.ReplaceAllString(window, " "))
}

// runesBefore is the byte offset n runes before i (or 0).
func runesBefore(t string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(t[:i])
		i -= size
	}
	return i
}

// runesAfter is the byte offset n runes after i (or len(t)).
func runesAfter(t string, i, n int) int {
	for ; n > 0 && i < len(t); n-- {
		_, size := utf8.DecodeRuneInString(t[i:])
		i += size
	}
	return i
}
