package diagnose

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var placeholderRE = regexp.MustCompile(`\{[a-z0-9_]+\}`)

// englishWord is a run of Latin letters long enough to be an English word
// rather than a unit or a name kept as is (gwei, nonce, Gas, Blob, EIP).
var englishWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// zhKeepLatin are the Latin words the Chinese messages keep on purpose.
var zhKeepLatin = []string{"unstuck", "HTTP", "URL", "nonce", "Gas", "Blob", "blob", "EIP", "transaction", "indexing", "progress", "is", "in"}

// TestMessageCatalogues: every message exists in English and Chinese with
// the same placeholders, and the Chinese ones carry no English words.
func TestMessageCatalogues(t *testing.T) {
	en, zh := messagesEN(), messagesZH()
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%s: no Chinese message", k)
		}
	}
	for k, z := range zh {
		e, ok := en[k]
		if !ok {
			t.Errorf("%s: no English message", k)
			continue
		}
		for _, pair := range [][2]string{{e.title, z.title}, {e.detail, z.detail}} {
			// Words already in both languages come as name and name_zh.
			pe, pz := placeholderRE.FindAllString(pair[0], -1), placeholderRE.FindAllString(strings.ReplaceAll(pair[1], "_zh}", "}"), -1)
			slices.Sort(pe)
			slices.Sort(pz)
			if !slices.Equal(slices.Compact(pe), slices.Compact(pz)) {
				t.Errorf("%s: placeholders differ: en %v, zh %v", k, pe, pz)
			}
		}
		for _, s := range []string{z.title, z.detail} {
			for _, w := range englishWord.FindAllString(placeholderRE.ReplaceAllString(s, ""), -1) {
				if !slices.Contains(zhKeepLatin, w) {
					t.Errorf("%s: English %q in the Chinese message %q", k, w, s)
				}
			}
		}
	}
}
