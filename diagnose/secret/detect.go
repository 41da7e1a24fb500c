package secret

import (
	"regexp"
	"strings"
	"unicode"
)

// Kind names the kind of secret Detect found.
type Kind string

// Secret kinds.
const (
	RecoveryPhrase Kind = "recovery_phrase"
	PrivateKey     Kind = "private_key"
	ExtendedKey    Kind = "extended_key"
	Keystore       Kind = "keystore"
)

// Detect reports whether s contains something that controls a wallet:
// a BIP-39 recovery phrase, a raw private key (bare, labelled as a key, or
// in WIF), an extended private key or a keystore file. It runs locally on
// every text input before anything else looks at it, so that such text is
// never sent, stored or echoed. It returns only the kind, never the secret
// or where it was found. It screens s as free text (FieldText); a field
// that takes only public data is screened with DetectIn.
//
// Each rule exists because of how wallets show secrets and how users paste
// them; see the comment on each check. The thresholds were measured against
// ordinary text (see phraseWords and hanWindowScore) and are pinned by the tests.
func Detect(s string) (Kind, bool) { return DetectIn(FieldText, s) }

// DetectIn is Detect for a field of the given kind. Fields that take a
// hash, a link or an address are stricter (a run of four wordlist words is
// a partial phrase there: see hasWordRun); a FieldTxID lets a bare 64-hex
// standing alone through, for diagnose.ParseInput to hold until the user
// confirms it is a transaction ID (DESIGN.md, safety rule 3).
func DetectIn(f Field, s string) (Kind, bool) {
	t := Fold(s)
	lower := strings.ToLower(t)
	switch {
	case (strings.Contains(lower, "kdf") || strings.Contains(lower, "cipher")) && keystorePattern.MatchString(t):
		return Keystore, true
	case strings.Contains(lower, "prv") && extendedKeyPattern.MatchString(t):
		return ExtendedKey, true
	case !(f == FieldTxID && IsBareHex64(s)) && hasBareKey(t),
		strings.Contains(lower, "0x") && hasLabelledKey(t),
		hasWIF(t):
		return PrivateKey, true
	case hasPhrase(t), f != FieldText && hasWordRun(t):
		return RecoveryPhrase, true
	}
	return "", false
}

var (
	// A keystore (Web3 Secret Storage) file holds the key encrypted under a
	// password users reuse: "crypto" with "ciphertext"/"kdf" inside. A
	// partial paste still gives away the ciphertext, so any one of the
	// distinctive field names followed by a colon is enough.
	keystorePattern = regexp.MustCompile(`(?i)["']?\b(ciphertext|cipherparams|kdfparams|kdf)\b["']?\s*:`)

	// BIP-32 extended private keys (xprv, tprv and the SLIP-132 yprv/zprv/
	// uprv/vprv forms) are base58, 111 characters. A truncated one still
	// leaks key material, so 40 base58 characters after the prefix suffice;
	// prose never has them.
	extendedKeyPattern = regexp.MustCompile(`(?:^|[^0-9A-Za-z])[xtyzuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{40,}`)
)

// hasBareKey finds 64 hex digits standing alone without "0x": the form in
// which MetaMask, imToken and Trust Wallet export a private key. "0x" + 64
// hex is a transaction hash and is not matched (the digits follow an "x").
// A 64-hex path segment of a link (mempool.space/tx/…, a Bitcoin or Tron
// transaction) is not a key either.
func hasBareKey(t string) bool {
	n := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && isHexDigit(t[i]) {
			n++
			continue
		}
		if n == 64 {
			start := i - 64
			before := byte(' ')
			if start > 0 {
				before = t[start-1]
			}
			after := byte(' ')
			if i < len(t) {
				after = t[i]
			}
			if !isWordByte(before) && !isWordByte(after) && before != '/' && before != '#' {
				return true
			}
		}
		n = 0
	}
	return false
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isWordByte(c byte) bool {
	return isHexDigit(c) || c >= 'g' && c <= 'z' || c >= 'G' && c <= 'Z' || c == '_'
}

func hasPhrase(t string) bool {
	lx := lexiconOnce()
	return englishPhrase(t, lx) || chinesePhrase(t, lx)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// phraseWords is the length of the shortest phrase wallets create. Any 12
// consecutive English wordlist words (4-letter abbreviations count as words,
// and one of the 12 may be a typo) are a phrase unless at least three of
// them are among englishCommon.
//
// Why this is sound: many everyday words are BIP-39 words ("that you have
// this will help"), but "the", "and", "of", "to", "is", "my", "it", "for",
// "with" are not, so prose breaks runs quickly. Measured on 26 MB of English
// (Debian's message catalogs and licence texts, vim's documentation, Go's
// doc comments): runs of 12 occur only in repetitive data ("unknown
// unknown …", "sign extend sign extend …") or terse lists, and ordinary
// sentences that get that long ("key again enter same key again you can now
// edit this file") carry three or more common words. A random phrase has
// three of them in a 12-word window with probability 0.14%.
const phraseWords = 12
