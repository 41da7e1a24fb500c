package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// edgeFlows are the resize, wrap and help cases of issue 18, reached
// through the messages the app receives; each starts at the size given.
func edgeFlows(t *testing.T) map[string]func(m model, w, h int) model {
	return map[string]func(model, int, int) model{
		// Scrolled to the end on a small window, then made this size.
		"resize": func(m model, w, h int) model {
			m, _ = update(t, m, tea.WindowSizeMsg{Width: 40, Height: 12})
			m = showResult(t, m, failedReport(), nil)
			m = send(t, m, tea.KeyMsg{Type: tea.KeyEnd})
			m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
			return m
		},
		// The explorer link and the hash of a failed swap.
		"wrap": func(m model, _, _ int) model {
			return send(t, showResult(t, m, failedReport(), nil), tea.KeyMsg{Type: tea.KeyEnd})
		},
		// The full help over a result.
		"help": func(m model, _, _ int) model {
			return send(t, showResult(t, m, pendingReport(), nil), keyMsg("?"))
		},
		// The home menu, the smallest case.
		"home": func(m model, _, _ int) model { return m },
	}
}

// TestGoldenEdges draws each edge flow at 40×12, 80×24 and 200×60 in both
// languages. Run with -update to rewrite testdata/TestGoldenEdges/….
func TestGoldenEdges(t *testing.T) {
	env := newEnv(t)
	flows := edgeFlows(t)
	for _, name := range slices.Sorted(maps.Keys(flows)) {
		for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
			for _, lang := range []string{"en", "zh"} {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", name, size[0], size[1], lang), func(t *testing.T) {
					m := flows[name](sized(t, env, lang, size[0], size[1]), size[0], size[1])
					view := m.View()
					checkFrame(t, view, size[0], size[1])
					if name == "resize" && m.result.vp.TotalLineCount() <= m.result.vp.Height && m.result.vp.YOffset != 0 {
						t.Errorf("the whole report fits but it is scrolled by %d", m.result.vp.YOffset)
					}
					if name == "wrap" && size[0] >= 80 && strings.Count(view, testHash) == 0 {
						t.Errorf("the hash is not whole on any line:\n%s", view)
					}
					teatest.RequireEqualOutput(t, []byte(view))
				})
			}
		}
	}
}

// TestFlowResizeWhileScrolled runs the whole program: a result scrolled to
// its end, the terminal made bigger, and the top of the report is back.
func TestFlowResizeWhileScrolled(t *testing.T) {
	env := newEnv(t)
	env.eng.rep = failedReport()
	tm := startApp(t, env.options(), 80, 14)
	var f frames
	f.waitFor(t, tm, "What do you need help with?")
	tm.Send(openCheckMsg{})
	f.waitFor(t, tm, "Check a transaction")
	tm.Send(paste(testHash))
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "FAILED", "scroll: pgup/pgdn")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnd})
	f.waitFor(t, tm, "100%")
	tm.Send(tea.WindowSizeMsg{Width: 200, Height: 60})
	f.waitFor(t, tm, "What this means", "Key numbers", "https://bscscan.com/tx/"+testHash)
	tm.Send(keyMsg("?"))
	f.waitFor(t, tm, "close help")
	tm.Send(keyMsg("esc"))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(flowWait)).(model)
	if final.active() != screenResult || final.help.ShowAll {
		t.Errorf("esc with the help open: screen %s, help %v; want the result, help closed", final.active(), final.help.ShowAll)
	}
	if final.result.vp.YOffset != 0 {
		t.Errorf("after growing, offset %d, want 0", final.result.vp.YOffset)
	}
}
