package bitcoin

import (
	"errors"
	"fmt"
	"strings"

	"github.com/btcsuite/btcd/address/v2/base58"
	"github.com/btcsuite/btcd/address/v2/bech32"
)

// Address is a validated Bitcoin address.
type Address struct {
	// String is the address in its canonical form (bech32 lower-case).
	String string
	// Type is p2pkh, p2sh, p2wpkh, p2wsh, p2tr or witness_v<N>.
	Type string
}

// ParseAddress validates a mainnet address: base58check (1…, 3…) or
// bech32/bech32m (bc1q…, bc1p…), checksums included. Errors are written
// for the user.
func (n Network) ParseAddress(s string) (Address, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 90 {
		return Address{}, errors.New("not a Bitcoin address")
	}
	if strings.HasPrefix(strings.ToLower(s), n.HRP+"1") {
		return n.parseSegwit(s)
	}
	return n.parseBase58(s)
}

func (n Network) parseSegwit(s string) (Address, error) {
	if s != strings.ToLower(s) && s != strings.ToUpper(s) {
		return Address{}, errors.New("not a Bitcoin address: mixed upper and lower case")
	}
	hrp, data, version, err := bech32.DecodeGeneric(s)
	if err != nil {
		return Address{}, errors.New("not a Bitcoin address: its checksum or characters are wrong")
	}
	if hrp != n.HRP || len(data) < 1 {
		return Address{}, errors.New("not a Bitcoin mainnet address")
	}
	witver := data[0]
	prog, err := bech32.ConvertBits(data[1:], 5, 8, false)
	if err != nil {
		return Address{}, errors.New("not a Bitcoin address: bad witness program")
	}
	if witver > 16 || len(prog) < 2 || len(prog) > 40 {
		return Address{}, errors.New("not a Bitcoin address: bad witness program")
	}
	// BIP 350: version 0 uses bech32, versions 1..16 use bech32m.
	if witver == 0 && version != bech32.Version0 || witver != 0 && version != bech32.VersionM {
		return Address{}, errors.New("not a Bitcoin address: wrong checksum variant for its witness version")
	}
	typ := fmt.Sprintf("witness_v%d", witver)
	switch {
	case witver == 0 && len(prog) == 20:
		typ = "p2wpkh"
	case witver == 0 && len(prog) == 32:
		typ = "p2wsh"
	case witver == 0:
		return Address{}, errors.New("not a Bitcoin address: a version 0 program is 20 or 32 bytes")
	case witver == 1 && len(prog) == 32:
		typ = "p2tr"
	}
	return Address{String: strings.ToLower(s), Type: typ}, nil
}

func (n Network) parseBase58(s string) (Address, error) {
	payload, version, err := base58.CheckDecode(s)
	if err != nil {
		return Address{}, errors.New("not a Bitcoin address: its checksum or characters are wrong")
	}
	if len(payload) != 20 {
		return Address{}, errors.New("not a Bitcoin address: wrong length")
	}
	switch version {
	case n.PubKeyHashID:
		return Address{String: s, Type: "p2pkh"}, nil
	case n.ScriptHashID:
		return Address{String: s, Type: "p2sh"}, nil
	}
	return Address{}, errors.New("not a Bitcoin mainnet address")
}

// ParseTxid accepts a txid: 64 hex characters, either case, no 0x. It
// returns it in lower case.
func ParseTxid(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) != 64 {
		return "", errors.New("a Bitcoin txid is 64 hexadecimal characters")
	}
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f':
		case c >= 'A' && c <= 'F':
			b[i] = c + ('a' - 'A')
		default:
			return "", errors.New("a Bitcoin txid is 64 hexadecimal characters")
		}
	}
	return string(b), nil
}
