package tron

import (
	"encoding/hex"
	"errors"
	"strings"

	"github.com/unstuck-dev/unstuck/diagnose/base58"
)

// addressPrefix is the first byte of every TRON account address.
const addressPrefix = 0x41

// Address is a TRON account address: 0x41 followed by 20 bytes.
type Address [21]byte

// Errors of ParseAddress, worded for users.
var (
	errAddressShape    = errors.New("a TRON address is 34 characters starting with T, or 42 hex characters starting with 41")
	errAddressChecksum = errors.New("this TRON address has a typo: its checksum does not match")
	errAddressPrefix   = errors.New("this is not a TRON address: it does not start with T (41 in hex)")
)

// ParseAddress reads a TRON address in base58check (T…, 34 characters) or
// hex (41…, 42 hex digits, optional 0x) form. TRON's base58check is
// Bitcoin's (version byte 0x41), so btcd's codec, which the Bitcoin
// backend links anyway, reads it.
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
	if _, ok := base58.Decode(s); !ok {
		return Address{}, errAddressShape
	}
	payload, ok := base58.DecodeCheck(s)
	switch {
	case !ok:
		return Address{}, errAddressChecksum
	case len(payload) != 21:
		return Address{}, errAddressShape
	case payload[0] != addressPrefix:
		return Address{}, errAddressPrefix
	}
	return addressFrom20(payload[1:]), nil
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
func (a Address) String() string { return base58.EncodeCheck(a[:]) }

// Hex is the 41… hex form the HTTP API uses by default.
func (a Address) Hex() string { return hex.EncodeToString(a[:]) }

// word is the address as a 32-byte ABI word (20 bytes, left-padded).
func (a Address) word() string { return strings.Repeat("0", 24) + hex.EncodeToString(a[1:]) }

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
