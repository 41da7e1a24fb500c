package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		input string
		width int
		want  string
	}{
		{name: "words", input: "one two three four", width: 20, want: "one two three four"},
		{name: "break at space", input: "aaaa bbbb cccc dddd eeee ffff", width: 20, want: "aaaa bbbb cccc dddd\neeee ffff"},
		{name: "long word cut", input: strings.Repeat("a", 25), width: 20, want: strings.Repeat("a", 20) + "\n" + strings.Repeat("a", 5)},
		{name: "chinese breaks anywhere", input: "这看起来像助记词或私钥；unstuck 从不需要它", width: 20, want: "这看起来像助记词或私\n钥；unstuck 从不需要\n它"},
		{name: "no closer at line start", input: "一二三四五六七八九十。", width: 20, want: "一二三四五六七八九\n十。"},
		{name: "no opener at line end", input: "一二三四五六七八九（十）", width: 20, want: "一二三四五六七八九\n（十）"},
		{name: "newlines kept", input: "a\nb", width: 20, want: "a\nb"},
		{name: "empty", input: "", width: 20, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wrap(tt.input, tt.width); got != tt.want {
				t.Errorf("wrap(%q, %d) =\n%s\nwant\n%s", tt.input, tt.width, got, tt.want)
			}
		})
	}
}

// FuzzWrap: whatever the text, no wrapped line is wider than asked and
// no visible rune is lost.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"hello world", "这看起来像助记词或私钥；unstuck", strings.Repeat("0x", 50), "a\tb\nc", "（（（（））））"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		s = clean(s)
		width = minWidth + abs(width)%200
		out := wrap(s, width)
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("line %q is %d wide, more than %d", l, w, width)
			}
		}
		if strip := func(x string) string { return strings.Join(strings.Fields(x), "") }; strip(out) != strip(s) {
			t.Fatalf("wrap changed the text: %q → %q", s, out)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestBulletHangsUnderTheText: continuation lines start under the text,
// whatever the glyph's width ("•", "1.", a styled glyph), and no line is
// wider than asked.
func TestBulletHangsUnderTheText(t *testing.T) {
	plain := func(s ...string) string { return strings.Join(s, "") }
	const text = "aaaa bbbb cccc dddd eee"
	tests := []struct {
		name, glyph, want string
	}{
		{"one column", "•", "• aaaa bbbb cccc dddd eee"},
		{"a number", "1.", "1. aaaa bbbb cccc dddd\n   eee"},
		{"styled", "\x1b[1m1.\x1b[0m", "\x1b[1m1.\x1b[0m aaaa bbbb cccc dddd\n   eee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bullet(tt.glyph, plain, text, 25)
			if got != tt.want {
				t.Errorf("bullet(%q) = %q, want %q", tt.glyph, got, tt.want)
			}
			for _, l := range strings.Split(got, "\n") {
				if w := ansi.StringWidth(l); w > 25 {
					t.Errorf("line %q is %d wide, more than 25", l, w)
				}
			}
		})
	}
}
