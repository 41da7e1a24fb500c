package revert

import (
	"encoding/hex"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// enc ABI-encodes an error call: keccak256(sig)[:4] followed by
// abi.Arguments.Pack of vals, with the types read from sig itself (so the
// test does not reuse the package's table).
func enc(t testing.TB, sig string, vals ...any) []byte {
	t.Helper()
	open := strings.IndexByte(sig, '(')
	if open < 0 || !strings.HasSuffix(sig, ")") {
		t.Fatalf("bad signature %q", sig)
	}
	var args abi.Arguments
	if inner := sig[open+1 : len(sig)-1]; inner != "" {
		for _, ty := range strings.Split(inner, ",") {
			typ, err := abi.NewType(ty, "", nil)
			if err != nil {
				t.Fatalf("type %q: %v", ty, err)
			}
			args = append(args, abi.Argument{Type: typ})
		}
	}
	packed, err := args.Pack(vals...)
	if err != nil {
		t.Fatalf("pack %s: %v", sig, err)
	}
	return append(crypto.Keccak256([]byte(sig))[:4:4], packed...)
}

// Sample addresses used across the tests.
const (
	hexA = "0x1111111111111111111111111111111111111111"
	hexB = "0x2222222222222222222222222222222222222222"
)

func addr(h string) common.Address { return common.HexToAddress(h) }

func bi(n int64) *big.Int { return big.NewInt(n) }

func hexOf(b []byte) string { return hex.EncodeToString(b) }
