package secret

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/tyler-smith/go-bip39"
	"github.com/tyler-smith/go-bip39/wordlists"
)

// phraseIndexes is BIP-39 (entropy → 11-bit word indexes with the checksum
// appended), written out here so the tests do not trust the detector's own
// checksum code; TestPhraseIndexes checks it against go-bip39.
func phraseIndexes(entropy []byte) []int {
	sum := sha256.Sum256(entropy)
	bits := make([]int, 0, len(entropy)*8+8)
	for _, b := range append(slices.Clone(entropy), sum[0]) {
		for i := 7; i >= 0; i-- {
			bits = append(bits, int(b>>i&1))
		}
	}
	n := len(entropy) * 8 * 33 / 32 / 11
	idx := make([]int, n)
	for w := range n {
		for _, bit := range bits[w*11 : w*11+11] {
			idx[w] = idx[w]<<1 | bit
		}
	}
	return idx
}

func phrase(entropy []byte, list []string) []string {
	var words []string
	for _, i := range phraseIndexes(entropy) {
		words = append(words, list[i])
	}
	return words
}

func randomEntropy(rng *rand.Rand, words int) []byte {
	b := make([]byte, words*4/3)
	rng.Read(b)
	return b
}

func TestPhraseIndexes(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, n := range []int{12, 15, 18, 21, 24} {
		e := randomEntropy(rng, n)
		want, err := bip39.NewMnemonic(e)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(phrase(e, wordlists.English), " "); got != want {
			t.Fatalf("test helper disagrees with go-bip39:\n%s\n%s", got, want)
		}
	}
}

const (
	vector12   = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
	legal12    = "legal winner thank year wave sausage worth useful legal winner thank yellow"
	zhVector12 = "的的的的的的的的的的的在"
	txHash     = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
	privKey    = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	xprv       = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
)

func fixedPhrase(words int, list []string, sep string) string {
	rng := rand.New(rand.NewSource(int64(words)))
	return strings.Join(phrase(randomEntropy(rng, words), list), sep)
}

