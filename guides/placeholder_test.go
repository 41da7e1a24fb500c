package guides

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// sampleFacts are values a check would fill in.
var sampleFacts = map[string]string{
	"min_max_fee": "33 gwei", "min_tip": "2.2 gwei", "missing_nonce": "41", "nonce": "42", "base_fee": "30 gwei",
	"confirmations": "7", "chain": "Base", "explorer_url": "https://basescan.org/tx/0xab", "symbol": "ETH",
}

// badReading are what filling must never leave, in either language: an
// empty parenthesis, a placeholder, a doubled article.
var badReading = regexp.MustCompile(`(?i)\bthe the\b|\ba the\b|\(\s*\)|（\s*）|\{[a-z_0-9]+\}`)

// wantsWord are words after which content expects a number or a bare
// noun, never a phrase that starts with an article ("Number the lowest
// missing nonce is missing").
var wantsWord = map[string]bool{"number": true, "nonce": true, "your": true, "the": true, "a": true, "an": true, "of": true}

// gluedFallbacks lists each placeholder in src whose English fallback
// starts with an article right after a word that wants a number or noun.
func gluedFallbacks(src string) []string {
	var bad []string
	for _, name := range placeholders(src) {
		fb, _ := placeholderFallback(name, En)
		first := strings.ToLower(strings.Fields(fb)[0])
		if first != "the" && first != "a" && first != "an" {
			continue
		}
		i := strings.Index(src, "{"+name+"}")
		before := strings.Fields(src[:i])
		if len(before) > 0 && wantsWord[strings.ToLower(strings.Trim(before[len(before)-1], "*_`"))] {
			bad = append(bad, before[len(before)-1]+" {"+name+"}")
		}
	}
	return bad
}

// TestPlaceholdersReadWell fills every text of every node, in both
// languages, with and without facts, and reads the result: no placeholder
// is left, no sentence is broken by a fallback, and facts show up as given.
func TestPlaceholdersReadWell(t *testing.T) {
	lib := mustLoad(t)
	for _, tr := range lib.Trees() {
		for _, n := range tr.Nodes {
			texts := []Text{n.Text, n.Prompt, n.Title, n.Body, n.Action}
			for _, o := range n.Options {
				texts = append(texts, o.Label)
			}
			for _, lang := range Langs() {
				for _, txt := range texts {
					src := txt.Get(lang)
					names := placeholders(src)
					if len(names) == 0 {
						continue
					}
					if lang == En {
						for _, g := range gluedFallbacks(src) {
							t.Errorf("%s: %q reads badly without facts", n.ID, g)
						}
					}
					without := Expand(src, lang, nil)
					if m := badReading.FindString(without); m != "" {
						t.Errorf("%s (%s) without facts reads %q:\n%s", n.ID, lang, m, without)
					}
					with := Expand(src, lang, sampleFacts)
					if m := badReading.FindString(with); m != "" {
						t.Errorf("%s (%s) with facts reads %q:\n%s", n.ID, lang, m, with)
					}
					for _, name := range names {
						if !strings.Contains(with, sampleFacts[name]) {
							t.Errorf("%s (%s): fact %s=%q not in %q", n.ID, lang, name, sampleFacts[name], with)
						}
					}
					if lang == Zh && strings.Contains(without, "  ") && !strings.Contains(src, "  ") {
						t.Errorf("%s (zh): a fallback left a double space: %q", n.ID, without)
					}
				}
			}
		}
	}
}

// TestFallbacksSpeakTheirLanguage: an English fallback has no Chinese in
// it, a Chinese one no English words but the commands, flags, wallet names
// and the "N" that stands for a number.
func TestFallbacksSpeakTheirLanguage(t *testing.T) {
	allowed := map[string]bool{"unstuck": true, "check": true, "verify": true, "wallet": true, "N": true}
	// Wallet names are names in both languages.
	for _, w := range []string{"imToken", "MetaMask", "Trust", "Wallet", "TokenPocket", "TronLink", "OKX", "Bitget", "Coinbase", "Phantom", "Ledger"} {
		allowed[w] = true
	}
	word := regexp.MustCompile(`[A-Za-z]+`)
	for _, p := range Placeholders() {
		en, _ := placeholderFallback(p, En)
		zh, _ := placeholderFallback(p, Zh)
		if en == "" || zh == "" {
			t.Errorf("%s has no fallback in both languages", p)
			continue
		}
		for _, r := range en {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("%s: English fallback %q has Chinese in it", p, en)
				break
			}
		}
		for _, w := range word.FindAllString(zh, -1) {
			if !allowed[w] {
				t.Errorf("%s: Chinese fallback %q has the English word %q", p, zh, w)
			}
		}
	}
}

func TestExpandParenthesisAndSpacing(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		in   string
		vals map[string]string
		want string
	}{
		{"parenthesis dropped", En, "Look it up on the block explorer ({explorer_url}).", nil, "Look it up on the block explorer."},
		{"parenthesis kept with a value", En, "the block explorer ({explorer_url}).", map[string]string{"explorer_url": "https://x"}, "the block explorer (https://x)."},
		{"full-width parenthesis dropped", Zh, "用原生币（{symbol}）支付", nil, "用原生币支付"},
		{"a parenthesis with more in it keeps the fallback", En, "(Max fee at least {min_max_fee})", nil, "(Max fee at least the minimum `unstuck check` shows)"},
		{"chinese fallback drops the spaces beside it", Zh, "往这个地址转一点 {symbol}，然后", nil, "往这个地址转一点原生币，然后"},
		{"chinese value keeps the spaces", Zh, "往这个地址转一点 {symbol}，然后", map[string]string{"symbol": "BNB"}, "往这个地址转一点 BNB，然后"},
		{"chinese fallback after a number keeps a space before N", Zh, "先给 nonce 为 {missing_nonce} 的那笔", nil, "先给 nonce 为 N（`unstuck check` 显示的序号）的那笔"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Expand(tt.in, tt.lang, tt.vals); got != tt.want {
				t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRenderTextReads: the text a pipe gets is the guide to read, not the
// graph: no node kinds or route tables, every placeholder filled, every
// step reachable by the command it names.
func TestRenderTextReads(t *testing.T) {
	lib := mustLoad(t)
	for _, tr := range lib.Trees() {
		for _, lang := range Langs() {
			var buf bytes.Buffer
			if err := lib.RenderText(&buf, tr.ID, lang); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			checkPlain(t, got)
			for _, dump := range []string{"] QUESTION", "] CHECK", "] ANSWER", "status not_found", " nodes\n", "节点\n"} {
				if strings.Contains(got, dump) {
					t.Errorf("%s (%s): the readable text has the graph's %q", tr.ID, lang, dump)
				}
			}
			if m := badReading.FindString(got); m != "" {
				t.Errorf("%s (%s): reads %q", tr.ID, lang, m)
			}
			for _, n := range tr.Nodes {
				if !strings.Contains(got, "`unstuck guide "+n.ID+"`") {
					t.Errorf("%s (%s): step %s is not named", tr.ID, lang, n.ID)
				}
			}
		}
	}
}
