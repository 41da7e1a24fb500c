package diagnose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSanitizedRunes caps Sanitize's output (before the "…" it appends).
const maxSanitizedRunes = 500

// Sanitize makes a node-supplied string safe to show in a terminal. It drops
// ANSI escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte escapes,
// in both their ESC and C1 forms), turns every other control rune and every
// run of white space into one space, replaces invalid UTF-8 with U+FFFD,
// removes bidi embedding, override and isolate runes (U+202A–U+202E,
// U+2066–U+2069), trims the ends and cuts the result after 500 runes with
// "…". Sanitize(Sanitize(s)) == Sanitize(s).
func Sanitize(s string) string {
	var b strings.Builder
	b.Grow(min(len(s), 4*maxSanitizedRunes+8))
	n := 0           // runes written
	pending := false // a space is owed before the next visible rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			i++ // invalid byte: shown as U+FFFD below
		case r == 0x1b:
			i = skipEscape(s, i+size)
			continue
		case r == 0x9b:
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f:
			i = skipString(s, i+size)
			continue
		default:
			i += size
		}
		if isBidiControl(r) {
			continue
		}
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || unicode.IsSpace(r) {
			pending = n > 0
			continue
		}
		if pending {
			if n == maxSanitizedRunes {
				b.WriteString("…")
				return b.String()
			}
			b.WriteByte(' ')
			n++
			pending = false
		}
		if n == maxSanitizedRunes {
			b.WriteString("…")
			return b.String()
		}
		b.WriteRune(r) // RuneError is written as U+FFFD
		n++
	}
	return b.String()
}

// isBidiControl reports the bidi embedding, override and isolate runes that
// can make text display in a different order than it reads.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// skipEscape skips the rest of an escape sequence whose ESC ends before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	c := s[i]
	switch {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediate bytes, then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return i + 1
	}
	return i // a lone ESC: dropped
}

// skipCSI skips a control sequence's parameter, intermediate and final bytes.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC body up to its terminator (BEL,
// ESC \ or C1 ST). Another ESC ends the string and starts a new sequence; an
// unterminated string runs to the end, as a terminal would swallow it.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
