package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/diagnose/revert"
	"github.com/unstuck-dev/unstuck/guides"
)

// Default layout when the terminal did not say its size (no TTY, or before
// the first WindowSizeMsg).
const (
	defaultWidth  = 80
	defaultHeight = 24
	minWidth      = 20
)

// tr picks the words for the user's language.
func tr(lang guides.Lang, en, zh string) string {
	if lang == guides.Zh {
		return zh
	}
	return en
}

// clean makes node-supplied text safe for the terminal: escape sequences
// and control runes go, white space collapses to single spaces.
func clean(s string) string { return revert.Sanitize(s) }

// wrap word-wraps plain text to width columns. Chinese text breaks
// between any two characters (never before closing punctuation); words
// wider than a line (hashes, links) are cut.
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
	for _, r := range s {
		k := kind(r)
		n := len(toks)
		switch {
		case n > 0 && strings.ContainsRune(closers, r) && !strings.HasSuffix(toks[n-1], " "):
			toks[n-1] += string(r)
		case n > 0 && r != ' ' && strings.ContainsRune(openers, lastRune(toks[n-1])):
			toks[n-1] += string(r)
		case n > 0 && k != 2 && kind(lastRune(toks[n-1])) == k:
			toks[n-1] += string(r)
		default:
			toks = append(toks, string(r))
		}
	}
	return toks
}

func lastRune(s string) rune {
	var last rune
	for _, r := range s {
		last = r
	}
	return last
}

func wrapLine(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW = 0
	}
	for _, tok := range wrapTokens(s) {
		tw := ansi.StringWidth(tok)
		if strings.TrimLeft(tok, " ") == "" {
			if curW > 0 && curW+tw < width {
				cur.WriteString(tok)
				curW += tw
			}
			continue
		}
		if curW > 0 && curW+tw > width {
			flush()
		}
		for tw > width {
			head := ansi.Truncate(tok, width, "")
			if head == "" {
				break
			}
			cur.WriteString(head)
			flush()
			tok = tok[len(head):]
			tw = ansi.StringWidth(tok)
		}
		cur.WriteString(tok)
		curW += tw
	}
	if cur.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
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
	lines := strings.Split(wrap(text, width-2), "\n")
	for i, l := range lines {
		if i == 0 {
			lines[i] = glyph + " " + render(l)
		} else {
			lines[i] = "  " + render(l)
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
