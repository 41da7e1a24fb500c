package secret

import (
	"crypto/sha256"
	"slices"
	"unicode"
)

// Chinese phrases are shown one character per word. Pasted with separators
// ("的 一 是 …", "1.的\n2.一", "的、一、…") they are unmistakable: prose
// never has 12 one-character segments in a row, except numbers with units
// ("2024年5月3日"), which are skipped; one non-wordlist character (a typo)
// is allowed. Pasted without separators they look like a sentence made of
// common characters, so the characters' ranks decide: the Chinese lists are
// ordered by frequency, prose is dominated by its top few hundred characters
// and a phrase draws uniformly from all 2048. The score of a window is the
// mean of hanScore over it. A random 12-word phrase scores 6.68 on average;
// 2% of them score below 6.0 and about 40% below 6.6. Measured on 3 MB of
// Chinese (Debian's zh_CN/zh_TW message catalogs, the terse jargon wallet
// errors resemble, and vim's and GnuPG's Chinese texts):
//   - no 12-character window scored above 6.49, so 12 characters scoring
//     hanWindowScore (no character three times: 哈哈哈…) are a phrase
//     anywhere in a text, glued to other words or not;
//   - of 3,791 unseparated blocks of exactly 12, 15, 18, 21 or 24 wordlist
//     characters, 44 scored hanBlockScore or more and 2 of those had a valid
//     checksum (1 in 16 does by chance). So such a block, standing alone,
//     with a valid BIP-39 checksum is a phrase if it scores hanBlockScore, or
//     if it repeats at most three characters (test vectors like 的×11 + 在).
//
// Unseparated phrases with an invalid checksum are thus caught only when
// they score hanWindowScore; typing them with separators always works.
const (
	hanWindowScore = 6.6
	hanBlockScore  = 6.0
)

type hanSeg struct {
	ranks  []int // -1: not a wordlist character
	unit   bool  // one character between digits, as in 5月3
	spaced bool  // separated from the previous segment by whitespace only
}

func chinesePhrase(t string, lx *lexicon) bool {
	segs := hanSegments(t, lx)
	single, singleNear := 0, 0 // one-character segments in a row, allowing one non-word
	var block []int            // segments separated by whitespace only
	parts := 0
	for _, s := range segs {
		switch {
		case len(s.ranks) != 1 || s.unit:
			single, singleNear = 0, 0
		case s.ranks[0] >= 0:
			single, singleNear = single+1, singleNear+1
		default:
			single, singleNear = 0, single+1
		}
		if single >= phraseWords || singleNear >= phraseWords {
			return true
		}
		if lx.hanBlock(s.ranks) {
			return true
		}
		if !s.spaced {
			if parts > 1 && lx.hanBlock(block) {
				return true
			}
			block, parts = block[:0], 0
		}
		block, parts = append(block, s.ranks...), parts+1
	}
	return parts > 1 && lx.hanBlock(block)
}

// hanSegments splits t into runs of Han characters, noting how each run is
// separated from the one before.
func hanSegments(t string, lx *lexicon) []hanSeg {
	var segs []hanSeg
	prevHan, prevDigit, gapSpace := false, false, true
	for _, r := range t {
		digit := r >= '0' && r <= '9'
		if !isHan(r) {
			if n := len(segs); prevHan && n > 0 {
				segs[n-1].unit = segs[n-1].unit && len(segs[n-1].ranks) == 1 && digit
			}
			prevHan, prevDigit = false, digit
			gapSpace = gapSpace && unicode.IsSpace(r)
			continue
		}
		if !prevHan {
			segs = append(segs, hanSeg{unit: prevDigit, spaced: gapSpace && len(segs) > 0})
			gapSpace = true
		}
		s := &segs[len(segs)-1]
		rank, ok := lx.han[r]
		if !ok {
			rank = -1
		}
		s.ranks = append(s.ranks, rank)
		prevHan, prevDigit = true, false
	}
	if n := len(segs); prevHan && n > 0 {
		segs[n-1].unit = false // nothing follows the last character
	}
	return segs
}

// hanBlock applies the two unseparated rules to a block of characters.
func (lx *lexicon) hanBlock(ranks []int) bool {
	n := len(ranks)
	if n < phraseWords {
		return false
	}
	counts := make(map[int]int, n)
	for _, r := range ranks {
		counts[r]++
	}
	if n%3 == 0 && n <= 24 && counts[-1] == 0 && validChecksum(ranks) &&
		(lx.meanScore(ranks) >= hanBlockScore || len(counts) <= 3) {
		return true
	}
	for i := 0; i+phraseWords <= n; i++ {
		w := ranks[i : i+phraseWords]
		if !slices.Contains(w, -1) && lx.meanScore(w) >= hanWindowScore && maxRepeat(w) <= 2 {
			return true
		}
	}
	return false
}

func (lx *lexicon) meanScore(ranks []int) float64 {
	sum := 0.0
	for _, r := range ranks {
		sum += lx.score[r]
	}
	return sum / float64(len(ranks))
}

func maxRepeat(w []int) int {
	m := 0
	for _, a := range w {
		c := 0
		for _, b := range w {
			if a == b {
				c++
			}
		}
		m = max(m, c)
	}
	return m
}

// validChecksum checks the BIP-39 checksum of a phrase given as word indexes.
func validChecksum(idx []int) bool {
	bits := make([]byte, 0, len(idx)*11)
	for _, v := range idx {
		for b := 10; b >= 0; b-- {
			bits = append(bits, byte(v>>b&1))
		}
	}
	cs := len(idx) / 3
	entropy := make([]byte, (len(bits)-cs)/8)
	for i := range entropy {
		for b := range 8 {
			entropy[i] = entropy[i]<<1 | bits[i*8+b]
		}
	}
	sum := sha256.Sum256(entropy)
	for i := range cs {
		if bits[len(bits)-cs+i] != sum[0]>>(7-i)&1 {
			return false
		}
	}
	return true
}
