package diagnose

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// FuzzParseInput: any input either fails with a reason that carries no
// secret, or yields a valid public hash or address; a detected secret is
// always refused.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{hashLower, addrSum, "https://bscscan.com/tx/" + hashLower, vector12, privKey, "０ｘ"} {
		f.Add(s)
	}
	reg := chains.MustDefault()
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseInput(s, reg)
		_, secret := DetectSecret(s)
		if secret {
			if !IsSecretRefusal(err) || q != (Query{}) {
				t.Fatalf("a detected secret was not refused: %+v, %v", q, err)
			}
		}
		if err != nil {
			if _, leaked := DetectSecret(err.Error()); leaked {
				t.Fatalf("the error carries a secret: %q", err)
			}
			if secret && strings.TrimSpace(s) != "" && strings.Contains(err.Error(), strings.TrimSpace(s)) {
				t.Fatalf("the error repeats the input")
			}
			return
		}
		switch q.Kind {
		case KindTxHash:
			var h common.Hash
			if h.UnmarshalText([]byte(q.Raw)) != nil || q.Raw != q.Hash.Hex() || len(q.Raw) != 66 {
				t.Fatalf("Raw %q is not the hash %s", q.Raw, q.Hash.Hex())
			}
		case KindAddress:
			if !common.IsHexAddress(q.Raw) || q.Raw != q.Address.Hex() || !strings.HasPrefix(q.Raw, "0x") {
				t.Fatalf("Raw %q is not the address %s", q.Raw, q.Address.Hex())
			}
		default:
			t.Fatalf("success with kind %d", q.Kind)
		}
		if _, ok := reg.ByID(q.ChainHint); q.ChainHint != 0 && !ok {
			t.Fatalf("hint %d is not a known chain", q.ChainHint)
		}
	})
}

// FuzzDetectSecret: never panics, and surrounding whitespace does not change
// the verdict.
func FuzzDetectSecret(f *testing.F) {
	for _, s := range []string{vector12, zhVector12, privKey, xprv, `{"crypto":{"kdf":"scrypt"}}`, hashLower} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, ok := DetectSecret(s)
		if ok != (kind != "") {
			t.Fatalf("DetectSecret = %q, %v", kind, ok)
		}
		if k2, ok2 := DetectSecret(" \n" + s + " \t"); k2 != kind || ok2 != ok {
			t.Fatalf("padding changed the verdict: %q → %q", kind, k2)
		}
	})
}
