package tui

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/guides"
)

// flowWait is how long a flow waits for a screen; the simulated node
// answers in milliseconds.
const flowWait = 15 * time.Second

// nodeOptions wires the real engine to the simulated node.
func nodeOptions(t *testing.T, n *simNode) Options {
	t.Helper()
	lib, err := guides.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	chainsEVM, err := evm.New(evm.Config{Registry: chains.MustDefault(), Endpoints: []string{n.URL},
		Timeout: 10 * time.Second, Memory: diagnose.NewMemory(filepath.Join(dir, "memory.json"))})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := diagnose.NewEngine(diagnose.Config{Backends: []diagnose.Backend{chainsEVM}, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return Options{Engine: eng, Guides: lib, Registry: chains.MustDefault(), DefaultLang: "en",
		SettingsPath: filepath.Join(dir, "settings.json"), SaveDir: dir, WatchEvery: 20 * time.Millisecond,
		Clipboard: func(string) error { return nil }}
}

func startApp(t *testing.T, opt Options, w, h int) *teatest.TestModel {
	t.Helper()
	m, err := newModel(context.Background(), opt, newStyles(lipgloss.DefaultRenderer()))
	if err != nil {
		t.Fatal(err)
	}
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
}

// frames keeps every byte the app drew, for assertions over the whole run.
type frames struct{ all bytes.Buffer }

// waitFor waits until the output shows every one of wants.
func (f *frames) waitFor(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		f.all.Write(b) // WaitFor hands over all bytes read so far in this call
		for _, w := range wants {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(flowWait), teatest.WithCheckInterval(10*time.Millisecond))
}

// sendUnderpriced submits a transfer whose fee cap is half the base fee:
// geth keeps it pending and never mines it.
func sendUnderpriced(t *testing.T, n *simNode) (hash string, feeCap, tip *big.Int) {
	t.Helper()
	tx, err := n.SendUnderpriced(context.Background(), 1, nil, big.NewInt(1e18))
	if err != nil {
		t.Fatal(err)
	}
	return tx.Hash().Hex(), tx.GasFeeCap(), tx.GasTipCap()
}

// TestFlowTransferUnderpriced walks home → transfer guide → check of a
// pending, underpriced transaction on a simulated geth node → the result
// with its numbers → back to the guide.
func TestFlowTransferUnderpriced(t *testing.T) {
	n := startNode(t)
	hash, feeCap, tip := sendUnderpriced(t, n)
	tm := startApp(t, nodeOptions(t, n), 80, 24)
	var f frames

	f.waitFor(t, tm, "What do you need help with?")
	tm.Send(keyMsg("enter")) // 1. My transfer is stuck, failed or missing
	f.waitFor(t, tm, "What does your wallet show for this transfer?")
	tm.Send(keyMsg("enter")) // 1. I'm not sure — check my transaction hash for me
	f.waitFor(t, tm, "Check a transaction", "ctrl+n I don't have one")
	tm.Send(paste(hash))
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "PENDING", "[underpriced]", "Continue: Speed up a stuck transfer")

	// The numbers: the replacement minimums are the offered fees + 10%.
	wantFee := new(big.Int).Div(new(big.Int).Mul(feeCap, big.NewInt(110)), big.NewInt(100))
	wantTip := new(big.Int).Div(new(big.Int).Mul(tip, big.NewInt(110)), big.NewInt(100))
	tm.Send(keyMsg("esc"))
	f.waitFor(t, tm, "Paste the transaction hash", "I don't have a hash")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(flowWait)).(model)
	rep := final.result.rep
	if rep == nil || rep.Fees == nil {
		t.Fatalf("no report kept: %+v", final.result)
	}
	if rep.Fees.ReplacementMinMaxFeeWei != wantFee.String() || rep.Fees.ReplacementMinTipWei != wantTip.String() {
		t.Errorf("fees = %+v, want min fee %s, tip %s", rep.Fees, wantFee, wantTip)
	}
	// The finding's detail names them (a line may break before "gwei").
	out := f.all.String()
	for _, row := range diagnose.KeyNumbers(rep, "en") {
		if strings.HasPrefix(row[0], "speed up") || row[0] == "max fee" || row[0] == "next base fee" {
			if num := strings.TrimSuffix(row[1], " gwei"); !strings.Contains(out, num) {
				t.Errorf("the result did not show %s = %s", row[0], num)
			}
		}
	}
	if final.active() != screenWalker {
		t.Errorf("after back: screen %s, want walker", final.active())
	}
	if final.interrupted {
		t.Error("q is a clean quit, not an interrupt")
	}
}

const testPhrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

// TestFlowSecretRefused pastes a recovery phrase into the check field: it
// is refused on the spot, and no frame ever shows it.
func TestFlowSecretRefused(t *testing.T) {
	env := newEnv(t)
	tm := startApp(t, env.options(), 80, 24)
	var f frames
	f.waitFor(t, tm, "What do you need help with?")
	tm.Send(keyMsg("4")) // Check a transaction hash
	f.waitFor(t, tm, "Check a transaction")
	tm.Send(paste("my words: " + testPhrase))
	f.waitFor(t, tm, "Not sent", "The field has been cleared")
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "Check a transaction")
	tm.Send(keyMsg("q")) // typed into the field: it is not a command there
	tm.Send(keyMsg("esc"))
	f.waitFor(t, tm, "What do you need help with?")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(flowWait)).(model)
	rest, err := io.ReadAll(tm.FinalOutput(t))
	if err != nil {
		t.Fatal(err)
	}
	f.all.Write(rest)
	for _, leak := range []string{"abandon", "about", "my words"} {
		if strings.Contains(f.all.String(), leak) {
			t.Errorf("a frame showed %q", leak)
		}
	}
	if v := final.check.input.Value(); v != "q" {
		t.Errorf("the field holds %d bytes, want only the q typed after the refusal", len(v))
	}
	if env.eng.checks != 0 {
		t.Errorf("the engine was asked %d times", env.eng.checks)
	}
}

// TestFlowLanguageSwitch switches to Chinese and back; the choice is
// remembered for the next run.
func TestFlowLanguageSwitch(t *testing.T) {
	env := newEnv(t)
	tm := startApp(t, env.options(), 80, 24)
	var f frames
	f.waitFor(t, tm, "What do you need help with?")
	tm.Send(keyMsg("l"))
	f.waitFor(t, tm, "你需要什么帮助？", "l English")
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "钱包里这笔转账现在显示什么？")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(flowWait))
	s, err := LoadSettings(env.settings)
	if err != nil || s.Lang != "zh" {
		t.Fatalf("settings = %+v, %v; want lang zh", s, err)
	}
	// The next run starts in Chinese.
	tm2 := startApp(t, env.options(), 80, 24)
	var f2 frames
	f2.waitFor(t, tm2, "你需要什么帮助？")
	tm2.Send(keyMsg("l"))
	f2.waitFor(t, tm2, "What do you need help with?")
	tm2.Send(keyMsg("q"))
	tm2.WaitFinished(t, teatest.WithFinalTimeout(flowWait))
	if s, _ := LoadSettings(env.settings); s.Lang != "en" {
		t.Errorf("settings lang = %q after switching back", s.Lang)
	}
}

// TestFlowWatchUntilConfirmed watches a pending transaction until it has
// the confirmations target the user set.
func TestFlowWatchUntilConfirmed(t *testing.T) {
	n := startNode(t)
	to := n.Addrs[2]
	tx, err := n.Send(context.Background(), simTx{From: 0, To: &to, Value: big.NewInt(1e17)})
	if err != nil {
		t.Fatal(err)
	}
	opt := nodeOptions(t, n)
	tm := startApp(t, opt, 100, 30)
	var f frames
	f.waitFor(t, tm, "What do you need help with?")
	tm.Send(keyMsg("4"))
	f.waitFor(t, tm, "Check a transaction")
	tm.Send(paste(tx.Hash().Hex()))
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "PENDING")
	tm.Send(keyMsg("t"))
	f.waitFor(t, tm, "Confirmations target")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU}) // clear the field
	tm.Send(keyMsg("2"))
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "target set to 2")
	tm.Send(keyMsg("w"))
	f.waitFor(t, tm, "watching", "0/2 confirmations")
	n.Commit()
	f.waitFor(t, tm, "SUCCESS", "1/2 confirmations")
	n.Commit()
	f.waitFor(t, tm, "reached 2 confirmations")
	tm.Send(keyMsg("s"))
	f.waitFor(t, tm, "Save report as")
	tm.Send(keyMsg("enter"))
	f.waitFor(t, tm, "report saved to")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(flowWait))
	saved, err := filepath.Glob(filepath.Join(opt.SaveDir, "unstuck-*.md"))
	if err != nil || len(saved) != 1 {
		t.Fatalf("saved reports: %v %v", saved, err)
	}
	data, err := os.ReadFile(saved[0])
	if err != nil || !strings.Contains(string(data), "SUCCESS") || !strings.Contains(string(data), tx.Hash().Hex()) {
		t.Errorf("saved report:\n%s (%v)", data, err)
	}
}
