package diagnose

import (
	"bytes"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestKeccak256MatchesGoEthereum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	// every length around the 136-byte rate, and some long inputs
	for n := 0; n < 600; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		got := keccak256(b)
		if want := crypto.Keccak256(b); !bytes.Equal(got[:], want) {
			t.Fatalf("keccak256 of %d bytes = %x, want %x", n, got, want)
		}
	}
	if got := keccak256(nil); hex.EncodeToString(got[:]) != "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" {
		t.Fatalf("keccak256 of nothing = %x", got)
	}
}

func TestChecksumAddressMatchesGoEthereum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var a common.Address
		for i := range a {
			a[i] = byte(r.UintN(256))
		}
		if got, want := checksumAddress(hex.EncodeToString(a[:])), a.Hex(); got != want {
			t.Fatalf("checksumAddress = %s, want %s", got, want)
		}
	}
	// EIP-55's own examples
	for _, want := range []string{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
		"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"} {
		if got := checksumAddress(want[2:]); got != want {
			t.Errorf("checksumAddress(%s) = %s", want, got)
		}
	}
}

func FuzzChecksumAddress(f *testing.F) {
	f.Add([]byte("0123456789abcdef0123"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 20 {
			return
		}
		a := common.BytesToAddress(b[:20])
		if got := checksumAddress(hex.EncodeToString(a[:])); got != a.Hex() {
			t.Fatalf("checksumAddress(%x) = %s, want %s", a, got, a.Hex())
		}
		if got := keccak256(b); !bytes.Equal(got[:], crypto.Keccak256(b)) {
			t.Fatalf("keccak256(%x) differs", b)
		}
	})
}
