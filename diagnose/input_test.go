package diagnose

import (
	"errors"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/tyler-smith/go-bip39"
	"github.com/tyler-smith/go-bip39/wordlists"

	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

const (
	hashLower = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
	addrSum   = "0x52908400098527886E0F7030069857D2E4169EE7" // EIP-55 test vector
)

// Secrets the parser must refuse (the detector's own tests, in
// diagnose/secret, use the same ones).
const (
	vector12 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
	privKey  = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	xprv     = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
)

// fixedPhrase is a valid phrase of the given length in list's words, the
// same one for the same length: the phrase diagnose/secret's test helper of
// that name makes, built here with go-bip39.
func fixedPhrase(t *testing.T, words int, list []string, sep string) string {
	t.Helper()
	rng := rand.New(rand.NewSource(int64(words)))
	entropy := make([]byte, words*4/3)
	rng.Read(entropy)
	m, err := bip39.NewMnemonic(entropy)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Fields(m)
	for i, w := range out {
		idx, _ := bip39.GetWordIndex(w)
		out[i] = list[idx]
	}
	return strings.Join(out, sep)
}

func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r - '!' + 0xFF01)
	}
	return b.String()
}

func TestParseInput(t *testing.T) {
	reg := chains.MustDefault()
	hashUpper := "0x" + strings.ToUpper(hashLower[2:])
	hash := func(hint uint64) Query { return Query{Raw: hashLower, Kind: KindTxHash, ChainHint: hint} }
	addr := func(hint uint64) Query { return Query{Raw: addrSum, Kind: KindAddress, ChainHint: hint} }
	tests := []struct {
		name, input string
		want        Query
	}{
		{"bare hash", hashLower, hash(0)},
		{"spaces and newline", "  " + hashLower + " \n", hash(0)},
		{"upper-case hex", hashUpper, hash(0)},
		{"upper-case 0X", "0X" + hashLower[2:], hash(0)},
		{"double quotes", `"` + hashLower + `"`, hash(0)},
		{"single quotes", "'" + hashLower + "'", hash(0)},
		{"backticks", "`" + hashLower + "`", hash(0)},
		{"curly quotes", "“" + hashLower + "”", hash(0)},
		{"curly single quotes", "‘" + hashLower + "’", hash(0)},
		{"corner brackets", "「" + hashLower + "」", hash(0)},
		{"trailing period", hashLower + ".", hash(0)},
		{"trailing full stop and comma", hashLower + "。，", hash(0)},
		{"zero-width and BOM", "\ufeff" + hashLower + "\u200b", hash(0)},
		{"full-width", toFullWidth(hashLower), hash(0)},
		{"labelled", "txid:" + hashLower, hash(0)},
		{"in a sentence", "my tx " + hashLower + " is stuck, please help", hash(0)},
		{"link and its hash in a sentence", "see https://bscscan.com/tx/" + hashLower + " (" + hashLower + ")", hash(56)},
		{"http scheme", "http://etherscan.io/tx/" + hashLower, hash(1)},
		{"no scheme", "bscscan.com/tx/" + hashLower, hash(56)},
		{"www no scheme", "www.bscscan.com/tx/" + hashLower, hash(56)},
		{"query string", "https://etherscan.io/tx/" + hashLower + "?utm_source=x", hash(1)},
		{"fragment", "https://etherscan.io/tx/" + hashLower + "#eventlog", hash(1)},
		{"trailing slash", "https://polygonscan.com/tx/" + hashLower + "/", hash(137)},
		{"hash route", "https://explorer.zksync.io/#/tx/" + hashLower, hash(324)},
		{"language prefix", "https://bscscan.com/en/tx/" + hashLower, hash(56)},
		{"internal tab", "https://arbiscan.io/tx/" + hashLower + "/internal", hash(42161)},
		{"upper-case host", "HTTPS://BSCSCAN.COM/tx/" + hashLower, hash(56)},
		{"unknown explorer", "https://scan.example.org/tx/" + hashLower, hash(0)},
		{"known explorer without 0x", "https://etherscan.io/tx/" + hashLower[2:], hash(1)},
		{"blockscout", "https://eth.blockscout.com/tx/" + hashLower, hash(1)},
		{"opbnb on bscscan", "https://opbnb.bscscan.com/tx/" + hashLower, hash(204)},
		{"link in quotes", "\"https://basescan.org/tx/" + hashLower + "\"", hash(8453)},
		{"checksummed address", addrSum, addr(0)},
		{"lower-case address", strings.ToLower(addrSum), addr(0)},
		{"upper-case address", "0x" + strings.ToUpper(addrSum[2:]), addr(0)},
		{"address without 0x", strings.ToLower(addrSum[2:]), addr(0)},
		{"address link", "https://bscscan.com/address/" + addrSum + "#tokentxns", addr(56)},
		{"address link lower-case", "https://etherscan.io/address/" + strings.ToLower(addrSum), addr(1)},
	}
	for _, c := range reg.All() {
		tests = append(tests,
			struct {
				name, input string
				want        Query
			}{c.Name + " explorer", c.TxURL(hashLower), hash(c.ID)},
			struct {
				name, input string
				want        Query
			}{c.Name + " address", c.AddressURL(addrSum), addr(c.ID)})
		for _, h := range c.ExplorerHosts {
			tests = append(tests, struct {
				name, input string
				want        Query
			}{h, "https://" + h + "/tx/" + hashLower, hash(c.ID)})
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseInput(tt.input, reg)
			if err != nil {
				t.Fatalf("ParseInput: %v", err)
			}
			if got.Raw != tt.want.Raw || got.Kind != tt.want.Kind || got.ChainHint != tt.want.ChainHint {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if got.Family != FamilyEVM || got.Ref != got.Raw || got.NeedsConfirm {
				t.Errorf("family %q ref %q confirm %v, want evm, the raw form, no confirmation", got.Family, got.Ref, got.NeedsConfirm)
			}
			if got.Kind == KindTxHash && common.HexToHash(got.Raw).Hex() != got.Raw {
				t.Errorf("Raw %s is not the hash %s", got.Raw, common.HexToHash(got.Raw).Hex())
			}
			if got.Kind == KindAddress && common.HexToAddress(got.Raw).Hex() != got.Raw {
				t.Errorf("Raw %s is not the checksummed address %s", got.Raw, common.HexToAddress(got.Raw).Hex())
			}
		})
	}
}

