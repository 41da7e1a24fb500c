package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"

	"github.com/unstuck-dev/unstuck/guides/verify"
)

func TestWalkerBackAndBreadcrumb(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("enter")) // transfer
	m = send(t, m, keyMsg("2"))     // It is still pending / waiting
	mustContain(t, m.View(), "My transfer is stuck, failed or missing › It is still pending / waiting", "What do you want to do?")
	m = send(t, m, keyMsg("2")) // Make it go through faster → speed-up answer
	if n, _ := m.walker.node(); n.ID != "speed-up" {
		t.Fatalf("node = %s, want speed-up", n.ID)
	}
	mustContain(t, m.View(), "Speed up a stuck transfer", "the minimum `unstuck check` shows")
	m = send(t, m, keyMsg("esc"))
	if n, _ := m.walker.node(); n.ID != "pending-start" {
		t.Errorf("back: node = %s, want pending-start", n.ID)
	}
	m = send(t, m, keyMsg("esc"), keyMsg("esc"))
	if m.active() != screenHome {
		t.Errorf("back twice more: screen %s, want home", m.active())
	}
}

// TestCheckNodeRoutes: the walker's tx check opens the check screen; the
// result continues where the guide routes, with the report's numbers
// filled into the answer.
func TestCheckNodeRoutes(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("enter"), keyMsg("enter"))
	if m.active() != screenCheck || m.check.node == nil || m.check.node.ID != "tx-check" {
		t.Fatalf("screen = %s, want the check of tx-check", m.active())
	}
	m = send(t, m, paste(testHash), keyMsg("enter"))
	m, _ = update(t, m, checkDoneMsg{id: m.job, rep: pendingReport()})
	if m.active() != screenResult {
		t.Fatalf("screen = %s, want result", m.active())
	}
	first, _ := m.result.steps.pick(1)
	if first.to != "speed-up" || first.hint != "underpriced" {
		t.Errorf("first step = %+v, want speed-up for underpriced", first)
	}
	m = send(t, m, keyMsg("enter"))
	if m.active() != screenWalker {
		t.Fatalf("screen = %s, want walker", m.active())
	}
	if got := m.stack; len(got) != 2 {
		t.Errorf("stack = %v, want home and walker", got)
	}
	view := m.View()
	mustContain(t, view, "! PENDING", "4.4 gwei")
}

func TestSkipCheck(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("enter"), keyMsg("enter"), keyMsg("ctrl+n"))
	if n, ok := m.walker.node(); !ok || n.ID != "find-hash" || m.active() != screenWalker {
		t.Fatalf("ctrl+n: screen %s node %v, want the walker at find-hash", m.active(), n)
	}
}

func TestExplain(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, openNodeMsg{id: "explain-check"})
	if m.active() != screenExplain {
		t.Fatalf("screen = %s", m.active())
	}
	m = send(t, m, paste("something odd happened"), keyMsg("enter"))
	mustContain(t, m.View(), "Nothing in this text is a known error", "Continue:")
	m = send(t, m, keyMsg("enter"))
	if n, _ := m.walker.node(); m.active() != screenWalker || n.ID != "explain-no-match" {
		t.Fatalf("no match: screen %s node %v", m.active(), n)
	}
	m = send(t, m, openExplainMsg{}, paste("execution reverted: nonce too low"), keyMsg("enter"))
	it, ok := m.explain.matches.selected()
	if !ok {
		t.Fatal("no match for nonce too low")
	}
	m = send(t, m, keyMsg("enter"))
	if n, _ := m.walker.node(); m.active() != screenWalker || n.ID != it.to {
		t.Errorf("open: screen %s node %v, want %s", m.active(), n, it.to)
	}
}

// TestExplainScamOpensVerifyWithTheText: a fake-support script pasted on
// the explain screen leads to "is this really support?", which starts
// with that script in its field, already checked: the user does not paste
// it twice.
func TestExplainScamOpensVerifyWithTheText(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	script := "Please see the link below to our dedicated support line: [Help Center](https://livechatsupports.app/) Ticket ID: WR240. Click on the live chat icon at the bottom corner of the page."
	m = send(t, m, openExplainMsg{}, paste(script), keyMsg("enter"))
	it, ok := m.explain.matches.selected()
	if !ok || it.to != verify.GuideCheck {
		t.Fatalf("top match %+v, want %s", it, verify.GuideCheck)
	}
	m = send(t, m, keyMsg("enter"))
	if m.active() != screenVerify {
		t.Fatalf("screen %s, want verify", m.active())
	}
	if got := m.verify.input.Value(); got != script {
		t.Errorf("verify field %q, want the pasted script", got)
	}
	if m.verify.res == nil || m.verify.res.Verdict == verify.Official || !m.verify.fresh() {
		t.Fatalf("verdict %+v, want the script judged, not official", m.verify.res)
	}
	mustContain(t, m.View(), "livechatsupports.app")

	// Opened from home, the same check starts empty.
	m = send(t, m, openVerifyMsg{})
	if m.verify.input.Value() != "" || m.verify.res != nil {
		t.Errorf("verify from home starts with %q", m.verify.input.Value())
	}
}

