package tron

import (
	"strings"
	"testing"
)

// The pairs come from TRON.md (USDT: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t =
// 41a614f8…) and public code (Nile USDT TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf).
func TestParseAddress(t *testing.T) {
	tests := []struct {
		name, in, want, hex string
		err                 bool
	}{
		{"base58 usdt", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c", false},
		{"hex usdt", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c", false},
		{"hex with 0x and upper case", "0x41ECA9BC828A3005B9A3B909F2CC5C2A54794DE05F", "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "41eca9bc828a3005b9a3b909f2cc5c2a54794de05f", false},
		{"spaces around", "  TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf\n", "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "41eca9bc828a3005b9a3b909f2cc5c2a54794de05f", false},
		{"one letter changed", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "", "", true},
		{"not base58 (0)", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60", "", "", true},
		{"too short", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6", "", "", true},
		{"hex without 41", "00a614f803b6fd780986a42c78ec9c7f77e6ded13c", "", "", true},
		{"bitcoin address", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "", "", true},
		{"evm address", "0xa614f803b6fd780986a42c78ec9c7f77e6ded13c", "", "", true},
		{"empty", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAddress(tt.in)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if err == nil && (a.String() != tt.want || a.Hex() != tt.hex) {
				t.Errorf("got %s %s, want %s %s", a, a.Hex(), tt.want, tt.hex)
			}
		})
	}
}

func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
		"TNBWAv3eDZ3W9c61etU34DEy2X1kx5v6m5", "1111111111111111111111111111111111", "", "0x41", strings.Repeat("z", 34)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAddress(s)
		if err != nil {
			return
		}
		if a[0] != addressPrefix {
			t.Fatalf("%q parsed without the 41 prefix", s)
		}
		// Both forms must round-trip to the same address.
		b, err := ParseAddress(a.String())
		if err != nil || b != a {
			t.Fatalf("%q: base58 %s does not round-trip: %v", s, a, err)
		}
		c, err := ParseAddress(a.Hex())
		if err != nil || c != a {
			t.Fatalf("%q: hex %s does not round-trip: %v", s, a.Hex(), err)
		}
		if len(a.String()) != 34 || a.String()[0] != 'T' {
			t.Fatalf("%q: base58 form %q is not 34 characters starting with T", s, a)
		}
	})
}
