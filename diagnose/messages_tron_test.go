package diagnose

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestTronCatalogues: every TRON code has words in both languages, the two
// languages have the same keys and placeholders, and the Chinese text has
// no English in it beyond the names users see on TronScan.
func TestTronCatalogues(t *testing.T) {
	en, zh := messagesTronEN(), messagesTronZH()
	for _, cg := range tronCodes() {
		if _, ok := en[string(cg.code)]; !ok {
			t.Errorf("%s has no English words", cg.code)
		}
		if GuideFor(cg.code) != cg.guide {
			t.Errorf("GuideFor(%s) = %q", cg.code, GuideFor(cg.code))
		}
	}
	placeholder := regexp.MustCompile(`\{[a-z_]+\}`)
	latin := regexp.MustCompile(`[A-Za-z]{3,}`)
	names := []string{"TRX", "USDT", "Tether", "sun", "owner", "active", "TronScan", "REVERT"}
	for k, m := range en {
		z, ok := zh[k]
		if !ok {
			t.Errorf("%s has no Chinese words", k)
			continue
		}
		for _, pair := range [][2]string{{m.title, z.title}, {m.detail, z.detail}} {
			pe, pz := placeholder.FindAllString(pair[0], -1), placeholder.FindAllString(pair[1], -1)
			slices.Sort(pe)
			slices.Sort(pz)
			if !slices.Equal(slices.Compact(pe), slices.Compact(pz)) {
				t.Errorf("%s: placeholders differ: %v vs %v", k, pe, pz)
			}
			bare := placeholder.ReplaceAllString(pair[1], "")
			if !strings.ContainsFunc(bare, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: Chinese text has no Chinese: %q", k, pair[1])
			}
			for _, w := range latin.FindAllString(bare, -1) {
				if !slices.Contains(names, w) {
					t.Errorf("%s: English word %q in the Chinese text", k, w)
				}
			}
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%s has Chinese words but no English", k)
		}
	}
}
