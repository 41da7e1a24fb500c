package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// unknownReport is a check no endpoint could answer: status unknown, no
// transaction, every endpoint in error.
func unknownReport() *diagnose.Report {
	return &diagnose.Report{Input: testHash, Status: diagnose.StatusUnknown, Findings: []diagnose.Finding{}, Transfers: []diagnose.Transfer{},
		Searched: []diagnose.Searched{
			{ChainID: 1, Chain: "Ethereum", Endpoint: "https://eth.drpc.org", Result: "error", Fault: "timeout", Error: "context deadline exceeded"},
			{ChainID: 56, Chain: "BNB Smart Chain", Endpoint: "https://bsc.drpc.org", Result: "error", Fault: "rate_limited", Error: "429 Too Many Requests"},
		}}
}

// showResult opens the check screen and lands on the result for rep.
func showResult(t *testing.T, m model, rep *diagnose.Report, err error) model {
	t.Helper()
	m = send(t, m, openCheckMsg{}, paste(testHash), keyMsg("enter"))
	m, _ = update(t, m, checkDoneMsg{id: m.job, rep: rep, err: err})
	return m
}

func sized(t *testing.T, env *testEnv, lang string, w, h int) model {
	t.Helper()
	opt := env.options()
	opt.Lang = lang
	m := env.model(opt)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// TestResizeWhileScrolled: scrolled down in a long report, the window
// grows until it all fits: the top is back ("What this means"), and
// shrinking again brings the scroll line back.
func TestResizeWhileScrolled(t *testing.T) {
	env := newEnv(t)
	for _, lang := range []string{"en", "zh"} {
		m := showResult(t, sized(t, env, lang, 80, 16), failedReport(), nil)
		scroll := "scroll: pgup/pgdn"
		if lang == "zh" {
			scroll = "滚动：pgup/pgdn"
		}
		mustContain(t, m.View(), scroll)
		m = send(t, m, tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgDown})
		if m.result.vp.YOffset == 0 {
			t.Fatalf("%s: pgdn did not scroll", lang)
		}
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 200, Height: 60})
		if m.result.vp.YOffset != 0 {
			t.Errorf("%s: after growing, offset %d, want 0 (the report fits)", lang, m.result.vp.YOffset)
		}
		view := m.View()
		mustContain(t, view, diagnose.Headline(m.result.rep, lang))
		if !strings.Contains(view, "What this means") && !strings.Contains(view, "这意味着什么") {
			t.Errorf("%s: the top of the report is not shown after growing:\n%s", lang, view)
		}
		checkFrame(t, view, 200, 60)
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 14})
		mustContain(t, m.View(), scroll)
		m = send(t, m, tea.KeyMsg{Type: tea.KeyEnd})
		if m.result.vp.YOffset == 0 {
			t.Errorf("%s: end did not scroll", lang)
		}
		m = send(t, m, tea.KeyMsg{Type: tea.KeyHome})
		if m.result.vp.YOffset != 0 {
			t.Errorf("%s: home did not go back to the top", lang)
		}
	}
}

// TestHashesAndLinksStayWhole: at 80 columns and wider, the hash is on one
// line and the link's hash too; at any size, a link breaks only after a
// slash.
func TestHashesAndLinksStayWhole(t *testing.T) {
	env := newEnv(t)
	for _, size := range [][2]int{{80, 60}, {200, 60}} {
		for _, rep := range []*diagnose.Report{pendingReport(), failedReport()} {
			m := showResult(t, sized(t, env, "en", size[0], size[1]), rep, nil)
			view := m.View()
			checkFrame(t, view, size[0], size[1])
			if strings.Count(view, testHash) < 2 {
				t.Errorf("%dx%d %s: the hash is broken (want it whole in tx and explorer):\n%s", size[0], size[1], rep.Status, view)
			}
		}
	}
	m := showResult(t, sized(t, env, "en", 40, 30), failedReport(), nil)
	for _, l := range strings.Split(m.View(), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "https://") && !strings.HasSuffix(l, "/") && !strings.Contains(l, "0x") {
			t.Errorf("a link broke inside a word: %q", l)
		}
	}
}

func TestEscClosesHelp(t *testing.T) {
	env := newEnv(t)
	m := showResult(t, sized(t, env, "en", 80, 24), pendingReport(), nil)
	m = send(t, m, keyMsg("?"))
	if !m.help.ShowAll {
		t.Fatal("? did not open the help")
	}
	mustContain(t, m.View(), "close help")
	m = send(t, m, keyMsg("esc"))
	if m.help.ShowAll || m.active() != screenResult {
		t.Errorf("esc: help open %v, screen %s; want help closed on the result", m.help.ShowAll, m.active())
	}
	m = send(t, m, keyMsg("esc"))
	if m.active() == screenResult {
		t.Error("a second esc should go back")
	}
	// On the home screen, where esc does nothing else, it still closes help.
	m = send(t, sized(t, env, "en", 80, 24), keyMsg("?"), keyMsg("esc"))
	if m.help.ShowAll {
		t.Error("esc did not close the help on the home screen")
	}
}

