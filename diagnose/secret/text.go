package secret

import (
	"strings"
	"unicode"
)

// Fold maps full-width ASCII (what a Chinese input method types: ０ｘ,
// ａｂｃ) to ASCII and the ideographic space to a space, and drops
// zero-width characters and the BOM, which copy-paste from apps and web
// pages leaves inside words and keys.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFF01 + '!')
		case r == 0x3000:
			b.WriteByte(' ')
		case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF, r == 0x00AD:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TrimWrapping removes the quotes, brackets and punctuation that chat apps,
// documents and sentences wrap around a pasted hash. The detector and the
// input parser trim the same way, so that what one takes for a bare 64-hex
// the other does too.
func TrimWrapping(s string) string {
	const wrap = "'\"`“”‘’「」『』《》【】()[]{}<>.,;:!?。，；：！？、…"
	for {
		t := strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(wrap, r) })
		if t == s {
			return t
		}
		s = t
	}
}
