package tui

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// frameSizes are the terminal sizes every screen is drawn at: the small
// and the large window of issue 18, the classic terminal, the short and
// tall ones the scrolling tests use, and a wide one.
func frameSizes() [][2]int {
	return [][2]int{{40, 12}, {40, 30}, {80, 14}, {80, 24}, {80, 60}, {120, 40}, {200, 60}}
}

// noColorStyles are the styles the app builds on a colour terminal with
// NO_COLOR set: the test fails unless the same terminal colours without
// it, so the absence of escape codes proves NO_COLOR, not a dull terminal.
func noColorStyles(t *testing.T) Styles {
	t.Helper()
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("COLORTERM", "")
	t.Setenv("NO_COLOR", "")
	var buf bytes.Buffer
	colour := newStyles(lipgloss.NewRenderer(&buf, termenv.WithTTY(true)))
	if colour.Profile == termenv.Ascii {
		t.Skip("this terminal setting gives no colour at all")
	}
	if !strings.ContainsRune(colour.OK.Render("x"), 0x1b) {
		t.Fatal("without NO_COLOR the styles should colour")
	}
	t.Setenv("NO_COLOR", "1")
	st := newStyles(lipgloss.NewRenderer(&buf, termenv.WithTTY(true)))
	if st.Profile != termenv.Ascii {
		t.Fatalf("NO_COLOR: profile %v, want Ascii", st.Profile)
	}
	return st
}

// TestFrameInvariants draws every screen at every size in both languages,
// with and without the full help, with the styles NO_COLOR gives on a
// colour terminal (the pinned ASCII ones where the test cannot make a
// colour terminal): each frame is exactly the terminal's height, no line is
// wider than it, and there is no escape code.
func TestFrameInvariants(t *testing.T) {
	st := newStyles(lipgloss.DefaultRenderer())
	t.Run("no_color", func(t *testing.T) { st = noColorStyles(t) })
	if t.Failed() {
		return
	}
	names := slices.Sorted(maps.Keys(allScreens(t, newEnv(t))))
	for _, name := range names {
		for _, size := range frameSizes() {
			for _, lang := range []string{"en", "zh"} {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", name, size[0], size[1], lang), func(t *testing.T) {
					t.Parallel()
					env := newEnv(t)
					opt := env.options()
					opt.Lang = lang
					m, err := newModel(t.Context(), opt, st)
					if err != nil {
						t.Fatal(err)
					}
					m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					m = allScreens(t, env)[name](m)
					for i, v := range []string{m.View(), send(t, m, keyMsg("?")).View()} {
						if !t.Run([]string{"view", "help"}[i], func(t *testing.T) { checkFrame(t, v, size[0], size[1]) }) {
							t.Logf("%s:\n%s", []string{"view", "with ?"}[i], v)
						}
					}
				})
			}
		}
	}
}
