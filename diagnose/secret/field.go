package secret

import (
	"strings"
	"unicode"
)

// Field says what a text input is for. Fields that take only public data
// are screened harder than free text.
type Field int

// Fields.
const (
	// FieldText is free text: a wallet's error message to explain, a
	// contact to verify, a guide's name.
	FieldText Field = iota
	// FieldPublic takes a hash, an explorer link, an address or an
	// endpoint URL: account, endpoint, --from, --rpc.
	FieldPublic
	// FieldTxID is a FieldPublic that may also hold a bare 64-hex
	// transaction ID (check): standing alone, it is held for the user to
	// confirm instead of being refused (diagnose.Query.NeedsConfirm).
	FieldTxID
)

// IsBareHex64 reports whether s is nothing but 64 hex digits without 0x
// (quotes, brackets and spaces around them aside): a TRON or Bitcoin
// transaction ID, or a raw private key, and nobody can tell which by
// looking.
func IsBareHex64(s string) bool {
	t := strings.TrimSpace(TrimWrapping(Fold(s)))
	return len(t) == 64 && isHexString(t)
}

func isHexString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// runWords is how many wordlist words in a row make a partial phrase in a
// field that takes only public data. A hash, a link or an address never
// holds four English words in a row (words glued to digits, as in hex, do
// not count), and a user typing a phrase into the wrong field reaches four
// words before a screen could show much of it. Common English words
// (englishCommon) may be among them, at most one in any four, so that
// "can you please check" is prose.
const runWords = 4

// hasWordRun finds runWords wordlist words in a row: English words, their
// 4-letter abbreviations, three or more words glued together
// ("abandonabilityable"), or
// Chinese wordlist characters each set apart by a separator ("的 一 是 在",
// "的、一、是、在"). Chinese characters written together are a partial
// phrase only when the field holds nothing else: unseparated Chinese that
// sits next to a hash ("交易哈希：0x…") is the label an exchange prints,
// and its characters are wordlist characters too.
func hasWordRun(t string) bool {
	lx := lexiconOnce()
	return englishRun(t, lx) || chineseRun(t, lx)
}

func englishRun(t string, lx *lexicon) bool {
	var common []bool // per word in the current run: is it a common word
	for i := 0; i < len(t); {
		if !isLetter(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		nearDigit := i > 0 && isDigit(t[i-1]) || j < len(t) && isDigit(t[j])
		w := strings.ToLower(t[i:j])
		i = j
		switch n := lx.runWordCount(w); {
		case nearDigit || n == 0:
			common = common[:0]
		default:
			for range n {
				common = append(common, n == 1 && lx.common[w])
			}
			if fourWithOneCommon(common) {
				return true
			}
		}
	}
	return false
}

// runWordCount is how many wordlist words w stands for: 1 for a word or a
// 4-letter abbreviation, the count for three or more words glued together,
// else 0. Two glued words are too common in links to count ("testnet",
// "mainnet" are "test"+"net", "main"+"net").
func (lx *lexicon) runWordCount(w string) int {
	switch {
	case lx.english[w], len(w) == 4 && lx.prefix4[w]:
		return 1
	case len(w) >= 12:
		if n := lx.splitWords(w); n >= 3 {
			return n
		}
	}
	return 0
}

// fourWithOneCommon: the last runWords words hold at most one common word.
func fourWithOneCommon(common []bool) bool {
	if len(common) < runWords {
		return false
	}
	n := 0
	for _, c := range common[len(common)-runWords:] {
		if c {
			n++
		}
	}
	return n <= 1
}

func chineseRun(t string, lx *lexicon) bool {
	single := 0
	for _, s := range hanSegments(t, lx) {
		if len(s.ranks) == 1 && s.ranks[0] >= 0 && !s.unit {
			single++
		} else {
			single = 0
		}
		if single >= runWords {
			return true
		}
	}
	// Nothing but wordlist characters and separators.
	n := 0
	for _, r := range t {
		switch {
		case isHan(r):
			if _, ok := lx.han[r]; !ok {
				return false
			}
			n++
		case unicode.IsLetter(r), unicode.IsDigit(r):
			return false
		}
	}
	return n >= runWords
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
