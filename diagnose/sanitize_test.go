package diagnose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{name: "plain", input: "Too little received", want: "Too little received"},
		{name: "chinese", input: "余额不足", want: "余额不足"},
		{name: "sgr colour", input: "\x1b[1;31mred\x1b[0m text", want: "red text"},
		{name: "cursor movement", input: "a\x1b[2J\x1b[Hb", want: "ab"},
		{name: "private csi", input: "a\x1b[?25lb", want: "ab"},
		{name: "osc title bel", input: "x\x1b]0;owned\x07y", want: "xy"},
		{name: "osc hyperlink st", input: "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", want: "click"},
		{name: "osc unterminated swallows rest", input: "safe\x1b]52;c;Zm9v", want: "safe"},
		{name: "osc ended by new escape", input: "a\x1b]0;t\x1b[31mb", want: "ab"},
		{name: "dcs", input: "a\x1bPq#0;2;0;0;0\x1b\\b", want: "ab"},
		{name: "apc", input: "a\x1b_Gpayload\x1b\\b", want: "ab"},
		{name: "two byte escape", input: "a\x1bcb", want: "ab"},
		{name: "charset escape", input: "a\x1b(Bb", want: "ab"},
		{name: "lone esc at end", input: "abc\x1b", want: "abc"},
		{name: "c1 csi", input: "a\u009b31mb", want: "ab"},
		{name: "c1 osc", input: "a\u009d0;t\u009cb", want: "ab"},
		{name: "c1 other", input: "a\u0085b", want: "a b"},
		{name: "raw 8-bit csi byte", input: "a\x9b31mb", want: "a\uFFFD31mb"},
		{name: "bell and backspace", input: "a\x07\x08b", want: "a b"},
		{name: "newlines and tabs", input: "one\ntwo\tthree\r\n", want: "one two three"},
		{name: "runs collapse", input: "  a   \n\n b  ", want: "a b"},
		{name: "nul", input: "a\x00b", want: "a b"},
		{name: "del", input: "a\x7fb", want: "a b"},
		{name: "bidi override", input: "invoice\u202Efdp.exe", want: "invoicefdp.exe"},
		{name: "bidi isolates", input: "\u2066a\u2067b\u2068c\u2069", want: "abc"},
		{name: "invalid utf8", input: "a\xffb\xc3", want: "a\uFFFDb\uFFFD"},
		{name: "replacement char kept", input: "a\uFFFDb", want: "a\uFFFDb"},
		{name: "empty", input: "", want: ""},
		{name: "only controls", input: "\x1b[0m\n\t", want: ""},
		{name: "cap", input: strings.Repeat("é", 600), want: strings.Repeat("é", 500) + "…"},
		{name: "exactly at cap", input: strings.Repeat("z", 500), want: strings.Repeat("z", 500)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.input)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.input, got, tt.want)
			}
			if again := Sanitize(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

// checkSanitized reports what in s could still reach a terminal as control
// text, or "" when nothing could.
func checkSanitized(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return "control rune"
		case isBidiControl(r):
			return "bidi control"
		}
	}
	return ""
}

func BenchmarkSanitize(b *testing.B) {
	s := strings.Repeat("ERC20: \x1b[31mtransfer\x1b[0m amount exceeds balance\n", 20)
	b.ReportAllocs()
	for b.Loop() {
		Sanitize(s)
	}
}
