package diagnose

import (
	"slices"
	"testing"
	"unicode"
)

// TestBitcoinMessagesBothLanguages: every Bitcoin key has Chinese words,
// with the same placeholders, and no English sentence inside them.
func TestBitcoinMessagesBothLanguages(t *testing.T) {
	en, zh := messagesBitcoinEN(), messagesBitcoinZH()
	if len(en) != len(zh) {
		t.Errorf("%d English keys, %d Chinese", len(en), len(zh))
	}
	for k, m := range en {
		z, ok := zh[k]
		if !ok {
			t.Errorf("%s: no Chinese words", k)
			continue
		}
		for _, pair := range [][2]string{{m.title, z.title}, {m.detail, z.detail}} {
			a, b := holes(pair[0]), holes(pair[1])
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s: placeholders %v in English, %v in Chinese", k, a, b)
			}
			if !hasHan(pair[1]) {
				t.Errorf("%s: %q has no Chinese", k, pair[1])
			}
		}
	}
	for _, cg := range bitcoinCodes() {
		if _, ok := en[string(cg.code)]; !ok {
			t.Errorf("%s has no words", cg.code)
		}
	}
}

func holes(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			for j := i + 1; j < len(s); j++ {
				if s[j] == '}' {
					out = append(out, s[i+1:j])
					break
				}
			}
		}
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
