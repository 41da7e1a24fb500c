package diagnose

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/unstuck-dev/unstuck/diagnose/base58"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// FuzzParseInput: any input either fails with a reason that carries no
// secret, or yields a valid public id of its family (a bare 64-hex only
// when held for confirmation); a detected secret is always refused.
// ParseAddress holds to the same, and yields addresses only.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{hashLower, addrSum, "https://bscscan.com/tx/" + hashLower, vector12, privKey, "０ｘ",
		tronUSDT, tronUSDTHex, btcP2WPKH, btcP2TR, btcGenesis, "https://tronscan.org/#/transaction/" + tronTxID,
		"https://mempool.space/testnet/tx/" + btcTxID, "https://www.oklink.com/trx/tx/" + tronTxID, "0x5c50…2060",
		hashLower[:30] + "\n" + hashLower[30:], "key: 0x" + privKey, "abandon ability able about"} {
		f.Add(s)
	}
	reg := chains.MustDefault()
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseInput(s, reg)
		_, isSecret := secret.DetectIn(secret.FieldTxID, s)
		checkParsed(t, s, q, err, isSecret, reg)
		a, err := ParseAddress(s)
		_, isSecret = secret.DetectIn(secret.FieldPublic, s)
		checkParsed(t, s, a, err, isSecret, reg)
		if err == nil && a.Kind != KindAddress {
			t.Fatalf("ParseAddress returned a %s", a.Kind)
		}
	})
}

func checkParsed(t *testing.T, s string, q Query, err error, isSecret bool, reg *chains.Registry) {
	t.Helper()
	if isSecret && (!secret.IsRefusal(err) || q != (Query{})) {
		t.Fatalf("a detected secret was not refused: %+v, %v", q, err)
	}
	if err != nil {
		for _, lang := range []string{"en", "zh"} {
			msg := err.(*InputError).Message(lang)
			if _, leaked := secret.Detect(msg); leaked {
				t.Fatalf("the error carries a secret: %q", msg)
			}
			if isSecret && strings.TrimSpace(s) != "" && strings.Contains(msg, strings.TrimSpace(s)) {
				t.Fatalf("the error repeats the input")
			}
		}
		return
	}
	if q.NeedsConfirm {
		if q.Family != "" || q.Kind != KindTxHash || len(q.Ref) != 64 || !isHexString(q.Ref) || strings.ToLower(q.Ref) != q.Ref {
			t.Fatalf("held for confirmation: %+v", q)
		}
		return
	}
	switch q.Family {
	case FamilyEVM:
		checkEVM(t, q, reg)
	case FamilyTron, FamilyBitcoin:
		if q.ChainHint != 0 || q.Raw != q.Ref {
			t.Fatalf("%s query with EVM fields: %+v", q.Family, q)
		}
		switch {
		case q.Kind == KindTxHash:
			if len(q.Ref) != 64 || !isHexString(q.Ref) || strings.ToLower(q.Ref) != q.Ref {
				t.Fatalf("txid %q", q.Ref)
			}
		case q.Family == FamilyTron:
			if b, ok := base58.DecodeCheck(q.Ref); !ok || len(b) != 21 || b[0] != tronPrefix {
				t.Fatalf("TRON address %q", q.Ref)
			}
		default:
			_, bech := decodeSegwit(q.Ref)
			b, b58 := base58.DecodeCheck(q.Ref)
			if !bech && !(b58 && len(b) == 21) {
				t.Fatalf("Bitcoin address %q", q.Ref)
			}
		}
	default:
		t.Fatalf("success with family %q: %+v", q.Family, q)
	}
}

func checkEVM(t *testing.T, q Query, reg *chains.Registry) {
	t.Helper()
	if q.Ref != q.Raw || q.Network != "" {
		t.Fatalf("EVM query %+v", q)
	}
	switch q.Kind {
	case KindTxHash:
		var h common.Hash
		if h.UnmarshalText([]byte(q.Raw)) != nil || q.Raw != h.Hex() || q.Ref != q.Raw || len(q.Raw) != 66 {
			t.Fatalf("Raw %q, Ref %q: not the hash %s", q.Raw, q.Ref, h.Hex())
		}
	case KindAddress:
		if !common.IsHexAddress(q.Raw) || q.Raw != common.HexToAddress(q.Raw).Hex() || q.Ref != q.Raw || !strings.HasPrefix(q.Raw, "0x") {
			t.Fatalf("Raw %q, Ref %q: not the checksummed address %s", q.Raw, q.Ref, common.HexToAddress(q.Raw).Hex())
		}
	default:
		t.Fatalf("success with kind %d", q.Kind)
	}
	if _, ok := reg.ByID(q.ChainHint); q.ChainHint != 0 && !ok {
		t.Fatalf("hint %d is not a known chain", q.ChainHint)
	}
}
