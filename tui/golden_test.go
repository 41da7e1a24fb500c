package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

// canonicalScreens are the screens kept whole as goldens: the home menu, a
// guide's answer, the result of a failed transaction, an account lookup
// and a support-contact verdict. Every other screen is held by what it
// must show (screenWants) and by the frame invariants at every size.
func canonicalScreens() []string {
	return []string{"home", "answer", "result_failed", "account", "verify"}
}

// TestGolden draws the canonical screens at 80×24 in both languages and
// compares the whole frame. Run with -update to rewrite
// testdata/TestGolden/….
func TestGolden(t *testing.T) {
	env := newEnv(t)
	screens := allScreens(t, env)
	for _, name := range canonicalScreens() {
		for _, lang := range []string{"en", "zh"} {
			t.Run(name+"/80x24/"+lang, func(t *testing.T) {
				m := screens[name](sized(t, env, lang, 80, 24))
				view := m.View()
				checkFrame(t, view, 80, 24)
				teatest.RequireEqualOutput(t, []byte(view))
			})
		}
	}
}

// checkFrame asserts what every frame must be: exactly the terminal's
// height, no line wider than it, and no escape code (the profile is
// ASCII, so one could only come from unsanitized node text).
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	if strings.ContainsAny(view, "\x1b\u009b\x07") {
		t.Errorf("escape or control code in the view: %q", view)
	}
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := displayWidth(l); lw > w {
			t.Errorf("line %d is %d wide, more than %d: %q", i+1, lw, w, l)
		}
	}
}

func displayWidth(s string) int { return ansi.StringWidth(s) }
