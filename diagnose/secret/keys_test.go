package secret

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/tyler-smith/go-bip39/wordlists"

	"github.com/unstuck-dev/unstuck/diagnose/base58"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
)

// Public ids the detector must let through: an EIP-55 test vector, ids
// from the reference captures (TRON.md, BITCOIN.md) and the BIP-173/350
// test vectors.
const (
	addrSum    = "0x52908400098527886E0F7030069857D2E4169EE7"
	tronUSDT   = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
	tronTxID   = "01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca"
	btcTxID    = "1f6cf526064454b745f9fe40b1d673e512b226278811af433b1c8f022c600747"
	btcGenesis = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
	btcP2SH    = "3QJmV3qfvL9SuYo34YihAf3sRCW3qSinyC"
	btcP2WPKH  = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
	btcP2TR    = "bc1paardr2nczq0rx5rqpfwnvpzm497zvux64y0f7wjgcs7xuuuh2nnqwr2d5c"
	btcTestnet = "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"
)

// keyLabels are the words people put before or after a key they paste.
func keyLabels() []string {
	return []string{"private key", "Private Key", "PRIVATE KEY", "private-key", "private_key", "privatekey", "privkey", "priv key",
		"key", "Key", "keys", "PK", "pk", "secret", "secret key", "私钥", "秘钥", "密钥", "私鑰", "密鑰", "秘鑰", "私匙"}
}

func TestLabelledKeys(t *testing.T) {
	k := "0x" + privKey
	var cases []string
	for _, l := range keyLabels() {
		cases = append(cases,
			l+": "+k, l+":"+k, l+"="+k, l+" "+k, l+" is "+k, "my "+l+" "+k, l+"：“"+k+"”", l+"\n"+k,
			k+" is my "+l, k+" ("+l+")", k+" "+l, k+"（"+l+"）",
			strings.ToUpper(k[:2])+k[2:]+" — "+l)
	}
	cases = append(cases, "我的私钥是0x"+privKey, "这是我的秘钥 0x"+privKey+" 请帮忙", "0x"+privKey+"是我的私钥", "私鑰："+k,
		"private key for my wallet: "+k, toFullWidth("key:")+k)
	for _, c := range cases {
		if kind, ok := Detect(c); !ok || kind != PrivateKey {
			t.Errorf("Detect(%q) = %q, %v; want private_key", c, kind, ok)
		}
	}
	// Not labels: a transaction hash with ordinary words, or a public key.
	for _, c := range []string{
		"tx " + txHash + " failed, nonce 7",
		txHash + " keeps failing",
		"monkey " + txHash,
		"keystore " + txHash,
		"public key " + txHash,
		"the public key is " + txHash,
		"公钥 " + txHash,
		txHash + " is stuck since yesterday and I do not know why the key",
		"private key " + txHash + privKey, // 128 hex: not a key
	} {
		if kind, ok := Detect(c); ok {
			t.Errorf("Detect(%q) = %q, want no secret", c, kind)
		}
	}
}

// wif encodes a 32-byte key in Wallet Import Format.
func wif(key []byte, version byte, compressed bool) string {
	p := append([]byte{version}, key...)
	if compressed {
		p = append(p, 1)
	}
	return base58.EncodeCheck(p)
}

func TestWIF(t *testing.T) {
	known := []string{
		"5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",  // bitcoin wiki, uncompressed
		"KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617", // bitcoin wiki, compressed
	}
	prefixes := map[byte]bool{}
	for i := range 40 {
		key := sha256.Sum256(fmt.Appendf(nil, "wif %d", i))
		for _, v := range []byte{0x80, 0xef} {
			for _, c := range []bool{false, true} {
				w := wif(key[:], v, c)
				prefixes[w[0]] = true
				known = append(known, w)
			}
		}
	}
	for _, p := range "5KL9c" {
		if !prefixes[byte(p)] {
			t.Errorf("no generated WIF starts with %c", p)
		}
	}
	for _, w := range known {
		for _, in := range []string{w, "wif: " + w, "my key " + w + " please", "\"" + w + "\""} {
			if kind, ok := Detect(in); !ok || kind != PrivateKey {
				t.Errorf("Detect(%q) = %q, %v", in, kind, ok)
			}
		}
	}
	// A WIF with one character changed fails its checksum; public base58
	// ids of other lengths are never WIF.
	bad := []byte(known[0])
	bad[10] = 'z'
	for _, s := range []string{string(bad), tronUSDT, btcGenesis, btcP2SH, btcP2WPKH, xprv[:52], known[0] + "a", "x" + known[1]} {
		if kind, ok := Detect(s); ok && kind == PrivateKey {
			t.Errorf("Detect(%q) = %q", s, kind)
		}
	}
}

