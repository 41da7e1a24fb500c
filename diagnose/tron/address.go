package tron

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
)

// addressPrefix is the first byte of every TRON account address.
const addressPrefix = 0x41

// base58Alphabet is Bitcoin's alphabet, which TRON uses.
const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// Address is a TRON account address: 0x41 followed by 20 bytes.
type Address [21]byte

// Errors of ParseAddress, worded for users.
var (
	errAddressShape    = errors.New("a TRON address is 34 characters starting with T, or 42 hex characters starting with 41")
	errAddressChecksum = errors.New("this TRON address has a typo: its checksum does not match")
	errAddressPrefix   = errors.New("this is not a TRON address: it does not start with T (41 in hex)")
)

// ParseAddress reads a TRON address in base58check (T…, 34 characters) or
// hex (41…, 42 hex digits, optional 0x) form.
func ParseAddress(s string) (Address, error) {
	s = strings.TrimSpace(s)
	if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		s = h
	}
	if len(s) == 42 && isHex(s) {
		var a Address
		hex.Decode(a[:], []byte(s))
		if a[0] != addressPrefix {
			return Address{}, errAddressPrefix
		}
		return a, nil
	}
	if len(s) != 34 {
		return Address{}, errAddressShape
	}
	raw, err := base58Decode(s)
	if err != nil {
		return Address{}, err
	}
	if len(raw) != 25 {
		return Address{}, errAddressShape
	}
	sum := checksum(raw[:21])
	if string(sum[:]) != string(raw[21:]) {
		return Address{}, errAddressChecksum
	}
	if raw[0] != addressPrefix {
		return Address{}, errAddressPrefix
	}
	var a Address
	copy(a[:], raw[:21])
	return a, nil
}

// addressFrom20 makes an address from the 20 bytes that logs and ABI words
// carry (without the 0x41 prefix).
func addressFrom20(b []byte) Address {
	var a Address
	a[0] = addressPrefix
	copy(a[1:], b[len(b)-20:])
	return a
}

// String is the base58check T… form users see on TronScan.
func (a Address) String() string {
	buf := make([]byte, 0, 25)
	buf = append(buf, a[:]...)
	sum := checksum(a[:])
	buf = append(buf, sum[:]...)
	return base58Encode(buf)
}

// Hex is the 41… hex form the HTTP API uses by default.
func (a Address) Hex() string { return hex.EncodeToString(a[:]) }

// word is the address as a 32-byte ABI word (20 bytes, left-padded).
func (a Address) word() string { return strings.Repeat("0", 24) + hex.EncodeToString(a[1:]) }

func checksum(b []byte) [4]byte {
	h1 := sha256.Sum256(b)
	h2 := sha256.Sum256(h1[:])
	var out [4]byte
	copy(out[:], h2[:4])
	return out
}

func base58Encode(b []byte) string {
	n := new(big.Int).SetBytes(b)
	base, mod := big.NewInt(58), new(big.Int)
	var out []byte
	for n.Sign() > 0 {
		n.DivMod(n, base, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append(out, base58Alphabet[0])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

func base58Decode(s string) ([]byte, error) {
	n, base := new(big.Int), big.NewInt(58)
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(base58Alphabet, s[i])
		if d < 0 {
			return nil, errAddressShape
		}
		n.Mul(n, base)
		n.Add(n, big.NewInt(int64(d)))
	}
	out := n.Bytes()
	zeros := 0
	for zeros < len(s) && s[zeros] == base58Alphabet[0] {
		zeros++
	}
	return append(make([]byte, zeros), out...), nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