func TestDetectCatches(t *testing.T) {
	en12 := fixedPhrase(12, wordlists.English, " ")
	words := strings.Fields(en12)
	typo := slices.Clone(words)
	typo[5] += "q" // one extra letter; no BIP-39 word ends in q
	badChecksum := slices.Clone(words)
	badChecksum[11] = words[0]
	var numbered, numberedParen, abbrev []string
	for i, w := range words {
		numbered = append(numbered, strings.Repeat(" ", i%2)+itoa(i+1)+". "+w)
		numberedParen = append(numberedParen, itoa(i+1)+") "+w)
		abbrev = append(abbrev, w[:min(4, len(w))])
	}
	zs := strings.Fields(fixedPhrase(12, wordlists.ChineseSimplified, " "))
	var zhNumbered []string
	for i, w := range zs {
		zhNumbered = append(zhNumbered, itoa(i+1)+"."+w)
	}

	tests := []struct {
		name, input string
		want        Kind
	}{
		{"test vector", vector12, RecoveryPhrase},
		{"test vector 2", legal12, RecoveryPhrase},
		{"random 12", en12, RecoveryPhrase},
		{"random 15", fixedPhrase(15, wordlists.English, " "), RecoveryPhrase},
		{"random 18", fixedPhrase(18, wordlists.English, " "), RecoveryPhrase},
		{"random 24", fixedPhrase(24, wordlists.English, " "), RecoveryPhrase},
		{"bad checksum", strings.Join(badChecksum, " "), RecoveryPhrase},
		{"upper case", strings.ToUpper(en12), RecoveryPhrase},
		{"title case", titleCase(words), RecoveryPhrase},
		{"commas", strings.Join(words, ", "), RecoveryPhrase},
		{"full-width commas", strings.Join(words, "，"), RecoveryPhrase},
		{"newlines", strings.Join(words, "\n"), RecoveryPhrase},
		{"tabs", strings.Join(words, "\t"), RecoveryPhrase},
		{"numbered", strings.Join(numbered, "\n"), RecoveryPhrase},
		{"numbered paren", strings.Join(numberedParen, "\n"), RecoveryPhrase},
		{"numbered zh style", strings.ReplaceAll(strings.Join(numbered, "\n"), ". ", "、"), RecoveryPhrase},
		{"in a sentence", "hi, my phrase is " + en12 + " please help me get my money back", RecoveryPhrase},
		{"glued to a hash", txHash + en12, RecoveryPhrase},
		{"glued to a hash ending in a letter", txHash[:65] + "f" + vector12 + "e1", RecoveryPhrase},
		{"no spaces", strings.ReplaceAll(en12, " ", ""), RecoveryPhrase},
		{"zero-width spaces", strings.ReplaceAll(en12, " ", "\u200b"), RecoveryPhrase},
		{"one typo", strings.Join(typo, " "), RecoveryPhrase},
		{"4-letter abbreviations", strings.Join(abbrev, " "), RecoveryPhrase},
		{"quoted", "\"" + en12 + "\"", RecoveryPhrase},

		{"zh spaced", strings.Join(zs, " "), RecoveryPhrase},
		{"zh unspaced", strings.Join(zs, ""), RecoveryPhrase},
		{"zh test vector unspaced", zhVector12, RecoveryPhrase},
		{"zh test vector spaced", strings.Join(strings.Split(zhVector12, ""), " "), RecoveryPhrase},
		{"zh first twelve words spaced", "的 一 是 在 不 了 有 和 人 这 中 大", RecoveryPhrase},
		{"zh 、", strings.Join(zs, "、"), RecoveryPhrase},
		{"zh numbered", strings.Join(zhNumbered, "\n"), RecoveryPhrase},
		{"zh in a sentence", "我的助记词是 " + strings.Join(zs, "") + " 请帮我找回资产", RecoveryPhrase},
		{"zh traditional", fixedPhrase(12, wordlists.ChineseTraditional, " "), RecoveryPhrase},
		{"zh 24 unspaced", fixedPhrase(24, wordlists.ChineseSimplified, ""), RecoveryPhrase},
		{"zh one unknown character", strings.Join(append(slices.Clone(zs[:11]), "鑫"), " "), RecoveryPhrase},

		{"bare private key", privKey, PrivateKey},
		{"upper-case key", strings.ToUpper(privKey), PrivateKey},
		{"key in quotes", "'" + privKey + "'\n", PrivateKey},
		{"key in a sentence", "my key is " + privKey + ", can you check it", PrivateKey},
		{"full-width key", toFullWidth(privKey), PrivateKey},
		{"key with zero-width space", "\ufeff" + privKey + "\u200b", PrivateKey},
		{"labelled 0x key", "private key: 0x" + privKey, PrivateKey},
		{"labelled 0x key zh", "我的私钥是0x" + privKey, PrivateKey},

		{"xprv", xprv, ExtendedKey},
		{"tprv", "tprv8ZgxMBicQKsPd7Uf69XL1XwhmjHopUGep8GuEiJDZmbQz6o58LninorQAfcKZWARbtRtfnLcJ5MQ2AtHcQJCCRUcMRvmDUjyEmNUWwx8UbK", ExtendedKey},
		{"truncated zprv", "zprvAWgYBBk7JR8Gjrh4UJQ2uJdG1r3WNRRfURiABBE3RvMXYSrRJL62XuezvGdPvG6GFBZduosCc1YP5wixPox7zhZLfiUm8aunE96BBa4Kei5", ExtendedKey},

		{"keystore", `{"address":"008aeeda4d805471df9b2a5b0f38a0c3bcba786b","crypto":{"cipher":"aes-128-ctr","ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},"kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,"salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},"mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},"id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}`, Keystore},
		{"keystore capital Crypto", `{"Crypto":{"Cipher":"aes-128-ctr","CipherText":"5318b4d5"}}`, Keystore},
		{"partial keystore", `"kdf": "pbkdf2", "kdfparams": {"c": 262144`, Keystore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Detect(tt.input)
			if !ok || got != tt.want {
				t.Errorf("Detect = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func titleCase(words []string) string {
	var out []string
	for _, w := range words {
		out = append(out, strings.ToUpper(w[:1])+w[1:])
	}
	return strings.Join(out, " ")
}

func itoa(i int) string { return strings.TrimLeft(string(rune('0'+i/10))+string(rune('0'+i%10)), "0") }

func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r - '!' + 0xFF01)
	}
	return b.String()
}

// TestDetectIgnores is the false-positive list: what users actually
// paste and write, none of it secret.
func TestDetectIgnores(t *testing.T) {
	addr := "0x52908400098527886E0F7030069857D2E4169EE7"
	tests := []string{
		"my transfer of 100 USDT is stuck since yesterday and the wallet says pending",
		"I sent ETH to Binance two hours ago but it has not arrived, what should I do?",
		"MetaMask says: insufficient funds for gas * price + value",
		"replacement transaction underpriced",
		"nonce too low",
		"max fee per gas less than block base fee",
		"Internal JSON-RPC error. execution reverted: UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT",
		"execution reverted: ERC20: transfer amount exceeds balance",
		"WalletConnect: pairing with existing pairing is not allowed",
		"Unrecognized chain ID 0x38. Try adding the chain using wallet_addEthereumChain first.",
		"transaction indexing is in progress",
		"the dapp will not connect, I tried to refresh and clear the cache but nothing changes",
		"I want to cancel my pending transaction because the gas price was too low when I sent it",
		"Hello, I need help. Last week I bought some tokens on PancakeSwap and the swap failed with 'Too little received'. " +
			"I still paid the gas fee. Can you tell me why this happened and how to avoid it next time? Thank you very much.",
		"someone in the support group said that you have to give them your phrase to unlock the wallet, is this a scam?",
		"key again enter same key again you can now edit this file", // 12 wordlist words of real prose
		"please help me check this transfer, I think the network was wrong, maybe I chose BSC instead of Ethereum",
		"where do I find the keystore file? the app asks for a password and a private key",
		"what is an xprv and should I ever type it anywhere?",
		txHash,
		strings.ToUpper(txHash[2:]) + "0", // 65 hex digits: not a key
		"0x" + privKey + privKey,          // a signature-sized blob
		addr,
		"52908400098527886e0f7030069857d2e4169ee7",
		"https://bscscan.com/tx/" + txHash + "#eventlog",
		"https://etherscan.io/address/" + addr + "?tab=tokens",
		"https://mempool.space/tx/" + privKey, // a Bitcoin transaction id in a link
		"tx " + txHash + " failed, nonce 7, gas 21000",
		"我的USDT转账一直显示打包中，已经过了两个小时了，怎么办？",
		"转账失败，提示矿工费不足，请问要怎么处理",
		"我从火币提币到imToken钱包，交易哈希显示成功但是钱包里没有到账",
		"请问这笔交易为什么一直在等待确认中是不是手续费给低了",
		"授权以后我的资产被转走了，是不是被盗了？客服让我提供助记词",
		"签名失败：用户拒绝了请求",
		"交易被替换了，原来的交易不见了，新的交易也没有成功",
		"钱包连接不上DApp，扫码之后一直转圈圈",
		"我在2024年5月3日10时20分到2024年5月4日8时30分之间转了3次",
		"網路擁堵導致交易長時間未確認，請問要如何加速",
		"哈哈哈哈哈哈哈哈哈哈哈哈哈哈",
		"为什么显示执行回滚交易失败但是矿工费还是被扣了",
		"帮我看一下这个交易 " + txHash + " 为什么失败了",
		"我用的是币安智能链，收款地址是 " + addr + " 对吗",
		"这个交易所说充值需要十二个区块确认才能到账我已经等了一个小时还是没有",
	}
	for _, in := range tests {
		if kind, ok := Detect(in); ok {
			t.Errorf("Detect(%q) = %q, want no secret", in, kind)
		}
	}
}

// TestDetectThresholds pins the documented limits.
func TestDetectThresholds(t *testing.T) {
	words := strings.Fields(fixedPhrase(12, wordlists.English, " "))
	if _, ok := Detect(strings.Join(words[:11], " ")); ok {
		t.Error("11 wordlist words are below the threshold and should pass")
	}
	three := "that you have " + strings.Join(words[:9], " ")
	if _, ok := Detect(three); ok {
		t.Error("12 wordlist words including three common ones read as prose")
	}
	two := "that you " + strings.Join(words[:10], " ")
	if _, ok := Detect(two); !ok {
		t.Error("12 wordlist words including only two common ones should be a phrase")
	}
	typos := slices.Clone(words)
	typos[2], typos[7] = typos[2]+"q", typos[7]+"q"
	if _, ok := Detect(strings.Join(typos, " ")); ok {
		t.Error("two typos in 12 words should not make a phrase")
	}
	if _, ok := Detect("0x" + privKey); ok {
		t.Error("0x + 64 hex is a transaction hash, not a key")
	}
}

// TestDetectRates measures recall on random phrases: every English and
// every spaced Chinese phrase, and nearly every unspaced Chinese one (the
// documented score thresholds miss a few percent of those).
func TestDetectRates(t *testing.T) {
	rng := rand.New(rand.NewSource(42))
	const n = 1000
	type list struct {
		name  string
		words []string
		sep   string
		size  int
		min   float64
	}
	for _, l := range []list{
		{"english", wordlists.English, " ", 12, 0.995},
		{"english 24", wordlists.English, " ", 24, 1},
		{"chinese spaced", wordlists.ChineseSimplified, " ", 12, 1},
		{"chinese unspaced", wordlists.ChineseSimplified, "", 12, 0.95},
		{"chinese unspaced 24", wordlists.ChineseSimplified, "", 24, 0.99},
	} {
		hits := 0
		for range n {
			p := strings.Join(phrase(randomEntropy(rng, l.size), l.words), l.sep)
			if kind, ok := Detect(p); ok && kind == RecoveryPhrase {
				hits++
			}
		}
		rate := float64(hits) / n
		t.Logf("%s: %.1f%% detected", l.name, rate*100)
		if rate < l.min {
			t.Errorf("%s: detected %.1f%%, want at least %.1f%%", l.name, rate*100, l.min*100)
		}
	}
}

// TestDetectIgnoresPublicData: hashes, addresses and links are never
// secrets, whatever their hex happens to spell.
func TestDetectIgnoresPublicData(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 3000 {
		b := make([]byte, 32)
		rng.Read(b)
		h := "0x" + hex.EncodeToString(b)
		a := "0x" + hex.EncodeToString(b[:20])
		for _, in := range []string{h, strings.ToUpper(h[2:34]), a, "https://etherscan.io/tx/" + h, "https://bscscan.com/address/" + a} {
			if kind, ok := Detect(in); ok {
				t.Fatalf("Detect(%q) = %q", in, kind)
			}
		}
	}
}

// TestChineseBlockRules pins the two unseparated rules: a standing-alone
// block needs a valid checksum unless it scores hanWindowScore.
func TestChineseBlockRules(t *testing.T) {
	lx := lexiconOnce()
	rng := rand.New(rand.NewSource(11))
	var band, high []int
	for band == nil || high == nil {
		idx := phraseIndexes(randomEntropy(rng, 12))
		switch s := lx.meanScore(idx); {
		case s >= hanBlockScore+0.1 && s < hanWindowScore-0.1 && maxRepeat(idx) <= 2:
			band = idx
		case s >= hanWindowScore+0.1 && maxRepeat(idx) <= 2:
			high = idx
		}
	}
	text := func(idx []int) string {
		var b strings.Builder
		for _, i := range idx {
			b.WriteString(wordlists.ChineseSimplified[i])
		}
		return b.String()
	}
	// breakChecksum changes the last word by one index, keeping the score.
	breakChecksum := func(idx []int) []int {
		out := slices.Clone(idx)
		for d := 1; validChecksum(out); d++ {
			out[11] = (idx[11] + d) % 2048
		}
		return out
	}
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"valid checksum, middling score", text(band), true},
		{"invalid checksum, middling score", text(breakChecksum(band)), false},
		{"invalid checksum, high score", text(breakChecksum(high)), true},
		{"high score inside a sentence", "我的助记词是" + text(breakChecksum(high)) + "请帮忙", true},
		{"valid checksum, middling score, inside a sentence", "我的助记词是" + text(band) + "请帮忙", false},
		{"valid checksum, middling score, set apart", "我的助记词是：" + text(band) + "。请帮忙", true},
	}
	for _, tt := range tests {
		if _, got := Detect(tt.text); got != tt.want {
			t.Errorf("%s: Detect(%s) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// BenchmarkNewLexicon is what the first screen after start-up pays, once,
// to read the embedded word lists.
func BenchmarkNewLexicon(b *testing.B) {
	for b.Loop() {
		newLexicon()
	}
}
