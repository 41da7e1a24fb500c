package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spanStyle is how a run of an answer's text looks; the bits combine.
type spanStyle uint8

const (
	spanStrong spanStyle = 1 << iota
	spanEm
	spanCode
	spanLink    // a link's text, or an address shown as a link
	spanHeading // a heading's text: set by the block, never inline
)

// mdSpan is a run of text in one style.
type mdSpan struct {
	text  string
	style spanStyle
}

// inline parses one block's inline Markdown into styled runs. With ticks,
// code keeps its backticks: without colour they are what marks it.
type inline struct {
	spans []mdSpan
	cur   strings.Builder
	style spanStyle
	ticks bool
}

// parseInline turns inline Markdown into runs of plain text.
func parseInline(s string, ticks bool) []mdSpan {
	in := &inline{ticks: ticks}
	in.parse(s, 0)
	in.flush()
	return in.spans
}

func (in *inline) flush() {
	if in.cur.Len() == 0 {
		return
	}
	if n := len(in.spans); n > 0 && in.spans[n-1].style == in.style {
		in.spans[n-1].text += in.cur.String()
	} else {
		in.spans = append(in.spans, mdSpan{in.cur.String(), in.style})
	}
	in.cur.Reset()
}

// emit writes text in style st, then goes back to the current style.
func (in *inline) emit(text string, st spanStyle) {
	in.flush()
	saved := in.style
	in.style = st
	in.cur.WriteString(text)
	in.flush()
	in.style = saved
}

// toggle switches a style bit on or off at a delimiter.
func (in *inline) toggle(bit spanStyle) {
	in.flush()
	in.style ^= bit
}

// maxLinkDepth bounds links inside link texts (which Markdown forbids, but
// input is not trusted to know that).
const maxLinkDepth = 2

// maxReach is how far ahead a delimiter, bracket or < looks for what
// closes it. Help text never styles a kilobyte at once, and the bound keeps
// a line of a thousand unmatched [ or * linear rather than quadratic.
const maxReach = 1024

func (in *inline) parse(s string, depth int) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			in.cur.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			if n := in.code(s, i); n > 0 {
				i = n
				continue
			}
			run := runOf(s, i, '`')
			in.cur.WriteString(s[i : i+run])
			i += run
			continue
		case c == '*' || c == '_':
			i = in.delim(s, i)
			continue
		case c == '[' && depth < maxLinkDepth:
			if n := in.link(s, i, depth); n > 0 {
				i = n
				continue
			}
		case c == '<':
			if n := in.autolink(s, i); n > 0 {
				i = n
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		in.cur.WriteString(s[i : i+size])
		i += size
	}
}

// code reads a code span starting at i: a run of backticks, the code, and
// a run of the same length. It returns the index after it, or 0.
func (in *inline) code(s string, i int) int {
	run := runOf(s, i, '`')
	for j := i + run; j < len(s); {
		k := strings.IndexByte(s[j:], '`')
		if k < 0 {
			return 0
		}
		j += k
		if n := runOf(s, j, '`'); n != run {
			j += n
			continue
		}
		body := s[i+run : j]
		if len(body) > 1 && body[0] == ' ' && body[len(body)-1] == ' ' && strings.Trim(body, " ") != "" {
			body = body[1 : len(body)-1]
		}
		if in.ticks {
			body = "`" + body + "`"
		}
		in.emit(body, in.style|spanCode)
		return j + run
	}
	return 0
}

// delim handles * and _ runs: ** and __ are strong, * and _ emphasis. A
// delimiter opens only if a matching one closes it later, and _ never
// works inside a word (snake_case stays as written). Any other run is
// text. It returns the index after the run.
func (in *inline) delim(s string, i int) int {
	c := s[i]
	run := runOf(s, i, c)
	if run > 2 {
		in.cur.WriteString(s[i : i+run])
		return i + run
	}
	bit := spanEm
	if run == 2 {
		bit = spanStrong
	}
	before, after := runeBefore(s, i), runeAfter(s, i+run)
	canClose := !unicode.IsSpace(before) && before != 0 && (c == '*' || !isWordRune(after))
	canOpen := !unicode.IsSpace(after) && after != 0 && (c == '*' || !isWordRune(before))
	switch {
	case in.style&bit != 0 && canClose:
		in.toggle(bit)
		return i + run
	case in.style&bit == 0 && canOpen && closes(ahead(s, i+run), s[i:i+run]):
		in.toggle(bit)
		return i + run
	}
	in.cur.WriteString(s[i : i+run])
	return i + run
}

// closes reports whether rest holds a closing delimiter d: one that
// follows a non-space and is not part of a longer run.
func closes(rest, d string) bool {
	for j := 0; j < len(rest); {
		k := strings.Index(rest[j:], d)
		if k < 0 {
			return false
		}
		j += k
		if n := runOf(rest, j, d[0]); n != len(d) {
			j += n
			continue
		}
		if b := runeBefore(rest, j); j > 0 && !unicode.IsSpace(b) && (d[0] == '*' || !isWordRune(runeAfter(rest, j+len(d)))) {
			return true
		}
		j += len(d)
	}
	return false
}

// link reads [text](address) at i. The text keeps its own Markdown; the
// address follows it in parentheses unless it is the text itself.
func (in *inline) link(s string, i, depth int) int {
	end := matching(s[:min(len(s), i+maxReach)], i, '[', ']')
	if end < 0 || end+1 >= len(s) || s[end+1] != '(' {
		return 0
	}
	paren := strings.IndexByte(ahead(s, end+2), ')')
	if paren < 0 {
		return 0
	}
	addr := strings.TrimSpace(s[end+2 : end+2+paren])
	if strings.ContainsAny(addr, " \n") {
		return 0
	}
	text := s[i+1 : end]
	in.flush()
	saved := in.style
	in.style |= spanLink
	in.parse(text, depth+1)
	in.flush()
	in.style = saved
	if addr != "" && addr != text {
		in.cur.WriteString(" (")
		in.emit(addr, in.style|spanLink)
		in.cur.WriteString(")")
	}
	return end + 2 + paren + 1
}

// autolink reads <https://…> at i.
func (in *inline) autolink(s string, i int) int {
	end := strings.IndexByte(ahead(s, i), '>')
	if end < 0 {
		return 0
	}
	addr := s[i+1 : i+end]
	if !(strings.HasPrefix(addr, "https://") || strings.HasPrefix(addr, "http://")) || strings.ContainsAny(addr, " <") {
		return 0
	}
	in.emit(addr, in.style|spanLink)
	return i + end + 1
}

// ahead is at most maxReach bytes of s from i.
func ahead(s string, i int) string { return s[i:min(len(s), i+maxReach)] }

// matching finds the bracket closing the one at i, or -1.
func matching(s string, i int, open, shut byte) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case shut:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// runOf counts how many times c repeats from i.
func runOf(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// runeBefore is the rune ending at i, or 0 at the start.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// runeAfter is the rune starting at i, or 0 at the end.
func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}
