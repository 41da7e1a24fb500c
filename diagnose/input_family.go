package diagnose

import (
	"encoding/hex"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/base58"
)

// TRON addresses are base58check of 0x41 and the 20-byte account id: 34
// characters starting with T. Tools and APIs also show the hex form, 41
// followed by 40 hex digits.
const tronPrefix = 0x41

// parseFamilyAddress reads a TRON or Bitcoin address. ok says the token
// has the shape of one; err is set when its checksum does not match (a
// mistyped or cut address), so that it is never looked up.
func parseFamilyAddress(tok string) (q Query, ok bool, err error) {
	lower := strings.ToLower(tok)
	switch {
	case len(tok) == 34 && tok[0] == 'T' && isBase58(tok):
		b, valid := base58.DecodeCheck(tok)
		if !valid || len(b) != 21 || b[0] != tronPrefix {
			return Query{}, true, inputErr("this looks like a TRON address, but its checksum does not match, so it may be mistyped or cut; copy it again from the wallet or TronScan",
				"这看起来像 TRON 地址，但校验和不符，可能输错了或不完整；请从钱包或 TronScan 重新复制")
		}
		return Query{Raw: tok, Ref: tok, Kind: KindAddress, Family: FamilyTron}, true, nil
	case len(tok) == 42 && strings.HasPrefix(tok, "41") && isHexString(tok):
		b, _ := hex.DecodeString(tok)
		t := base58.EncodeCheck(b)
		return Query{Raw: t, Ref: t, Kind: KindAddress, Family: FamilyTron}, true, nil
	case strings.HasPrefix(lower, "bc1") || strings.HasPrefix(lower, "tb1") || strings.HasPrefix(lower, "bcrt1"):
		if len(tok) < 14 {
			return Query{}, false, nil
		}
		hrp, valid := decodeSegwit(tok)
		if !valid {
			return Query{}, true, bitcoinChecksumErr()
		}
		network := map[string]string{"bc": "bitcoin", "tb": "bitcoin-testnet", "bcrt": "bitcoin-regtest"}[hrp]
		return Query{Raw: lower, Ref: lower, Kind: KindAddress, Family: FamilyBitcoin, Network: network}, true, nil
	case len(tok) >= 26 && len(tok) <= 35 && strings.ContainsRune("13mn2", rune(tok[0])) && isBase58(tok):
		b, valid := base58.DecodeCheck(tok)
		network := ""
		if valid && len(b) == 21 {
			switch b[0] {
			case 0x00, 0x05:
				network = "bitcoin"
			case 0x6f, 0xc4:
				network = "bitcoin-testnet"
			}
		}
		switch {
		case network != "":
			return Query{Raw: tok, Ref: tok, Kind: KindAddress, Family: FamilyBitcoin, Network: network}, true, nil
		case tok[0] == '1' || tok[0] == '3':
			return Query{}, true, bitcoinChecksumErr()
		}
	}
	return Query{}, false, nil
}

func bitcoinChecksumErr() error {
	return inputErr("this looks like a Bitcoin address, but its checksum does not match, so it may be mistyped or cut; copy it again from the wallet",
		"这看起来像比特币地址，但校验和不符，可能输错了或不完整；请从钱包重新复制")
}

func isBase58(s string) bool {
	for i := 0; i < len(s); i++ {
		if !base58.InAlphabet(s[i]) {
			return false
		}
	}
	return s != ""
}
