package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// markdown renders guide answers for the terminal: parsed by mdparse,
// laid out here with hanging indents under list markers, Chinese wrapped
// between characters (never before closing punctuation), styled with the
// app's Styles. Output is cached per (text, width): the walker re-renders
// on every resize and language switch.
type markdown struct {
	st    Styles
	plain bool // no colour: styles add nothing, code keeps its backticks
	looks map[spanStyle]lipgloss.Style
	cache map[mdKey]string
}

type mdKey struct {
	src   string
	width int
}

// maxMarkdownCache bounds the cache; guides have a few hundred nodes.
const maxMarkdownCache = 512

// mdMargin is the left margin of an answer.
const mdMargin = 2

// minTextWidth is the narrowest column text is wrapped into, however
// deep a list nests.
const minTextWidth = 10

func newMarkdown(st Styles) *markdown {
	return &markdown{st: st, plain: st.Profile == termenv.Ascii, looks: map[spanStyle]lipgloss.Style{}, cache: map[mdKey]string{}}
}

// render turns Markdown into terminal text width columns wide.
func (md *markdown) render(src string, width int) string {
	width = max(width, minWidth)
	k := mdKey{src, width}
	if out, ok := md.cache[k]; ok {
		return out
	}
	var lines []string
	cols := []int{mdMargin} // where the text of each open list depth starts
	for i, b := range parseMarkdown(src) {
		if b.gap && i > 0 {
			lines = append(lines, "")
		}
		keep := b.depth + 1 // an item's own column is pushed below
		if b.kind == blockItem {
			keep = b.depth
		}
		cols = cols[:max(1, min(keep, len(cols)))]
		col := cols[len(cols)-1]
		switch b.kind {
		case blockItem:
			text := col + ansi.StringWidth(b.marker) + 1
			cols = append(cols, text)
			lines = append(lines, md.text(b.text, col, text, width, b.marker+" ", 0)...)
		case blockHeading:
			lines = append(lines, md.text(b.text, col, col, width, "", spanStrong|spanHeading)...)
		case blockQuote:
			lines = append(lines, md.quote(b.text, col, width)...)
		case blockCode:
			lines = append(lines, md.code(b.text, col+2, width)...)
		case blockRule:
			lines = append(lines, strings.Repeat(" ", col)+md.st.Subtle.Render(strings.Repeat("─", max(width-col, 3))))
		default:
			lines = append(lines, md.text(b.text, col, col, width, "", 0)...)
		}
	}
	out := strings.Join(lines, "\n")
	if len(md.cache) >= maxMarkdownCache {
		clear(md.cache)
	}
	md.cache[k] = out
	return out
}

// text lays out inline Markdown: the first line at column first after
// lead (a list marker), the others at column rest.
func (md *markdown) text(src string, first, rest, width int, lead string, base spanStyle) []string {
	spans := parseInline(src, md.plain)
	var plain strings.Builder
	ends := make([]int, len(spans))
	for i, sp := range spans {
		plain.WriteString(sp.text)
		ends[i] = plain.Len()
	}
	s := plain.String()
	avail := max(width-rest, minTextWidth)
	var out []string
	at := 0 // byte offset of the current hard line in s
	for _, hard := range strings.Split(s, "\n") {
		for _, ln := range breakLines(hard, avail) {
			pad := strings.Repeat(" ", rest)
			if len(out) == 0 {
				pad = strings.Repeat(" ", first) + lead
			}
			out = append(out, pad+md.paint(s, spans, ends, at+ln.from, at+ln.to, base))
		}
		at += len(hard) + 1
	}
	return out
}

// paint styles s[from:to], the text of spans ending at ends.
func (md *markdown) paint(s string, spans []mdSpan, ends []int, from, to int, base spanStyle) string {
	if md.plain {
		return s[from:to]
	}
	var b strings.Builder
	start := 0
	for i, end := range ends {
		lo, hi := max(start, from), min(end, to)
		start = end
		if lo >= hi {
			continue
		}
		b.WriteString(md.look(spans[i].style | base).Render(s[lo:hi]))
	}
	return b.String()
}

// look is the lipgloss style for a combination of span styles.
func (md *markdown) look(st spanStyle) lipgloss.Style {
	if l, ok := md.looks[st]; ok {
		return l
	}
	l := md.st.Text
	switch {
	case st&spanHeading != 0:
		l = md.st.Title
	case st&spanLink != 0:
		l = md.st.Link
	case st&spanCode != 0:
		l = md.st.Code
	}
	if st&spanStrong != 0 {
		l = l.Bold(true)
	}
	if st&spanEm != 0 {
		l = l.Italic(true)
	}
	md.looks[st] = l
	return l
}

// quote lays out a block quote behind a bar.
func (md *markdown) quote(src string, col, width int) []string {
	bar := strings.Repeat(" ", col) + md.st.Subtle.Render("│") + " "
	lines := md.text(src, 0, 0, width-col-2, "", spanEm)
	for i, l := range lines {
		lines[i] = bar + l
	}
	return lines
}

// code lays out a code block as written, lines wider than the screen cut
// into pieces.
func (md *markdown) code(src string, col, width int) []string {
	var out []string
	pad := strings.Repeat(" ", col)
	for _, l := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
		body := strings.TrimLeft(l, " ")
		ind := strings.Repeat(" ", min(len(l)-len(body), width/2))
		for _, piece := range wrapLine(body, max(width-col-len(ind), minTextWidth)) {
			out = append(out, pad+ind+md.st.Code.Render(piece))
		}
	}
	return out
}