func TestExtendedKeys(t *testing.T) {
	for _, p := range []string{"xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv", "Uprv", "Vprv"} {
		k := p + xprv[4:]
		for _, in := range []string{k, "electrum: " + k, k[:60]} {
			if kind, ok := Detect(in); !ok || kind != ExtendedKey {
				t.Errorf("Detect(%q) = %q, %v", in, kind, ok)
			}
		}
	}
	if _, ok := Detect("xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"); ok {
		t.Error("an xpub is public")
	}
}

// TestWordRunsInPublicFields: in a field that takes a hash, a link or an
// address, four wordlist words in a row are a partial phrase; in free text
// they are prose.
func TestWordRunsInPublicFields(t *testing.T) {
	words := strings.Fields(fixedPhrase(12, wordlists.English, " "))
	zh := strings.Fields(fixedPhrase(12, wordlists.ChineseSimplified, " "))
	zht := strings.Fields(fixedPhrase(12, wordlists.ChineseTraditional, " "))
	var caught []string
	for n := runWords; n < phraseWords; n++ {
		run := strings.Join(words[:n], " ")
		caught = append(caught, run, strings.ToUpper(run), titleCase(words[:n]), strings.Join(words[:n], ","), strings.Join(words[:n], "\n"),
			txHash+" "+run, run+" "+txHash, "https://etherscan.io/tx/"+txHash+" "+run, "0x"+privKey[:40]+" "+run,
			strings.Join(zh[:n], " "), strings.Join(zh[:n], "、"), strings.Join(zh[:n], ""), strings.Join(zht[:n], " "),
			strings.Join(zh[:n], "\n"), txHash+" "+strings.Join(zh[:n], " "))
	}
	var abbrev []string
	for _, w := range words[:4] {
		abbrev = append(abbrev, w[:min(4, len(w))])
	}
	caught = append(caught, strings.Join(abbrev, " "), "abandon ability able about", strings.Join(words[:6], ""))
	for _, f := range []Field{FieldPublic, FieldTxID} {
		for _, in := range caught {
			if kind, ok := DetectIn(f, in); !ok {
				t.Errorf("field %d: DetectIn(%q) = %q, %v; want a phrase", f, in, kind, ok)
			}
		}
	}
	if _, ok := Detect(strings.Join(words[:11], " ")); ok {
		t.Error("free text: 11 words are prose")
	}
	// What these fields really hold.
	reg := chains.MustDefault()
	public := []string{
		txHash, addrSum, privKey[:40], "https://etherscan.io/tx/" + txHash, "my tx " + txHash + " is stuck, please help",
		"can you please check " + txHash, "交易哈希：" + txHash, "帮我看一下这个交易 " + txHash + " 为什么失败了", "地址 " + addrSum,
		"https://mempool.space/testnet/address/" + btcTestnet, "https://blockchair.com/bitcoin/transaction/" + btcTxID,
		"https://tronscan.org/#/transaction/" + tronTxID, "https://www.oklink.com/zh-hans/trx/address/" + tronUSDT,
		"https://mainnet.infura.io/v3/0123456789abcdef", "http://127.0.0.1:8545", "http://localhost:8545/", tronUSDT, btcP2WPKH, btcP2TR,
		"https://api.trongrid.io", "https://nile.trongrid.io", "https://mempool.space/api", "https://blockstream.info/api",
		"bsc 56 https://bsc-dataseed.binance.org", "https://rpc.ankr.com/eth", "0x5c50…2060",
	}
	for _, c := range reg.All() {
		public = append(public, c.Explorer, c.TxURL(txHash), c.AddressURL(addrSum))
		public = append(public, c.Endpoints...)
	}
	for _, in := range public {
		if kind, ok := DetectIn(FieldPublic, in); ok {
			t.Errorf("DetectIn(FieldPublic, %q) = %q, want nothing", in, kind)
		}
	}
}

func TestBareHexInTxIDField(t *testing.T) {
	for _, in := range []string{privKey, strings.ToUpper(privKey), " '" + privKey + "'\n", toFullWidth(privKey)} {
		if !IsBareHex64(in) {
			t.Errorf("IsBareHex64(%q) = false", in)
		}
		if kind, ok := DetectIn(FieldTxID, in); ok {
			t.Errorf("FieldTxID holds %q for confirmation, but it was refused as %q", in, kind)
		}
		for _, f := range []Field{FieldText, FieldPublic} {
			if _, ok := DetectIn(f, in); !ok {
				t.Errorf("field %d: a bare key %q was not refused", f, in)
			}
		}
	}
	for _, in := range []string{"my key " + privKey, privKey + " " + privKey, "0x" + privKey, privKey + "0"} {
		if IsBareHex64(in) {
			t.Errorf("IsBareHex64(%q) = true", in)
		}
	}
}
