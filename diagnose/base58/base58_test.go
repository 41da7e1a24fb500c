package base58

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"
)

// Public ids from the reference captures (TRON.md, BITCOIN.md).
const (
	tronUSDT    = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
	tronUSDTHex = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"
	btcGenesis  = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
	btcP2SH     = "3QJmV3qfvL9SuYo34YihAf3sRCW3qSinyC"
)

func TestBase58(t *testing.T) {
	// Vectors from the base58 draft (draft-msporny-base58) and Bitcoin Core.
	for _, tt := range []struct{ hex, b58 string }{
		{"", ""},
		{"61", "2g"},
		{"626262", "a3gV"},
		{"636363", "aPEr"},
		{"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
		{"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
		{"516b6fcd0f", "ABnLTmg"},
		{"bf4f89001e670274dd", "3SEo3LWLoPntC"},
		{"572e4794", "3EFU7m"},
		{"ecac89cad93923c02321", "EJDM8drfXA6uyA"},
		{"10c8511e", "Rt5zm"},
		{"00000000000000000000", "1111111111"},
	} {
		b, _ := hex.DecodeString(tt.hex)
		if got := Encode(b); got != tt.b58 {
			t.Errorf("Encode(%s) = %s, want %s", tt.hex, got, tt.b58)
		}
		if tt.b58 == "" {
			continue
		}
		if got, ok := Decode(tt.b58); !ok || !bytes.Equal(got, b) {
			t.Errorf("Decode(%s) = %x, %v", tt.b58, got, ok)
		}
	}
	for _, bad := range []string{"0", "O", "I", "l", "abc!", strings.Repeat("z", maxLen+1)} {
		if _, ok := Decode(bad); ok {
			t.Errorf("Decode(%q) accepted it", bad)
		}
	}
	if b, ok := DecodeCheck(tronUSDT); !ok || hex.EncodeToString(b) != tronUSDTHex {
		t.Errorf("TRON USDT: %x, %v", b, ok)
	}
	if _, ok := DecodeCheck(tronUSDT[:33] + "u"); ok {
		t.Error("a changed character kept the checksum")
	}
	if _, ok := DecodeCheck("1111"); ok {
		t.Error("too short for a checksum")
	}
}

// TestInAlphabet: exactly the 58 characters of the alphabet.
func TestInAlphabet(t *testing.T) {
	n := 0
	for c := range 256 {
		if InAlphabet(byte(c)) {
			n++
			if !strings.ContainsRune(alphabet, rune(c)) {
				t.Errorf("InAlphabet(%q) but it is not in the alphabet", byte(c))
			}
		}
	}
	if n != 58 {
		t.Errorf("%d characters in the alphabet, want 58", n)
	}
}

// FuzzBase58Check: decoding never panics, and whatever decodes encodes
// back to the same text.
func FuzzBase58Check(f *testing.F) {
	for _, s := range []string{tronUSDT, btcGenesis, btcP2SH, "1", "", "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if b, ok := Decode(s); ok && Encode(b) != s {
			t.Fatalf("%q decodes to %x, which encodes to %q", s, b, Encode(b))
		}
		if p, ok := DecodeCheck(s); ok && EncodeCheck(p) != s {
			t.Fatalf("%q: checked payload %x encodes differently", s, p)
		}
	})
}
