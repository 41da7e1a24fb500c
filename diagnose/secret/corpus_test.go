package secret

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tyler-smith/go-bip39"
	"github.com/tyler-smith/go-bip39/wordlists"

	"github.com/unstuck-dev/unstuck/diagnose/base58"
)

// The secrets corpus is data: testdata/secrets/corpus.txt is written by
// hand, generated.txt by generateSecrets below and runs.txt by
// generateRuns (from fixed entropy, never random). generated.txt and
// corpus.txt are secrets in any field; runs.txt holds runs of 4–11
// wordlist words, secrets in fields that take a hash, a link or an
// address (DESIGN.md, safety rule 2). All are read by this package's tests,
// by the input parser's (parse_corpus_test.go, here) and by the CLI's
// (cmd/unstuck/secrets_test.go). Regenerate with
//
//	UNSTUCK_UPDATE_CORPUS=1 go test ./diagnose/secret -run TestCorpusGenerated
const (
	corpusHand      = "testdata/secrets/corpus.txt"
	corpusGenerated = "testdata/secrets/generated.txt"
	corpusRuns      = "testdata/secrets/runs.txt"
	corpusGaps      = "testdata/secrets/known_gaps.txt"
)

// secretCase is one line of the corpus.
type secretCase struct {
	kind Kind
	name string
	text string
}

func (c secretCase) line() string {
	return string(c.kind) + "\t" + c.name + "\t" + strconv.Quote(c.text)
}

// readGaps reads the names of the cases the detector is known to miss.
func readGaps(t *testing.T, path string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gaps := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			gaps[line] = true
		}
	}
	return gaps
}

