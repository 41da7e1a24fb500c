package diagnose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mred\x1b[0m", "\x1b]0;t\x07", "a\u202eb", "\xff\xfe", "\u009b1m", strings.Repeat("x", 600)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sanitize(s)
		if why := checkSanitized(got); why != "" {
			t.Fatalf("Sanitize(%q) = %q: %s", s, got, why)
		}
		if strings.ContainsAny(got, "\x1b\x07") {
			t.Fatalf("Sanitize(%q) = %q keeps ESC or BEL", s, got)
		}
		if n := utf8.RuneCountInString(got); n > maxSanitizedRunes+1 {
			t.Fatalf("Sanitize output has %d runes", n)
		}
		if again := Sanitize(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}