func TestResultActions(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, openCheckMsg{}, paste(testHash), keyMsg("enter"))
	m, _ = update(t, m, checkDoneMsg{id: m.job, rep: pendingReport()})
	m = send(t, m, keyMsg("c"))
	if len(env.copied) != 1 || env.copied[0] != testHash {
		t.Errorf("copied %v", env.copied)
	}
	mustContain(t, m.View(), "hash copied")

	// Saving never overwrites a file.
	path := filepath.Join(filepath.Dir(env.settings), "unstuck-"+testHash[:10]+".md")
	if err := os.WriteFile(path, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, keyMsg("s"), keyMsg("enter"))
	mustContain(t, m.View(), "not saved: ", "exists")
	if data, _ := os.ReadFile(path); string(data) != "mine" {
		t.Error("an existing file was overwritten")
	}

	m = send(t, m, keyMsg("t"), tea.KeyMsg{Type: tea.KeyCtrlU}, keyMsg("0"), keyMsg("enter"))
	mustContain(t, m.View(), "whole number from 1 to 100000")
	m = send(t, m, tea.KeyMsg{Type: tea.KeyCtrlU}, keyMsg("64"), keyMsg("enter"))
	if m.result.target != 64 {
		t.Errorf("target = %d, want 64", m.result.target)
	}
	if s, _ := LoadSettings(env.settings); s.ConfirmTarget != 64 {
		t.Errorf("saved target = %d", s.ConfirmTarget)
	}

	m = send(t, m, keyMsg("n"))
	if m.active() != screenCheck || m.check.input.Value() != "" {
		t.Errorf("n: screen %s, field %q", m.active(), m.check.input.Value())
	}
}

func TestCheckInputErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{name: "too short", input: "0x1234", want: "64 hex characters"},
		{name: "address", input: "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", want: "that is an address"},
		{name: "empty", input: "", want: "nothing to check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t)
			m := env.model(env.options())
			m = send(t, m, openCheckMsg{}, paste(tt.input), keyMsg("enter"))
			if m.check.running || env.eng.checks != 0 {
				t.Fatal("a bad input started a check")
			}
			mustContain(t, m.View(), "✗ ", tt.want)
		})
	}
}

// TestNoAnswer: when no endpoint answers, the result says so plainly.
func TestNoAnswer(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, openCheckMsg{}, paste(testHash), keyMsg("enter"))
	rep := &diagnose.Report{Input: testHash, Status: diagnose.StatusUnknown, Findings: []diagnose.Finding{}}
	m, _ = update(t, m, checkDoneMsg{id: m.job, rep: rep, err: &diagnose.NoAnswerError{}})
	mustContain(t, m.View(), "? UNKNOWN", "no node could be asked right now")
}

func TestSearchLines(t *testing.T) {
	s := newSearchLines(nil)
	s = s.add(diagnose.Progress{Endpoint: "http://127.0.0.1:8545", State: "searching"})
	s = s.add(diagnose.Progress{ChainID: 1337, Chain: "chain 1337", Endpoint: "http://127.0.0.1:8545", State: "found"})
	if len(s.lines) != 1 || s.lines[0].label != "chain 1337" || s.lines[0].state() != "found" {
		t.Fatalf("custom endpoint: %+v", s.lines)
	}
	s = newSearchLines(nil)
	for _, p := range []diagnose.Progress{
		{ChainID: 1, Chain: "Ethereum", Endpoint: "a", State: "searching"},
		{ChainID: 1, Chain: "Ethereum", Endpoint: "b", State: "searching"},
		{ChainID: 1, Chain: "Ethereum", Endpoint: "a", State: "error"},
		{ChainID: 1, Chain: "Ethereum", Endpoint: "b", State: "absent"},
	} {
		s = s.add(p)
	}
	if len(s.lines) != 1 || s.lines[0].state() != "absent" {
		t.Errorf("one chain, two endpoints: %+v", s.lines)
	}
}

// TestTinyAndUnknownSizes: views work with no size (no TTY) and on tiny
// terminals.
func TestTinyAndUnknownSizes(t *testing.T) {
	env := newEnv(t)
	screens := allScreens(t, env)
	for name, build := range screens {
		for _, size := range [][2]int{{0, 0}, {1, 1}, {10, 5}, {30, 8}} {
			m := env.model(env.options())
			if size[0] > 0 {
				m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			}
			m = build(m)
			view := m.View()
			if size[0] == 0 {
				checkFrame(t, view, defaultWidth, defaultHeight)
			}
			if view == "" {
				t.Errorf("%s at %v: empty view", name, size)
			}
		}
	}
}

// TestHelpNeverLies: keys shown in the footer are the ones that work.
func TestHelpNeverLies(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	has := func(m model, k string) bool {
		for _, b := range m.helpKeys().ShortHelp() {
			if b.Enabled() && b.Help().Key == k {
				return true
			}
		}
		return false
	}
	if has(m, "esc") {
		t.Error("home offers esc")
	}
	if !has(m, "l") || !has(m, "q") {
		t.Error("home lacks the language switch or quit")
	}
	m = send(t, m, openCheckMsg{})
	if has(m, "q") || has(m, "l") || !has(m, "ctrl+c") || !has(m, "esc") {
		t.Error("the check field must not offer q or l (they type), and must offer ctrl+c and esc")
	}
	if !has(m, "?") {
		t.Error("? toggles help while the field is empty")
	}
	m = send(t, m, keyMsg("x"))
	if has(m, "?") {
		t.Error("? types once the field has text")
	}
	if has(m, "ctrl+n") {
		t.Error("the check has no skip outside a guide")
	}
	for _, b := range m.helpKeys().ShortHelp() {
		if b.Enabled() && len(b.Keys()) == 0 {
			t.Errorf("binding %q has no keys", b.Help().Key)
		}
	}
}
