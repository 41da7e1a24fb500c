package secret

import (
	_ "embed"
	"math"
	"strings"
	"sync"
)

// The BIP-39 word lists wallets draw phrases from, byte for byte as
// published in bitcoin/bips (bip-0039/*.txt): English, and Chinese, which
// wallets show in Simplified or Traditional characters.
var (
	//go:embed wordlists/english.txt
	englishList string
	//go:embed wordlists/chinese_simplified.txt
	chineseSimplifiedList string
	//go:embed wordlists/chinese_traditional.txt
	chineseTraditionalList string
)

// lexicon is the BIP-39 word lists in the shape the phrase rules need. It is
// built once on first use and never changed.
type lexicon struct {
	english map[string]bool
	common  map[string]bool // englishCommon
	prefix4 map[string]bool // the first four letters of each English word: they identify it
	han     map[rune]int    // Chinese word → its index (rank by frequency, 0 = most common)
	score   [2048]float64   // hanScore of each index
}

var lexiconOnce = sync.OnceValue(newLexicon)

// newLexicon builds the lexicon from the embedded lists: the cost of the
// first screen after start-up (BenchmarkNewLexicon).
func newLexicon() *lexicon {
	lx := &lexicon{
		english: make(map[string]bool, 2048),
		common:  make(map[string]bool),
		prefix4: make(map[string]bool, 2048),
		han:     make(map[rune]int, 3000),
	}
	for w := range strings.FieldsSeq(englishList) {
		lx.english[w] = true
		lx.prefix4[w[:min(4, len(w))]] = true
	}
	for _, w := range strings.Fields(englishCommon) {
		lx.common[w] = true
	}
	// The simplified and traditional lists are the same words in the same
	// order, so a character's index is its rank in either.
	for _, list := range []string{chineseSimplifiedList, chineseTraditionalList} {
		i := 0
		for w := range strings.FieldsSeq(list) {
			if r := []rune(w); len(r) == 1 {
				lx.han[r[0]] = i
			}
			i++
		}
	}
	for i := range lx.score {
		lx.score[i] = hanScore(i)
	}
	return lx
}

// hanScore weighs a Chinese word by its rank. The Chinese lists are ordered
// by frequency, so ordinary text is dominated by low ranks (的 是 我 了 …),
// while a phrase draws its 12–24 characters uniformly from all 2048.
func hanScore(rank int) float64 { return math.Log(float64(rank) + 10) }
