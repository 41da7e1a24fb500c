package secret

import (
	"slices"
	"strings"
	"testing"

	"github.com/tyler-smith/go-bip39/wordlists"
)

// TestEmbeddedWordlists: the embedded lists are go-bip39's (the BIP-39
// files, checksummed by that package), word for word.
func TestEmbeddedWordlists(t *testing.T) {
	for _, l := range []struct {
		name     string
		embedded string
		want     []string
	}{
		{"english", englishList, wordlists.English},
		{"chinese simplified", chineseSimplifiedList, wordlists.ChineseSimplified},
		{"chinese traditional", chineseTraditionalList, wordlists.ChineseTraditional},
	} {
		if got := strings.Fields(l.embedded); len(got) != 2048 || !slices.Equal(got, l.want) {
			t.Errorf("%s: %d words, not go-bip39's list", l.name, len(got))
		}
	}
}