// readCorpus reads a corpus file: kind, name and Go-quoted text per line.
func readCorpus(t *testing.T, path string) []secretCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []secretCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want kind<TAB>name<TAB>\"text\"", path, n)
		}
		text, err := strconv.Unquote(parts[2])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, secretCase{kind: Kind(parts[0]), name: parts[1], text: text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// generateSecrets builds phrases of every length from fixed entropy, with
// a valid and a broken checksum, in English and Chinese, in the shapes
// people paste them; and raw keys in the shapes wallets export them.
func generateSecrets(t *testing.T) []secretCase {
	t.Helper()
	var out []secretCase
	for _, size := range []int{16, 20, 24, 28, 32} { // 12, 15, 18, 21, 24 words
		for seed := range 2 {
			entropy := sha256.Sum256(fmt.Appendf(nil, "unstuck secrets corpus %d/%d", size, seed))
			m, err := bip39.NewMnemonic(entropy[:size])
			if err != nil {
				t.Fatal(err)
			}
			words := strings.Fields(m)
			for _, sum := range []string{"valid", "badsum"} {
				if sum == "badsum" {
					words = breakChecksum(t, words)
				}
				name := fmt.Sprintf("%d words #%d %s", len(words), seed, sum)
				out = append(out, englishShapes(name, words)...)
				out = append(out, chineseShapes(name, toChinese(t, words))...)
			}
		}
	}
	for i := range 3 {
		key := sha256.Sum256(fmt.Appendf(nil, "unstuck secrets corpus key %d", i))
		k := hex.EncodeToString(key[:])
		name := fmt.Sprintf("key #%d", i)
		out = append(out,
			secretCase{PrivateKey, name + " bare", k},
			secretCase{PrivateKey, name + " upper", strings.ToUpper(k)},
			secretCase{PrivateKey, name + " sentence", "wallet export says " + k + ", what now"},
			secretCase{PrivateKey, name + " after a hash", "0x" + txHashFor(i) + " " + k},
			secretCase{PrivateKey, name + " labelled", "private key: 0x" + k})
		out = append(out, labelledShapes(name, "0x"+k)...)
		for _, w := range []struct {
			name       string
			version    byte
			compressed bool
		}{{"wif mainnet uncompressed", 0x80, false}, {"wif mainnet compressed", 0x80, true},
			{"wif testnet uncompressed", 0xef, false}, {"wif testnet compressed", 0xef, true}} {
			p := append([]byte{w.version}, key[:]...)
			if w.compressed {
				p = append(p, 1)
			}
			wif := base58.EncodeCheck(p)
			out = append(out,
				secretCase{PrivateKey, name + " " + w.name, wif},
				secretCase{PrivateKey, name + " " + w.name + " in a sentence", "electrum exported " + wif + " is it safe"})
		}
		ext := base58.Encode(append(key[:], sha256.New().Sum(key[:])...))
		for _, prefix := range []string{"xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv"} {
			out = append(out, secretCase{ExtendedKey, name + " " + prefix, prefix + ext[:107]})
		}
	}
	return out
}

// labelledShapes puts a 0x-prefixed key next to every label, before it and
// after it, in English, Simplified and Traditional Chinese.
func labelledShapes(name, k string) []secretCase {
	var out []secretCase
	add := func(shape, text string) {
		out = append(out, secretCase{PrivateKey, name + " " + shape, text})
	}
	for _, l := range []string{"private key", "Private Key", "privkey", "priv key", "key", "Key", "PK", "pk", "secret", "secret key"} {
		add(l+": before", l+": "+k)
		add(l+" before, no colon", "my "+l+" "+k)
		add(l+" after", k+" is my "+l)
		add(l+" after in brackets", k+" ("+l+")")
	}
	for _, l := range []string{"私钥", "秘钥", "密钥", "私鑰", "秘鑰", "密鑰", "私匙"} {
		add(l+" before", l+"："+k)
		add(l+" before, ascii colon", l+":"+k)
		add(l+" before in a sentence", "这是我的"+l+" "+k+" 请帮忙看看")
		add(l+" after", k+" 是我的"+l)
		add(l+" after in brackets", k+"（"+l+"）")
	}
	add("upper-case 0X", "private key: 0X"+k[2:])
	add("full-width label", "私钥："+toFullWidth(k))
	return out
}

// generateRuns builds runs of 4 to 11 wordlist words, in English,
// Simplified and Traditional Chinese, in the shapes people type or paste
// them into a field meant for a hash, a link or an address.
func generateRuns(t *testing.T) []secretCase {
	t.Helper()
	var out []secretCase
	for seed := range 2 {
		entropy := sha256.Sum256(fmt.Appendf(nil, "unstuck secrets corpus runs %d", seed))
		m, err := bip39.NewMnemonic(entropy[:16])
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(m)
		zh := toChinese(t, words)
		zht := toList(t, words, wordlists.ChineseTraditional)
		for n := runWords; n < phraseWords; n++ {
			name := fmt.Sprintf("run of %d #%d", n, seed)
			run := strings.Join(words[:n], " ")
			k := RecoveryPhrase
			out = append(out,
				secretCase{k, "en " + name + " spaced", run},
				secretCase{k, "en " + name + " commas", strings.Join(words[:n], ", ")},
				secretCase{k, "en " + name + " lines", strings.Join(words[:n], "\n")},
				secretCase{k, "en " + name + " after a hash", "0x" + txHashFor(n) + " " + run},
				secretCase{k, "en " + name + " before a hash", run + " 0x" + txHashFor(n)},
				secretCase{k, "en " + name + " in a link", "https://etherscan.io/tx/0x" + txHashFor(n) + "?note=" + strings.Join(words[:n], "+")},
				secretCase{k, "zh " + name + " spaced", strings.Join(zh[:n], " ")},
				secretCase{k, "zh " + name + " unspaced", strings.Join(zh[:n], "")},
				secretCase{k, "zh " + name + " 、", strings.Join(zh[:n], "、")},
				secretCase{k, "zh " + name + " after a hash", "0x" + txHashFor(n) + " " + strings.Join(zh[:n], " ")},
				secretCase{k, "zh-Hant " + name + " spaced", strings.Join(zht[:n], " ")})
		}
	}
	return out
}

// toList maps English words to another list's words at the same indexes.
func toList(t *testing.T, words []string, list []string) []string {
	t.Helper()
	out := make([]string, len(words))
	for i, w := range words {
		idx, ok := bip39.GetWordIndex(w)
		if !ok {
			t.Fatalf("%q is not a wordlist word", w)
		}
		out[i] = list[idx]
	}
	return out
}

func englishShapes(name string, words []string) []secretCase {
	numbered := make([]string, len(words))
	mixed := make([]string, len(words))
	for i, w := range words {
		numbered[i] = fmt.Sprintf("%d. %s", i+1, w)
		switch i % 3 {
		case 0:
			mixed[i] = strings.ToUpper(w)
		case 1:
			mixed[i] = strings.ToUpper(w[:1]) + w[1:]
		default:
			mixed[i] = w
		}
	}
	spaced := strings.Join(words, " ")
	k := RecoveryPhrase
	return []secretCase{
		{k, "en " + name + " spaced", spaced},
		{k, "en " + name + " unspaced", strings.Join(words, "")},
		{k, "en " + name + " commas", strings.Join(words, ", ")},
		{k, "en " + name + " numbered lines", strings.Join(numbered, "\n")},
		{k, "en " + name + " mixed case", strings.Join(mixed, " ")},
		{k, "en " + name + " in a sentence", "hello support, my wallet words are " + spaced + " can you see why my transfer is stuck?"},
		{k, "en " + name + " glued after a hash", "0x" + txHashFor(len(words)) + spaced},
		{k, "en " + name + " glued before a hash", spaced + "0x" + txHashFor(len(words))},
	}
}

func chineseShapes(name string, words []string) []secretCase {
	numbered := make([]string, len(words))
	for i, w := range words {
		numbered[i] = fmt.Sprintf("%d.%s", i+1, w)
	}
	k := RecoveryPhrase
	return []secretCase{
		{k, "zh " + name + " spaced", strings.Join(words, " ")},
		{k, "zh " + name + " unspaced", strings.Join(words, "")},
		{k, "zh " + name + " ideographic spaces", strings.Join(words, "\u3000")},
		{k, "zh " + name + " commas", strings.Join(words, "，")},
		{k, "zh " + name + " numbered lines", strings.Join(numbered, "\n")},
		{k, "zh " + name + " in a sentence", "客服你好，我的助记词是 " + strings.Join(words, " ") + " 请帮我看看转账为什么卡住了"},
		{k, "zh " + name + " glued after a hash", "0x" + txHashFor(len(words)) + strings.Join(words, "")},
	}
}

// txHashFor is a fixed, public-looking transaction hash (64 hex digits).
func txHashFor(i int) string {
	h := sha256.Sum256(fmt.Appendf(nil, "unstuck secrets corpus tx %d", i))
	return hex.EncodeToString(h[:])
}

// breakChecksum replaces the last word with the first later word of the
// list that makes the checksum wrong.
func breakChecksum(t *testing.T, words []string) []string {
	t.Helper()
	out := append([]string(nil), words...)
	last, ok := bip39.GetWordIndex(words[len(words)-1])
	if !ok {
		t.Fatalf("%q is not a wordlist word", words[len(words)-1])
	}
	for i := 1; i < 2048; i++ {
		out[len(out)-1] = wordlists.English[(last+i)%2048]
		if !bip39.IsMnemonicValid(strings.Join(out, " ")) {
			return out
		}
	}
	t.Fatal("no word breaks the checksum")
	return nil
}

// toChinese maps English words to the Chinese list's words at the same
// indexes: the same phrase, checksum and all.
func toChinese(t *testing.T, words []string) []string {
	t.Helper()
	out := make([]string, len(words))
	for i, w := range words {
		idx, ok := bip39.GetWordIndex(w)
		if !ok {
			t.Fatalf("%q is not a wordlist word", w)
		}
		out[i] = wordlists.ChineseSimplified[idx]
	}
	return out
}

// TestCorpusGenerated keeps generated.txt and runs.txt equal to
// what the generators make, so that other packages can read the corpus as
// data.
func TestCorpusGenerated(t *testing.T) {
	for _, file := range []struct {
		path, generator string
		cases           []secretCase
	}{{corpusGenerated, "generateSecrets", generateSecrets(t)}, {corpusRuns, "generateRuns", generateRuns(t)}} {
		var b strings.Builder
		b.WriteString("# Generated by " + file.generator + " in diagnose/secret/corpus_test.go: do not edit.\n")
		for _, c := range file.cases {
			b.WriteString(c.line() + "\n")
		}
		if os.Getenv("UNSTUCK_UPDATE_CORPUS") != "" {
			if err := os.WriteFile(file.path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(file.path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != b.String() {
			t.Fatalf("%s is out of date: run UNSTUCK_UPDATE_CORPUS=1 go test ./diagnose/secret -run TestCorpusGenerated", file.path)
		}
	}
}

// TestCorpus: every case is detected as a secret of its kind. Known gaps
// must still be gaps. (parse_corpus_test.go checks that the
// input parser refuses every case, and cmd/unstuck's secrets_test.go that
// no command sends, stores or echoes any.)
func TestCorpus(t *testing.T) {
	cases := append(readCorpus(t, corpusHand), readCorpus(t, filepath.FromSlash(corpusGenerated))...)
	if len(cases) < 300 {
		t.Fatalf("corpus has %d cases, want at least 300", len(cases))
	}
	gaps := readGaps(t, corpusGaps)
	detected := 0
	for _, c := range cases {
		kind, ok := Detect(c.text)
		if gaps[c.name] {
			delete(gaps, c.name)
			if ok {
				t.Errorf("%s: now detected: remove it from %s", c.name, corpusGaps)
			}
			// Standing alone in a field for a hash, it is nothing but
			// wordlist characters: caught there.
			if _, pub := DetectIn(FieldTxID, c.text); strings.HasSuffix(c.name, " unspaced") && !pub {
				t.Errorf("%s: not caught in a public field", c.name)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not detected: %q", c.name, c.text)
			continue
		}
		if kind != c.kind {
			t.Errorf("%s: detected as %s, want %s", c.name, kind, c.kind)
		}
		detected++
	}
	for name := range gaps {
		t.Errorf("%s names no corpus case", name)
	}
	t.Logf("%d of %d secret-shaped inputs detected; %d known gaps", detected, len(cases), len(cases)-detected)
}

// TestCorpusRuns: every run of 4–11 wordlist words is detected in the
// fields that take a hash, a link or an address.
func TestCorpusRuns(t *testing.T) {
	cases := readCorpus(t, corpusRuns)
	if len(cases) < 150 {
		t.Fatalf("runs corpus has %d cases, want at least 150", len(cases))
	}
	for _, c := range cases {
		for _, f := range []Field{FieldPublic, FieldTxID} {
			if kind, ok := DetectIn(f, c.text); !ok || kind != c.kind {
				t.Errorf("%s: field %d: DetectIn = %q, %v", c.name, f, kind, ok)
			}
		}
	}
	t.Logf("%d runs detected in every public field", len(cases))
}