func TestParseInputErrors(t *testing.T) {
	reg := chains.MustDefault()
	badSum := "0x52908400098527886E0F7030069857D2E4169Ee7"
	tests := []struct {
		name, input, want string
	}{
		{"empty", "", "nothing to check"},
		{"only quotes", ` "" `, "nothing to check"},
		{"short hash", hashLower[:64], "a transaction hash is 0x followed by 64 hex characters (an address, 40); this has 62"},
		{"long hash", hashLower + "00", "this has 66"},
		{"not hex", hashLower[:10] + "zz" + hashLower[12:], "character 9 after 0x is not a hex digit"},
		{"letter O for zero", "0x" + strings.Replace(hashLower[2:], "0", "O", 3), "not a hex digit"},
		{"no 0x but O x", "Ox" + hashLower[2:], "not a transaction hash"},
		{"bad checksum", badSum, "may be mistyped"},
		{"words", "my transfer is stuck", "no transaction hash"},
		{"no 0x short", "5c504ed4", "not a transaction hash"},
		{"two hashes", hashLower + " 0x" + strings.Repeat("ab", 32), "2 different hashes or addresses"},
		{"link to a block", "https://etherscan.io/block/19000000", "does not point to a transaction"},
		{"bad link hash", "https://bscscan.com/tx/" + hashLower[:40], "this has 38"},
		{"ftp link", "ftp://etherscan.io/tx/" + hashLower, "could not be read"},
		{"ens", "vitalik.eth", "ENS names"},
		{"tron address with a wrong checksum", "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBg", "TRON address, but its checksum"},
		{"too long", hashLower + strings.Repeat(" ", MaxInputBytes), "bytes long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseInput(tt.input, reg)
			if err == nil {
				t.Fatalf("want an error, got %+v", q)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Secret != "" {
				t.Errorf("error %#v is not a plain *InputError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
			if secret.IsRefusal(err) {
				t.Error("not a secret, but refused as one")
			}
		})
	}
}

func TestParseInputRefusesSecrets(t *testing.T) {
	en := fixedPhrase(t, 12, wordlists.English, " ")
	zh := fixedPhrase(t, 12, wordlists.ChineseSimplified, "")
	tests := []struct {
		name, input string
		kind        secret.Kind
		parts       []string // text that must not come back
	}{
		{"phrase", en, secret.RecoveryPhrase, strings.Fields(en)},
		{"phrase with a hash", hashLower + " " + en, secret.RecoveryPhrase, strings.Fields(en)},
		{"phrase in a link", "https://etherscan.io/tx/" + hashLower + "?note=" + strings.ReplaceAll(en, " ", "+"), secret.RecoveryPhrase, strings.Fields(en)},
		{"chinese phrase", zh, secret.RecoveryPhrase, strings.Split(zh, "")},
		{"key in a sentence", "my wallet gave me " + privKey + " what is it", secret.PrivateKey, []string{privKey[:8], privKey[56:]}},
		{"labelled key", "key: 0x" + privKey, secret.PrivateKey, []string{privKey[:8], privKey[56:]}},
		{"key that is too long to parse", privKey + strings.Repeat(" x", MaxInputBytes), secret.PrivateKey, []string{privKey[:8]}},
		{"xprv", xprv, secret.ExtendedKey, []string{xprv[4:20]}},
		{"keystore", `{"crypto":{"ciphertext":"5318b4d5bcd28de64ee5559e671353e1"}}`, secret.Keystore, []string{"5318b4d5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseInput(tt.input, chains.MustDefault())
			if !secret.IsRefusal(err) {
				t.Fatalf("want a secret refusal, got %+v, %v", q, err)
			}
			var ie *InputError
			errors.As(err, &ie)
			if ie.Secret != tt.kind || ie.Reason != secret.Refusal || ie.Message("zh") != secret.RefusalZH {
				t.Errorf("got kind %q reason %q", ie.Secret, ie.Reason)
			}
			if q != (Query{}) {
				t.Errorf("a refused input returned %+v", q)
			}
			for _, p := range tt.parts {
				// Whole words: the refusal itself says "shared", and
				// "share" is a BIP-39 word.
				word := regexp.MustCompile(`\b` + regexp.QuoteMeta(p) + `\b`)
				if word.MatchString(err.Error()) || p[0] >= 0x80 && strings.Contains(err.Error(), p) {
					t.Errorf("the error repeats %q", p)
				}
			}
		})
	}
	if secret.IsRefusal(errors.New("other")) || secret.IsRefusal(nil) {
		t.Error("secret.IsRefusal accepts unrelated errors")
	}
	wrapped := secretRefusal(secret.PrivateKey)
	if !secret.IsRefusal(errors.Join(errors.New("check"), wrapped)) {
		t.Error("secret.IsRefusal misses a wrapped refusal")
	}
}

func TestParseInputNilRegistry(t *testing.T) {
	q, err := ParseInput("https://bscscan.com/tx/"+hashLower, nil)
	if err != nil || q.Raw != hashLower || q.ChainHint != 0 {
		t.Errorf("got %+v, %v", q, err)
	}
}

func TestInputKindString(t *testing.T) {
	for k, want := range map[InputKind]string{KindTxHash: "transaction hash", KindAddress: "address", 0: "unknown input"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", k, got, want)
		}
	}
}
