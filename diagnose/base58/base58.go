package base58

import "crypto/sha256"

// The Bitcoin base58 alphabet: no 0, O, I or l.
const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// InAlphabet reports whether c is a base58 character.
func InAlphabet(c byte) bool {
	return c >= '1' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' || c >= 'a' && c <= 'z' && c != 'l'
}

// maxLen bounds what Decode reads: addresses and keys are at most 111
// characters (an extended key); the work grows with the square.
const maxLen = 128

// Decode decodes s, or reports false on a character outside the alphabet
// or an input too long to be an address or a key.
func Decode(s string) ([]byte, bool) {
	if s == "" || len(s) > maxLen {
		return nil, false
	}
	var out []byte // big-endian, without the leading zeros
	for i := 0; i < len(s); i++ {
		if !InAlphabet(s[i]) {
			return nil, false
		}
		carry := int(index(s[i]))
		for k := len(out) - 1; k >= 0; k-- {
			carry += int(out[k]) * 58
			out[k] = byte(carry)
			carry >>= 8
		}
		for ; carry > 0; carry >>= 8 {
			out = append([]byte{byte(carry)}, out...)
		}
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	return append(make([]byte, zeros, zeros+len(out)), out...), true
}

func index(c byte) byte {
	for i := range len(alphabet) {
		if alphabet[i] == c {
			return byte(i)
		}
	}
	return 0
}

// Encode is the inverse of Decode.
func Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	var digits []byte // little-endian base-58 digits
	for _, v := range b[zeros:] {
		carry := int(v)
		for k := range digits {
			carry += int(digits[k]) << 8
			digits[k] = byte(carry % 58)
			carry /= 58
		}
		for ; carry > 0; carry /= 58 {
			digits = append(digits, byte(carry%58))
		}
	}
	out := make([]byte, 0, zeros+len(digits))
	for range zeros {
		out = append(out, '1')
	}
	for k := len(digits) - 1; k >= 0; k-- {
		out = append(out, alphabet[digits[k]])
	}
	return string(out)
}

// DecodeCheck decodes s and verifies its 4-byte double-SHA-256 checksum,
// returning the payload (version byte first).
func DecodeCheck(s string) ([]byte, bool) {
	b, ok := Decode(s)
	if !ok || len(b) < 5 {
		return nil, false
	}
	payload, sum := b[:len(b)-4], b[len(b)-4:]
	want := checksum4(payload)
	if string(sum) != string(want[:]) {
		return nil, false
	}
	return payload, true
}

// EncodeCheck appends the checksum to payload and encodes it.
func EncodeCheck(payload []byte) string {
	sum := checksum4(payload)
	return Encode(append(append([]byte(nil), payload...), sum[:]...))
}

func checksum4(b []byte) [4]byte {
	first := sha256.Sum256(b)
	second := sha256.Sum256(first[:])
	return [4]byte(second[:4])
}
