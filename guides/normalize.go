package guides

import (
	"regexp"
	"strings"
	"unicode"
)

// normalize prepares text for matching: lower case, full-width forms to
// half-width, quotes and JSON punctuation to spaces, runs of space
// collapsed, and no spaces next to Chinese characters (so "Gas 不足" and
// "Gas不足" read the same).
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range s {
		r = halfWidth(r)
		if isSeparator(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		space = false
	}
	return dropCJKSpaces(strings.TrimRight(b.String(), " "))
}

// halfWidth maps full-width ASCII forms and CJK punctuation to ASCII.
func halfWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	case r == '。':
		return '.'
	case r == '、':
		return ','
	}
	return r
}

// isSeparator reports whether r carries no meaning for matching: spaces,
// control characters, quotes, brackets and JSON punctuation. Minus signs,
// dots, underscores and slashes are kept.
func isSeparator(r rune) bool {
	if unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
		return true
	}
	switch r {
	case '"', '\'', '`', '{', '}', '[', ']', '(', ')', '<', '>', ',', ';', ':', '=', '\\', '|',
		'!', '?', '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '【', '】', '〈', '〉', '…':
		return true
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F
}

// dropCJKSpaces removes single spaces that touch a Chinese character.
func dropCJKSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && (isCJK(rs[i-1]) || isCJK(rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// normCode turns a match code into its lookup key: digits without sign or
// leading zeros ("-32002" → "32002"), or a lower-case name
// ("ACTION_REJECTED" → "action_rejected").
func normCode(c string) (string, bool) {
	c = strings.TrimSpace(c)
	num := strings.TrimLeft(c, "+-")
	if len(num) < len(c)-1 {
		return "", false
	}
	if num != "" && len(num) <= 12 && strings.Trim(num, "0123456789") == "" {
		if t := strings.TrimLeft(num, "0"); t != "" {
			return t, true
		}
		return "0", true
	}
	if num != c || len(c) < 3 || len(c) > 64 {
		return "", false
	}
	lc := strings.ToLower(c)
	if lc[0] < 'a' || lc[0] > 'z' {
		return "", false
	}
	for i := 0; i < len(lc); i++ {
		if !isWordByte(lc[i]) {
			return "", false
		}
	}
	return lc, true
}

// token is a whole number or word found in normalized text.
type token struct {
	key string
	pos int
}

// tokens returns the whole numbers (sign and leading zeros dropped) and
// the words of normalized text. A number glued to letters ("0x4902",
// "49021", "v2") or part of a decimal ("0.5000") is not a number.
func tokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		word := s[i:j]
		decimal := i > 0 && s[i-1] == '.' || j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9'
		if strings.Trim(word, "0123456789") == "" {
			if !decimal && len(word) <= 12 {
				key := strings.TrimLeft(word, "0")
				if key == "" {
					key = "0"
				}
				out = append(out, token{key, i})
			}
		} else {
			out = append(out, token{word, i})
		}
		i = j
	}
	return out
}

// noise lists what varies between two pastes of the same error — links,
// addresses, hashes, hex data and amounts — each with the placeholder word
// it becomes, so the rest of the message matches the same way every time.
// The patterns run on normalized (lower-case) text, in this order.
type noisePattern struct {
	re   *regexp.Regexp
	word string
	need func(string) bool // a cheap test that the pattern can match at all
}

func noisePatterns() []noisePattern {
	has := func(sub string) func(string) bool { return func(s string) bool { return strings.Contains(s, sub) } }
	digits := func(s string) bool { return strings.ContainsAny(s, "0123456789") }
	return []noisePattern{
		// normalize has turned "https://" into "https //".
		{regexp.MustCompile(`\b(?:https?|wss?) ?//[^\s]+|\bwww\.[^\s]+`), " _url_ ", func(s string) bool {
			return strings.Contains(s, "//") || strings.Contains(s, "www.")
		}},
		{regexp.MustCompile(`\b0x[0-9a-f]{64}\b`), " _hash_ ", has("0x")},
		{regexp.MustCompile(`\b0x[0-9a-f]{40}\b`), " _addr_ ", has("0x")},
		{regexp.MustCompile(`\b0x[0-9a-f]*`), " _hex_ ", has("0x")},
		{regexp.MustCompile(`\b[0-9a-f]{64}\b`), " _hash_ ", hexRun(64)},
		{regexp.MustCompile(`\b(?:t[0-9a-z]{33}|bc1[0-9a-z]{20,90}|[13][0-9a-z]{25,34})\b`), " _addr_ ", wordRun(26)},
		{regexp.MustCompile(`\b[0-9a-f]{16,}\b`), " _hex_ ", hexRun(16)},
		{regexp.MustCompile(`\b\d+\.\d+\b`), " _num_ ", digits},
		{regexp.MustCompile(`\b\d{6,}\b`), " _num_ ", digits},
	}
}

// hexRun returns a test for a run of at least n hex digits.
func hexRun(n int) func(string) bool {
	return func(s string) bool {
		run := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= '0' && c <= '9' || c >= 'a' && c <= 'f' {
				if run++; run >= n {
					return true
				}
				continue
			}
			run = 0
		}
		return false
	}
}

// wordRun returns a test for a run of at least n ASCII letters and digits.
func wordRun(n int) func(string) bool {
	return func(s string) bool {
		run := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' {
				if run++; run >= n {
					return true
				}
				continue
			}
			run = 0
		}
		return false
	}
}

// maskNoise replaces links, addresses, hashes, hex runs, decimals and
// long numbers in normalized text by placeholder words.
func (x *explainIndex) maskNoise(s string) string {
	changed := false
	for _, p := range x.noise {
		if p.need(s) {
			s, changed = p.re.ReplaceAllString(s, p.word), true
		}
	}
	if !changed {
		return s
	}
	return dropCJKSpaces(collapseSpaces(s))
}

// collapseSpaces trims s and folds runs of spaces into one.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// stopWords carry no meaning for token overlap.
func stopWords() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of to in on for is are was be been and or not no it its this that
		with by at as from your you our we please try again error _url_ _addr_ _hash_ _hex_ _num_`) {
		m[w] = true
	}
	return m
}

// contentWords returns the distinct ASCII words of normalized text that
// carry meaning: letters, at least three of them, no stop words.
func contentWords(s string, stop map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, tk := range tokens(s) {
		w := tk.key
		if len(w) < 3 || stop[w] || seen[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// hanBigrams returns the distinct pairs of adjacent Chinese characters.
func hanBigrams(s string) []string {
	var out []string
	seen := map[string]bool{}
	var prev rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			if prev != 0 {
				g := string([]rune{prev, r})
				if !seen[g] {
					seen[g] = true
					out = append(out, g)
				}
			}
			prev = r
			continue
		}
		prev = 0
	}
	return out
}
