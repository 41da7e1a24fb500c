package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// Default layout when the terminal did not say its size (no TTY, or before
// the first WindowSizeMsg).
const (
	defaultWidth  = 80
	defaultHeight = 24
	minWidth      = 20
)

// errText is an error as the user reads it: the engine's "no endpoint
// answered" in the user's language, anything else sanitized.
func errText(err error, lang guides.Lang) string {
	var noAnswer *diagnose.NoAnswerError
	if errors.As(err, &noAnswer) {
		return clean(noAnswer.Message(string(lang)))
	}
	return clean(err.Error())
}

// coinOr is a balance's coin symbol, or words saying it is the chain's own
// coin when the registry does not know the chain (a custom endpoint).
func coinOr(symbol string, lang guides.Lang) string {
	if symbol != "" {
		return clean(symbol)
	}
	return lang.Pick("(native coin)", "（原生币）")
}

// clean makes node-supplied text safe for the terminal: escape sequences
// and control runes go, white space collapses to single spaces.
func clean(s string) string { return diagnose.Sanitize(s) }

// wrap word-wraps plain text to width columns. Chinese text breaks
// between any two characters (never before closing punctuation); words
// wider than a line are cut — a link after one of its slashes, so that the
// hash in it stays whole.
func wrap(s string, width int) string {
	if width < minWidth {
		width = minWidth
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, width)...)
	}
	return strings.Join(out, "\n")
}

// openers may not end a line.
const openers = "（「『《【“‘("

// closers may not start a line.
const closers = "，。；：、！？）」』》】”’,.;:!?)"

// wrapTokens splits a line into runs of spaces, words of narrow runes, and
// single wide runes (with the closing punctuation that follows them).
func wrapTokens(s string) []string {
	var toks []string
	kind := func(r rune) int {
		switch {
		case r == ' ':
			return 0
		case ansi.StringWidth(string(r)) >= 2:
			return 2
		}
		return 1
	}
	from := 0     // where the current token starts in s
	var last rune // the current token's last rune
	for i, r := range s {
		k := kind(r)
		join := false
		switch {
		case i == 0:
		case strings.ContainsRune(closers, r) && last != ' ':
			join = true
		case r != ' ' && strings.ContainsRune(openers, last):
			join = true
		case k != 2 && kind(last) == k:
			join = true
		}
		if !join && i > 0 {
			toks = append(toks, s[from:i])
			from = i
		}
		last = r
	}
	if from < len(s) {
		toks = append(toks, s[from:])
	}
	return toks
}

// wrapLine wraps one line of plain text (see wrap).
func wrapLine(s string, width int) []string {
	spans := breakLines(s, width)
	lines := make([]string, len(spans))
	for i, sp := range spans {
		lines[i] = s[sp.from:sp.to]
	}
	return lines
}

// lineSpan is one wrapped line: the bytes s[from:to] of the text wrapped.
type lineSpan struct{ from, to int }

// breakLines finds where one line of plain text wraps at width columns.
// Lines are whole ranges of s: spaces where a line breaks are left out, a
// word wider than a line is cut. There is always at least one line.
func breakLines(s string, width int) []lineSpan {
	var lines []lineSpan
	from, to, curW := -1, 0, 0
	brk := false // a space that did not fit: the next word starts a line
	flush := func(at int) {
		if from < 0 {
			from, to = at, at
		}
		lines = append(lines, lineSpan{from, to})
		from, curW, brk = -1, 0, false
	}
	pos := 0
	for _, tok := range wrapTokens(s) {
		start := pos
		pos += len(tok)
		tw := ansi.StringWidth(tok)
		if strings.TrimLeft(tok, " ") == "" {
			if curW > 0 && curW+tw < width {
				curW += tw
			} else if curW > 0 {
				brk = true
			}
			continue
		}
		if curW > 0 && (brk || curW+tw > width) {
			flush(start)
		}
		for tw > width {
			head := linkHead(tok, ansi.Truncate(tok, width, ""))
			if head == "" {
				break
			}
			if from < 0 {
				from = start
			}
			to = start + len(head)
			flush(to)
			start += len(head)
			tok = tok[len(head):]
			tw -= ansi.StringWidth(head)
		}
		if tok == "" {
			continue
		}
		if from < 0 {
			from = start
		}
		to = start + len(tok)
		curW += tw
	}
	if from >= 0 || len(lines) == 0 {
		flush(len(s))
	}
	return lines
}

// linkHead shortens head, the first line's worth of a word too wide for a
// line, to end after the link's last slash in it, when tok is a link and
// that leaves more than the scheme and host.
func linkHead(tok, head string) string {
	i := strings.Index(tok, "://")
	if i < 0 {
		return head
	}
	if j := strings.LastIndexByte(head, '/'); j > i+2 && strings.IndexByte(head[i+3:], '/') >= 0 {
		return head[:j+1]
	}
	return head
}

// indent wraps s to width and indents every line by prefix.
func indent(s, prefix string, width int) string {
	lines := strings.Split(wrap(s, width-ansi.StringWidth(prefix)), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// truncate cuts s to width columns with an ellipsis.
func truncate(s string, width int) string {
	if width < 1 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// truncateLeft keeps the end of s (the most recent crumbs of a breadcrumb).
func truncateLeft(s string, width int) string {
	w := ansi.StringWidth(s)
	if w <= width || width < 2 {
		return s
	}
	return "…" + ansi.TruncateLeft(s, w-width+1, "")
}

// clip keeps at most height lines of s.
func clip(s string, height int) string {
	if height < 1 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// lineCount is the number of lines s takes.
func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// both is a text in the two languages.
func both(en, zh string) guides.Text { return guides.Text{En: en, Zh: zh} }

// bullet puts a (styled) glyph before text wrapped to width, continuation
// lines under the text.
func bullet(glyph string, render func(...string) string, text string, width int) string {
	indent := strings.Repeat(" ", ansi.StringWidth(glyph)+1)
	lines := strings.Split(wrap(text, width-len(indent)), "\n")
	for i, l := range lines {
		if i == 0 {
			lines[i] = glyph + " " + render(l)
		} else {
			lines[i] = indent + render(l)
		}
	}
	return strings.Join(lines, "\n")
}

// paint styles each line of s on its own, so that a multi-line text is
// not padded into a block.
func paint(style lipgloss.Style, s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}
