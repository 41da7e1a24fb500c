package tui

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/unstuck-dev/unstuck/guides"
)

// plainMarkdown renders without colour, as NO_COLOR and pipes do.
func plainMarkdown(t testing.TB) *markdown {
	t.Helper()
	r := lipgloss.NewRenderer(&bytes.Buffer{})
	r.SetColorProfile(termenv.Ascii)
	return newMarkdown(newStyles(r))
}

// colourMarkdown renders with true colour, whatever the test's terminal.
func colourMarkdown(t testing.TB) *markdown {
	t.Helper()
	r := lipgloss.NewRenderer(&bytes.Buffer{})
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return newMarkdown(newStyles(r))
}

func TestParseMarkdownBlocks(t *testing.T) {
	type b = mdBlock
	tests := []struct {
		name, src string
		want      []mdBlock
	}{
		{"paragraphs", "one\ntwo\n\nthree", []b{
			{kind: blockPara, text: "one two"},
			{kind: blockPara, text: "three", gap: true},
		}},
		{"nested list with lazy continuation", "1. Open\n   - MetaMask: **Activity**\nstill the same item\n2. Raise", []b{
			{kind: blockItem, depth: 1, marker: "1.", text: "Open"},
			{kind: blockItem, depth: 2, marker: "•", text: "MetaMask: **Activity** still the same item"},
			{kind: blockItem, depth: 1, marker: "2.", text: "Raise"},
		}},
		{"paragraph inside an item, then out of the list", "- a\n\n  more of a\n\nafter", []b{
			{kind: blockItem, depth: 1, marker: "•", text: "a"},
			{kind: blockPara, depth: 1, text: "more of a", gap: true},
			{kind: blockPara, depth: 0, text: "after", gap: true},
		}},
		{"sibling at a lesser indent", "- a\n - b\n   - c", []b{
			{kind: blockItem, depth: 1, marker: "•", text: "a"},
			{kind: blockItem, depth: 1, marker: "•", text: "b"},
			{kind: blockItem, depth: 2, marker: "•", text: "c"},
		}},
		{"ordered with parenthesis", "3) third", []b{{kind: blockItem, depth: 1, marker: "3)", text: "third"}}},
		{"heading, rule, quote", "## Steps ##\n---\n> a\n> b", []b{
			{kind: blockHeading, text: "Steps"},
			{kind: blockRule},
			{kind: blockQuote, text: "a b"},
		}},
		{"fenced code keeps lines", "```\n  x := 1\n\n  y\n```\nafter", []b{
			{kind: blockCode, text: "  x := 1\n\n  y\n"},
			{kind: blockPara, text: "after"},
		}},
		{"hard breaks", "a  \nb\\\nc", []b{{kind: blockPara, text: "a\nb\nc"}}},
		{"not a list", "-5 degrees\n10.5 units", []b{{kind: blockPara, text: "-5 degrees 10.5 units"}}},
		{"escape codes and controls go", "a\x1b[31mred\x1b[0m\u202eb\x07", []b{{kind: blockPara, text: "aredb"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseMarkdown(tt.src); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseMarkdown(%q)\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseInline(t *testing.T) {
	type s = mdSpan
	tests := []struct {
		src  string
		want []mdSpan
	}{
		{"plain", []s{{"plain", 0}}},
		{"a **b** c", []s{{"a ", 0}, {"b", spanStrong}, {" c", 0}}},
		{"两项费用**都**要", []s{{"两项费用", 0}, {"都", spanStrong}, {"要", 0}}},
		{"*em* and _em_", []s{{"em", spanEm}, {" and ", 0}, {"em", spanEm}}},
		{"snake_case_name stays", []s{{"snake_case_name stays", 0}}},
		{"2 * 3 * 4", []s{{"2 * 3 * 4", 0}}},
		{"unclosed **bold", []s{{"unclosed **bold", 0}}},
		{"***", []s{{"***", 0}}},
		{"run `unstuck check <hash>` now", []s{{"run ", 0}, {"unstuck check <hash>", spanCode}, {" now", 0}}},
		{"``a ` b``", []s{{"a ` b", spanCode}}},
		{"`open", []s{{"`open", 0}}},
		{`\*not em\*`, []s{{"*not em*", 0}}},
		{"see [the docs](https://x.org/a) ok", []s{{"see ", 0}, {"the docs", spanLink}, {" (", 0}, {"https://x.org/a", spanLink}, {") ok", 0}}},
		{"[https://x.org](https://x.org)", []s{{"https://x.org", spanLink}}},
		{"<https://x.org> and <hash>", []s{{"https://x.org", spanLink}, {" and <hash>", 0}}},
		{"**bold `code`**", []s{{"bold ", spanStrong}, {"code", spanStrong | spanCode}}},
		{"[a [b](c)](d)", []s{{"a b (c)", spanLink}, {" (", 0}, {"d", spanLink}, {")", 0}}},
	}
	for _, tt := range tests {
		if got := parseInline(tt.src, false); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseInline(%q)\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
	// Without colour, code keeps its backticks.
	if got := parseInline("run `x`", true); !reflect.DeepEqual(got, []mdSpan{{"run ", 0}, {"`x`", spanCode}}) {
		t.Errorf("ticks: %q", got)
	}
}

func TestRenderLayout(t *testing.T) {
	md := plainMarkdown(t)
	src := "Intro text here.\n\n1. First step is long enough to wrap around.\n   - nested **bold** point\n2. Second\n\n```\n  code\n```"
	want := strings.Join([]string{
		"  Intro text here.",
		"",
		"  1. First step is long enough to",
		"     wrap around.",
		"     • nested bold point",
		"  2. Second",
		"",
		"      code",
	}, "\n")
	if got := md.render(src, 36); got != want {
		t.Errorf("render:\n%s\nwant:\n%s", got, want)
	}
	// Chinese wraps between characters, never before closing punctuation.
	got := md.render("两项费用都要提高至少百分之十，只提高一项会被拒绝。", 20)
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "，") || strings.HasPrefix(strings.TrimSpace(l), "。") {
			t.Errorf("line starts with closing punctuation: %q", l)
		}
		if w := ansi.StringWidth(l); w > 20 {
			t.Errorf("line %q is %d wide", l, w)
		}
	}
}

// TestRenderEveryAnswer renders every node of every guide in both
// languages at many widths: no line is wider than the screen, nothing of
// the text is lost, colour changes the looks and never the layout, and
// without colour there is no escape code at all.
func TestRenderEveryAnswer(t *testing.T) {
	lib, err := guides.Load()
	if err != nil {
		t.Fatal(err)
	}
	plain, colour := plainMarkdown(t), colourMarkdown(t)
	// Colour output without its escapes must equal a plain render that
	// drops backticks as the colour one does.
	noTicks := plainMarkdown(t)
	noTicks.plain = false
	n := 0
	for _, tree := range lib.Trees() {
		for _, node := range tree.Nodes {
			for _, lang := range []guides.Lang{guides.En, guides.Zh} {
				src := node.Fill(lang, nil)
				if strings.TrimSpace(src) == "" {
					continue
				}
				n++
				for _, w := range []int{20, 33, 40, 61, 80, 120} {
					out := plain.render(src, w)
					if strings.ContainsRune(out, 0x1b) {
						t.Fatalf("%s/%s: escape code without colour", node.ID, lang)
					}
					for _, l := range strings.Split(out, "\n") {
						if lw := ansi.StringWidth(l); lw > w {
							t.Errorf("%s/%s at %d: line %d wide: %q", node.ID, lang, w, lw, l)
						}
					}
					if got, want := squeeze(out), squeeze(expectedText(src, true)); got != want {
						t.Errorf("%s/%s at %d: text changed\n got %s\nwant %s", node.ID, lang, w, got, want)
					}
					if got, want := ansi.Strip(colour.render(src, w)), noTicks.render(src, w); got != want {
						t.Errorf("%s/%s at %d: colour changes the layout\n got %q\nwant %q", node.ID, lang, w, got, want)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d texts rendered; the guides have more", n)
	}
}

// expectedText is what a render must show of src: list markers and the
// text of every block without its Markdown.
func expectedText(src string, ticks bool) string {
	var b strings.Builder
	for _, blk := range parseMarkdown(src) {
		b.WriteString(blk.marker)
		for _, sp := range parseInline(blk.text, ticks) {
			b.WriteString(sp.text)
		}
	}
	return b.String()
}

// squeeze drops white space: wrapping moves it, and nothing else may move.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestBreakLinesNeverGluesWords(t *testing.T) {
	// "abcdefghi" fills 9 of 10 columns; the space cannot fit, so "x" must
	// start the next line rather than join the word before it.
	if got := wrapLine("abcdefghi x", 10); !reflect.DeepEqual(got, []string{"abcdefghi", "x"}) {
		t.Errorf("wrapLine = %q", got)
	}
	for _, s := range []string{"", "   ", "a", "two words", "很长的中文句子没有空格，要在字之间断开。", strings.Repeat("0x", 40)} {
		for w := 1; w < 12; w++ {
			for _, sp := range breakLines(s, w) {
				if sp.from < 0 || sp.to < sp.from || sp.to > len(s) {
					t.Fatalf("breakLines(%q, %d): bad span %+v", s, w, sp)
				}
			}
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"1. a\n   - **b** `c`\n\n> q\n```\nx\n```", "[a](b) <https://c>", "**_`x`_**", "- - -", "\\", "``", "#",
		"两项费用**都**要提高", "\x1b[31m\u202e", "1.\n2)", "   1. x\n 2. y\n      3. z",
	} {
		f.Add(s, 40)
	}
	plain, colour := plainMarkdown(f), colourMarkdown(f)
	f.Fuzz(func(t *testing.T, src string, width int) {
		width = 1 + (width%200+200)%200
		out := plain.render(src, width)
		if strings.ContainsRune(out, 0x1b) {
			t.Fatalf("escape code in plain output: %q", out)
		}
		limit := max(width, minWidth)
		for _, l := range strings.Split(out, "\n") {
			// Deep nesting keeps a minimum column for text (after a
			// marker of up to 11 columns), so only such a line may pass
			// the screen's edge.
			lead := len(l) - len(strings.TrimLeft(l, " "))
			if lw := ansi.StringWidth(l); lw > max(limit, lead+minTextWidth+11) {
				t.Fatalf("line %d wide at %d: %q", lw, width, l)
			}
		}
		_ = colour.render(src, width)
	})
}

// BenchmarkMarkdown renders every answer in both languages at 80 columns,
// with a cold cache.
func BenchmarkMarkdown(b *testing.B) {
	lib, err := guides.Load()
	if err != nil {
		b.Fatal(err)
	}
	var srcs []string
	for _, tree := range lib.Trees() {
		for _, node := range tree.Nodes {
			for _, lang := range []guides.Lang{guides.En, guides.Zh} {
				if s := node.Fill(lang, nil); strings.TrimSpace(s) != "" {
					srcs = append(srcs, s)
				}
			}
		}
	}
	md := colourMarkdown(b)
	b.ReportAllocs()
	for b.Loop() {
		clear(md.cache)
		for _, s := range srcs {
			md.render(s, 80)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(srcs)), "µs/answer")
}
