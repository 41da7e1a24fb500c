package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The guides' answers are Markdown. mdparse reads the part of CommonMark a
// help text needs: paragraphs, headings, bullet and numbered lists (nested
// by indentation, lazy continuation lines), block quotes, fenced code and
// rules; inside text, **strong**, *emphasis*, `code`, [links](url),
// <autolinks> and backslash escapes. Anything else is shown as written.

// blockKind is what a block of an answer is.
type blockKind int

const (
	blockPara blockKind = iota
	blockHeading
	blockItem
	blockQuote
	blockCode
	blockRule
)

// mdBlock is one block: a paragraph, a list item's text, a heading, a
// quote, a code block or a rule.
type mdBlock struct {
	kind   blockKind
	depth  int    // list nesting: 0 outside lists, 1 for a top-level item
	marker string // "•" or "3." for the first paragraph of an item, else ""
	text   string // inline Markdown; for code, the lines as written
	gap    bool   // a blank line came before it in the source
}

// listLevel is an open list item: the source column its text starts at.
type listLevel struct{ content int }

// mdParser holds the state of one parse.
type mdParser struct {
	blocks []mdBlock
	open   *mdBlock // the block that lazy continuation lines join
	levels []listLevel
	fence  string // the open code fence ("```" or "~~~"), "" outside code
	fenced int    // the open fence's indentation, taken off its lines
	blank  bool   // the previous line was blank
}

// parseMarkdown splits src into blocks.
func parseMarkdown(src string) []mdBlock {
	p := &mdParser{}
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		p.line(safeLine(line))
	}
	return p.blocks
}

func (p *mdParser) add(b mdBlock) {
	b.gap = p.blank && len(p.blocks) > 0
	p.blocks = append(p.blocks, b)
	p.open = &p.blocks[len(p.blocks)-1]
	p.blank = false
}

func (p *mdParser) line(line string) {
	if p.fence != "" {
		if strings.HasPrefix(strings.TrimSpace(line), p.fence) {
			p.fence, p.open = "", nil
			return
		}
		n := len(line) - len(strings.TrimLeft(line, " "))
		p.open.text += line[min(n, p.fenced):] + "\n"
		return
	}
	body := strings.TrimLeft(line, " ")
	ind := len(line) - len(body)
	if body == "" {
		p.blank, p.open = true, nil
		return
	}
	if marker, rest, ok := listMarker(body); ok {
		p.item(ind, marker, rest, len(body)-len(rest))
		return
	}
	depth := p.depthFor(ind)
	switch {
	case strings.HasPrefix(body, "```") || strings.HasPrefix(body, "~~~"):
		p.fence, p.fenced = body[:3], ind
		p.add(mdBlock{kind: blockCode, depth: depth})
	case heading(body) != "":
		p.add(mdBlock{kind: blockHeading, depth: depth, text: heading(body)})
		p.open = nil
	case isRule(body):
		p.add(mdBlock{kind: blockRule, depth: depth})
		p.open = nil
	case body[0] == '>':
		text := strings.TrimPrefix(strings.TrimPrefix(body, ">"), " ")
		if p.open != nil && p.open.kind == blockQuote && !p.blank {
			p.open.text = joinLine(p.open.text, text)
			return
		}
		p.add(mdBlock{kind: blockQuote, depth: depth, text: text})
	case p.open != nil && !p.blank && p.open.kind != blockCode:
		// A lazy continuation line joins the open paragraph or item.
		p.open.text = joinLine(p.open.text, body)
	default:
		p.add(mdBlock{kind: blockPara, depth: depth, text: body})
	}
}

// item opens a list item at source column ind whose text starts width
// columns after ind.
func (p *mdParser) item(ind int, marker, text string, width int) {
	// An item indented at least as far as the open item's text is its
	// child; anything less closes that item.
	for len(p.levels) > 0 && ind < p.levels[len(p.levels)-1].content {
		p.levels = p.levels[:len(p.levels)-1]
	}
	p.levels = append(p.levels, listLevel{content: ind + width})
	p.add(mdBlock{kind: blockItem, depth: len(p.levels), marker: marker, text: text})
}

// depthFor is the list depth a non-item line at column ind belongs to. After
// a blank line, a line indented less than an item's text ends that item.
func (p *mdParser) depthFor(ind int) int {
	if p.blank {
		for len(p.levels) > 0 && ind < p.levels[len(p.levels)-1].content {
			p.levels = p.levels[:len(p.levels)-1]
		}
	}
	return len(p.levels)
}

// joinLine joins a continuation line to a paragraph. A line that ended in
// two spaces or a backslash is a hard break.
func joinLine(text, next string) string {
	switch {
	case strings.HasSuffix(text, "  "):
		return strings.TrimRight(text, " ") + "\n" + next
	case strings.HasSuffix(text, `\`) && !strings.HasSuffix(text, `\\`):
		return strings.TrimSuffix(text, `\`) + "\n" + next
	}
	return text + " " + next
}

// listMarker reads "- ", "* ", "+ ", "1. " or "1) " at the start of body.
// Bullets come back as "•".
func listMarker(body string) (marker, rest string, ok bool) {
	if len(body) >= 2 && strings.ContainsRune("-*+", rune(body[0])) && body[1] == ' ' {
		if isRule(body) {
			return "", "", false
		}
		return "•", strings.TrimLeft(body[2:], " "), true
	}
	i := 0
	for i < len(body) && i < 9 && body[i] >= '0' && body[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(body) && (body[i] == '.' || body[i] == ')') && body[i+1] == ' ' {
		return body[:i+1], strings.TrimLeft(body[i+2:], " "), true
	}
	return "", "", false
}

// heading returns an ATX heading's text ("## Title" → "Title"), or "".
func heading(body string) string {
	n := 0
	for n < len(body) && body[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(body) || body[n] != ' ' {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(body[n:]), "#"))
}

// isRule reports a thematic break: three or more of one of - * _, spaces
// allowed between them.
func isRule(body string) bool {
	s := strings.ReplaceAll(body, " ", "")
	return len(s) >= 3 && strings.Count(s, s[:1]) == len(s) && strings.ContainsRune("-*_", rune(s[0]))
}

// safeLine makes one source line safe for a terminal: escape sequences go,
// tabs become spaces, other control runes and bidi overrides are dropped,
// invalid UTF-8 becomes U+FFFD. Guide text is ours, but placeholders are
// filled with values from nodes.
func safeLine(s string) string {
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString("    ")
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		case r == utf8.RuneError:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