func TestPastingClearsTheOldError(t *testing.T) {
	env := newEnv(t)
	m := send(t, sized(t, env, "en", 80, 24), openCheckMsg{}, paste("0x1234"), keyMsg("enter"))
	if m.check.err == "" {
		t.Fatal("no error for 0x1234")
	}
	m = send(t, m, tea.KeyMsg{Type: tea.KeyCtrlU}, paste(testHash))
	if m.check.err != "" {
		t.Errorf("the old error stays under a new hash: %q", m.check.err)
	}
}

func TestUnknownOffersNoWatchNorEmptyNumbers(t *testing.T) {
	env := newEnv(t)
	for _, lang := range []string{"en", "zh"} {
		m := showResult(t, sized(t, env, lang, 80, 24), unknownReport(), &diagnose.NoAnswerError{Searched: unknownReport().Searched})
		view := m.View()
		for _, no := range []string{"w watch", "w 关注", "Key numbers", "关键数字"} {
			if strings.Contains(view, no) {
				t.Errorf("%s: UNKNOWN result shows %q:\n%s", lang, no, view)
			}
		}
		mustContain(t, view, map[string]string{"en": "no node could be asked right now", "zh": "现在没有任何节点能回答"}[lang])
		if m = send(t, m, keyMsg("w")); m.result.watching {
			t.Errorf("%s: w started a watch on an UNKNOWN result", lang)
		}
	}
}

// TestSmallHome: at 40×12 the menu shows several entries and says there
// are more, and every key of the short help is there.
func TestSmallHome(t *testing.T) {
	env := newEnv(t)
	for _, lang := range []string{"en", "zh"} {
		m := sized(t, env, lang, 40, 12)
		view := m.View()
		checkFrame(t, view, 40, 12)
		mustContain(t, view, "1. ", "2. ", "3. ", "1/8 ↓")
		for _, k := range []string{"enter", "? ", "q "} {
			if !strings.Contains(view, k) {
				t.Errorf("%s: the key help lacks %q:\n%s", lang, k, view)
			}
		}
		lines := strings.Split(view, "\n")
		if footer := strings.Join(lines[len(lines)-2:], "\n"); strings.Contains(footer, "…") {
			t.Errorf("%s: the key help is cut:\n%s", lang, view)
		}
		m = send(t, m, keyMsg("down"), keyMsg("down"), keyMsg("down"), keyMsg("down"), keyMsg("down"), keyMsg("down"), keyMsg("down"))
		mustContain(t, m.View(), "8/8 ↑", "8. ")
	}
}

func TestSaveSaysTheAbsolutePath(t *testing.T) {
	env := newEnv(t)
	t.Chdir(t.TempDir())
	opt := env.options()
	opt.SaveDir = ""
	m := env.model(opt)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 200, Height: 40})
	m = send(t, showResult(t, m, failedReport(), nil), keyMsg("s"), keyMsg("enter"))
	abs, err := filepath.Abs("unstuck-" + testHash[:10] + ".md")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, m.View(), "report saved to "+abs)
}

func TestCopySaysWhatHappened(t *testing.T) {
	env := newEnv(t)
	m := showResult(t, sized(t, env, "en", 120, 40), failedReport(), nil)
	m.d.clipboard = func(string) error { return CopyUnconfirmed{} }
	view := send(t, m, keyMsg("c")).View()
	if strings.Contains(view, "✓") && strings.Contains(view, "copied") {
		t.Errorf("an unconfirmed copy is reported as done:\n%s", view)
	}
	mustContain(t, view, "cannot confirm", "select the hash on screen")
	m.d.clipboard = func(string) error { return nil }
	mustContain(t, send(t, m, keyMsg("c")).View(), "✓ hash copied to the clipboard")
}

// TestWrapCutsLinksAfterASlash: a link wider than a line breaks after one
// of its slashes, so the hash in it stays whole when the hash fits.
func TestWrapCutsLinksAfterASlash(t *testing.T) {
	link := "https://bscscan.com/tx/" + testHash
	got := strings.Split(wrap("open "+link+" to see it", 70), "\n")
	want := []string{"open", "https://bscscan.com/tx/", testHash + " to", "see it"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	// Not a link: a long word is cut where the line ends.
	word := strings.Repeat("a", 30)
	if got := wrap(word, 20); got != strings.Repeat("a", 20)+"\n"+strings.Repeat("a", 10) {
		t.Errorf("wrap(word) = %q", got)
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
