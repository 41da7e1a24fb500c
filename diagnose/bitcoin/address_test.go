package bitcoin

import (
	"strings"
	"testing"
)

func TestParseAddress(t *testing.T) {
	tests := []struct {
		name, input, want, typ string
	}{
		{"p2wpkh upper case (BIP173)", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "p2wpkh"},
		{"p2wsh (BIP173)", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "p2wsh"},
		{"p2tr (BIP350)", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "p2tr"},
		{"p2pkh", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "p2pkh"},
		{"p2sh", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "p2sh"},
		{"recorded address", "1wiz18xYmhRX6xStj2b9t1rwWX4GKUgpv", "1wiz18xYmhRX6xStj2b9t1rwWX4GKUgpv", "p2pkh"},
		{"spaces around", "  bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\n", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "p2wpkh"},
	}
	net := Mainnet()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := net.ParseAddress(tt.input)
			if err != nil || a.String != tt.want || a.Type != tt.typ {
				t.Fatalf("ParseAddress(%q) = %+v, %v; want %s %s", tt.input, a, err, tt.want, tt.typ)
			}
		})
	}
}

func TestParseAddressRefuses(t *testing.T) {
	bad := []struct{ name, input string }{
		{"bech32 checksum", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"},
		{"v1 with a bech32 checksum (BIP350)", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"},
		{"v2 with a bech32 checksum (BIP350)", "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj"},
		{"mixed case", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
		{"testnet", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"},
		{"base58 checksum", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"},
		{"testnet base58", "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn"},
		{"evm address", "0x52908400098527886E0F7030069857D2E4169EE7"},
		{"empty", ""},
		{"long", "bc1" + strings.Repeat("q", 100)},
	}
	net := Mainnet()
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			a, err := net.ParseAddress(tt.input)
			if err == nil {
				t.Fatalf("ParseAddress(%q) = %+v, want an error", tt.input, a)
			}
			if tt.input != "" && strings.Contains(err.Error(), tt.input) {
				t.Errorf("the error echoes the input: %v", err)
			}
		})
	}
}

func TestParseTxid(t *testing.T) {
	id := "6229C0784BC776BE22A5EE84E0E3D9B8F9E17843F079A8444B03BDC98B77D229"
	got, err := ParseTxid(id)
	if err != nil || got != strings.ToLower(id) {
		t.Fatalf("ParseTxid = %q, %v", got, err)
	}
	for _, bad := range []string{"", "0x" + strings.Repeat("a", 64), strings.Repeat("a", 63), strings.Repeat("g", 64), strings.Repeat("a", 65)} {
		if _, err := ParseTxid(bad); err == nil {
			t.Errorf("ParseTxid(%q) accepted", bad)
		}
	}
}
