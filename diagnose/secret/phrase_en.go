package secret

import "strings"

// englishCommon are the words of the 100 most frequent English words (Oxford
// English Corpus) that are also BIP-39 words.
const englishCommon = "that have you this they say will one all there what about when make can like time just know " +
	"people into year good other then now only come over also use two work first way want because any give day"

type wordTok struct {
	word   string // set on tokens that are not (yet) known to be words
	typo   bool   // one edit away from a wordlist word
	common bool
}

func englishPhrase(t string, lx *lexicon) bool {
	var toks []wordTok
	for i := 0; i < len(t); {
		if !isLetter(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		leftDigit := i > 0 && t[i-1] >= '0' && t[i-1] <= '9'
		rightDigit := j < len(t) && t[j] >= '0' && t[j] <= '9'
		toks = append(toks, lx.classify(strings.ToLower(t[i:j]), leftDigit, rightDigit)...)
		i = j
	}
	// Typo and abbreviation checks are costly; only a non-word with at
	// least 11 words around it could complete a window.
	left := 0
	for i := range toks {
		if toks[i].word == "" {
			left++
			continue
		}
		right := 0
		for k := i + 1; k < len(toks) && toks[k].word == "" && right < phraseWords; k++ {
			right++
		}
		if left+right+1 >= phraseWords && lx.oneTypo(toks[i].word) {
			toks[i] = wordTok{typo: true}
		}
		left = 0
	}
	for i := 0; i+phraseWords <= len(toks); i++ {
		typos, common, ok := 0, 0, true
		for _, tk := range toks[i : i+phraseWords] {
			if tk.word != "" {
				ok = false
				break
			}
			if tk.typo {
				typos++
			}
			if tk.common {
				common++
			}
		}
		if ok && typos <= 1 && common <= 2 {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// classify turns one run of letters into phrase tokens. Beyond exact words
// it recognises a word glued to a hash ("…3fabandon": hex letters next to a
// digit), words pasted without spaces (a run of 24+ letters that splits
// into wordlist words) and 4-letter abbreviations (the BIP-39 lists are
// built so that 4 letters identify a word, and steel backup plates store
// only those). Typos are checked later, where they matter.
func (lx *lexicon) classify(w string, leftDigit, rightDigit bool) []wordTok {
	if lx.english[w] {
		return []wordTok{{common: lx.common[w]}}
	}
	if len(w) >= 24 {
		if n := lx.splitWords(w); n > 0 {
			return make([]wordTok, n)
		}
	}
	for k := 1; k < len(w) && isHexLetter(w[k-1]) && leftDigit; k++ {
		if lx.english[w[k:]] {
			return []wordTok{{}}
		}
	}
	for k := len(w) - 1; k > 0 && isHexLetter(w[k]) && rightDigit; k-- {
		if lx.english[w[:k]] {
			return []wordTok{{}}
		}
	}
	if len(w) == 4 && lx.prefix4[w] {
		return []wordTok{{}}
	}
	return []wordTok{{word: w}}
}

func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' }

// splitWords is the number of wordlist words w splits into, or 0.
func (lx *lexicon) splitWords(w string) int {
	best := make([]int, len(w)+1) // best[i]: words in a split of w[:i], -1 if none
	for i := 1; i <= len(w); i++ {
		best[i] = -1
		for l := 3; l <= 8 && l <= i; l++ {
			if best[i-l] >= 0 && lx.english[w[i-l:i]] {
				best[i] = best[i-l] + 1
				break
			}
		}
	}
	return max(best[len(w)], 0)
}

const alphabet = "abcdefghijklmnopqrstuvwxyz"

// oneTypo reports whether w is one edit (a letter deleted, added, changed or
// two letters swapped) away from a wordlist word of 4 or more letters.
func (lx *lexicon) oneTypo(w string) bool {
	if len(w) < 4 || len(w) > 9 {
		return false
	}
	b := make([]byte, 0, len(w)+1)
	try := func(parts ...string) bool {
		b = b[:0]
		for _, p := range parts {
			b = append(b, p...)
		}
		return len(b) >= 4 && lx.english[string(b)]
	}
	for i := 0; i <= len(w); i++ {
		if i < len(w) && try(w[:i], w[i+1:]) {
			return true
		}
		if i+1 < len(w) && try(w[:i], w[i+1:i+2], w[i:i+1], w[i+2:]) {
			return true
		}
		for c := range 26 {
			l := alphabet[c : c+1]
			if try(w[:i], l, w[i:]) || i < len(w) && try(w[:i], l, w[i+1:]) {
				return true
			}
		}
	}
	return false
}
