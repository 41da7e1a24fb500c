package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/diagnose/evm"
	"github.com/unstuck-dev/unstuck/guides"
)

// Views are compared as plain text: the colour profile is pinned to
// ASCII (no colour, no bold), so an escape code in a view can only come
// from text that was not sanitized.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

const testHash = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"

// fakeEngine answers with canned reports. It is for views and navigation;
// the flows use the real engine against a simulated geth node.
type fakeEngine struct {
	mu       sync.Mutex
	rep      *diagnose.Report
	err      error
	progress []diagnose.Progress
	acct     *diagnose.AccountReport
	ep       *diagnose.EndpointReport
	block    bool // wait for cancellation
	checks   int
	lastOpt  diagnose.CheckOptions
}

func (f *fakeEngine) Check(ctx context.Context, q diagnose.Query, opt diagnose.CheckOptions) (*diagnose.Report, error) {
	f.mu.Lock()
	f.checks++
	f.lastOpt = opt
	rep, err, progress, block := f.rep, f.err, f.progress, f.block
	f.mu.Unlock()
	for _, p := range progress {
		if opt.Progress != nil {
			opt.Progress(p)
		}
	}
	if block {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return cloneReport(rep), err
}

func (f *fakeEngine) AccountOf(ctx context.Context, q diagnose.Query) (*diagnose.AccountReport, error) {
	return f.acct, nil
}

func (f *fakeEngine) PossibleKeyAddresses(q diagnose.Query) (diagnose.KeyAddresses, bool) {
	return evm.PossibleKeyAddresses(q)
}

func (f *fakeEngine) Endpoint(ctx context.Context, url string, claimed uint64) (*diagnose.EndpointReport, error) {
	return f.ep, nil
}

func cloneReport(r *diagnose.Report) *diagnose.Report {
	if r == nil {
		return nil
	}
	c := *r
	c.Findings = append([]diagnose.Finding(nil), r.Findings...)
	return &c
}

// pendingReport is an underpriced pending transfer on Ethereum.
func pendingReport() *diagnose.Report {
	data := map[string]string{"fee_cap": "4 gwei", "tip": "1 gwei", "min_max_fee": "4.4 gwei", "min_tip": "1.1 gwei",
		"suggested_max_fee": "20.1 gwei", "nonce": "7", "chain": "Ethereum", "next_base_fee": "9.5 gwei", "base_fee": "9.5 gwei"}
	return &diagnose.Report{
		Input:  testHash,
		Status: diagnose.StatusPending,
		Chain:  &diagnose.ChainRef{ID: 1, Name: "Ethereum", Symbol: "ETH", ExplorerTxURL: "https://etherscan.io/tx/" + testHash},
		Tx: &diagnose.TxInfo{Hash: testHash, From: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
			To: "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", Nonce: 7, ValueWei: "250000000000000000", Type: 2,
			GasLimit: 21000, MaxFeePerGasWei: "4000000000", MaxPriorityFeeWei: "1000000000"},
		Fees: &diagnose.Fees{BaseFeeWei: "9000000000", NextBaseFeeWei: "9500000000", ReplacementMinMaxFeeWei: "4400000000",
			ReplacementMinTipWei: "1100000000", SuggestedMaxFeeWei: "20100000000"},
		Transfers: []diagnose.Transfer{},
		Findings: []diagnose.Finding{{Code: diagnose.CodeUnderpriced, Severity: diagnose.SevError,
			Guide: diagnose.GuideFor(diagnose.CodeUnderpriced), Data: data}},
		Searched: []diagnose.Searched{
			{ChainID: 1, Chain: "Ethereum", Endpoint: "https://ethereum-rpc.publicnode.com", Result: "found"},
			{ChainID: 56, Chain: "BNB Smart Chain", Endpoint: "https://bsc-rpc.publicnode.com", Result: "absent"},
		},
	}
}

// failedReport is a swap that reverted, with a hostile revert string.
func failedReport() *diagnose.Report {
	return &diagnose.Report{
		Input:         testHash,
		Status:        diagnose.StatusFailed,
		Chain:         &diagnose.ChainRef{ID: 56, Name: "BNB Smart Chain", Symbol: "BNB", ExplorerTxURL: "https://bscscan.com/tx/" + testHash},
		Confirmations: 42,
		Tx: &diagnose.TxInfo{Hash: testHash, From: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
			To: "0x10ED43C718714eb63d5aA57B78B54704E256024E", Nonce: 12, ValueWei: "0", Type: 0, GasLimit: 250000,
			GasPriceWei: "3000000000", Method: "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)"},
		Receipt: &diagnose.Receipt{Block: 41000000, GasUsed: 131000, EffectiveGasPriceWei: "3000000000", FeeWei: "393000000000000"},
		Revert: &diagnose.Revert{Selector: "0x08c379a0", Name: "Error(string)",
			Reason: "PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT\x1b[2J\x1b]0;pwned\x07"},
		Transfers: []diagnose.Transfer{},
		Findings: []diagnose.Finding{{Code: diagnose.CodeReverted, Severity: diagnose.SevError, Guide: diagnose.GuideFor(diagnose.CodeReverted),
			Data: map[string]string{"fee": "0.000393", "symbol": "BNB", "reason": "PancakeRouter: INSUFFICIENT_OUTPUT_AMOUNT\x1b[31m",
				"plain": "The price moved too much before it was mined.", "plain_zh": "成交前价格变化太大。"}}},
		Searched: []diagnose.Searched{{ChainID: 56, Chain: "BNB Smart Chain", Endpoint: "https://bsc-rpc.publicnode.com", Result: "found"}},
	}
}

// searchProgress is a search in the middle: one chain found, one absent,
// one broken, one still asking.
func searchProgress() []diagnose.Progress {
	return []diagnose.Progress{
		{ChainID: 1, Chain: "Ethereum", Endpoint: "https://eth.drpc.org", State: "searching"},
		{ChainID: 56, Chain: "BNB Smart Chain", Endpoint: "https://bsc.drpc.org", State: "absent"},
		{ChainID: 137, Chain: "Polygon PoS", Endpoint: "https://polygon.drpc.org", State: "error", Detail: "rate limited"},
		{ChainID: 8453, Chain: "Base", Endpoint: "https://base.drpc.org", State: "searching"},
		{ChainID: 10, Chain: "OP Mainnet\x1b[31m", Endpoint: "https://op.drpc.org", State: "absent"},
	}
}

type testEnv struct {
	t        *testing.T
	eng      *fakeEngine
	lib      *guides.Library
	settings string
	copied   []string
}

func newEnv(t *testing.T) *testEnv {
	t.Helper()
	lib, err := guides.Load()
	if err != nil {
		t.Fatalf("load guides: %v", err)
	}
	return &testEnv{t: t, eng: &fakeEngine{rep: pendingReport()}, lib: lib,
		settings: filepath.Join(t.TempDir(), "settings.json")}
}

func (e *testEnv) options() Options {
	return Options{Engine: e.eng, Guides: e.lib, Registry: chains.MustDefault(), SettingsPath: e.settings,
		DefaultLang: "en", SaveDir: filepath.Dir(e.settings),
		Clipboard: func(s string) error { e.copied = append(e.copied, s); return nil }}
}

func (e *testEnv) model(opt Options) model {
	e.t.Helper()
	m, err := newModel(context.Background(), opt, newStyles(lipgloss.DefaultRenderer()))
	if err != nil {
		e.t.Fatal(err)
	}
	return m
}

// update runs one message through the root and returns the model and the
// command it asked for (not run).
func update(t *testing.T, m model, msg tea.Msg) (model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	mm, ok := next.(model)
	if !ok {
		t.Fatalf("Update returned %T", next)
	}
	return mm, cmd
}

// send runs messages through the root, then follows intents: a command
// that returns at once with one of the app's own messages is run, and its
// message sent too. Ticks, blinks and engine calls are not run.
func send(t *testing.T, m model, msgs ...tea.Msg) model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = update(t, m, msg)
		for _, next := range intents(cmd) {
			m = send(t, m, next)
		}
	}
	return m
}

// intents runs the emit commands inside cmd (a batch included) and
// returns their messages. Only commands built by emit are run: they are
// recognised by returning at once; anything else is left alone.
func intents(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-timeout():
		return nil
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, intents(c)...)
		}
		return out
	case openTreeMsg, openCheckMsg, openExplainMsg, openVerifyMsg, openNodeMsg, nodeCheckMsg, submitTxMsg, submitAccountMsg,
		submitEndpointMsg, refusedMsg, backMsg, againMsg, watchMsg, targetMsg, savedMsg, copiedMsg, settingsSavedMsg:
		return []tea.Msg{msg}
	}
	return nil
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+n":
		return tea.KeyMsg{Type: tea.KeyCtrlN}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func paste(s string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true}
}

func mustContain(t *testing.T, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
}

// timeout is how long intents waits for a command: emit returns at once,
// ticks take far longer.
func timeout() <-chan time.Time { return time.After(50 * time.Millisecond) }
