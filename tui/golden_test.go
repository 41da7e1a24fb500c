package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// goldenScreens builds the app in each state worth drawing, through the
// same messages the app receives.
func goldenScreens(t *testing.T, env *testEnv) map[string]func(model) model {
	t.Helper()
	q, err := diagnose.ParseInput(testHash, nil)
	if err != nil {
		t.Fatal(err)
	}
	running := func(m model) model {
		m = send(t, m, openCheckMsg{}, paste(testHash), submitTxMsg{q: q})
		for _, p := range searchProgress() {
			m, _ = update(t, m, checkProgressMsg{id: m.job, p: p})
		}
		return m
	}
	result := func(rep *diagnose.Report, node string) func(model) model {
		return func(m model) model {
			if node != "" {
				m = send(t, m, openTreeMsg{tree: "transfer"}, keyMsg("enter"))
			} else {
				m = send(t, m, openCheckMsg{})
			}
			m = send(t, m, paste(testHash), keyMsg("enter"))
			m, _ = update(t, m, checkDoneMsg{id: m.job, rep: rep})
			return m
		}
	}
	falseMatch := false
	behind := int64(250)
	return map[string]func(model) model{
		"home": func(m model) model { return m },
		"home_banner": func(m model) model {
			m.d.banner = "DEMO CHAIN"
			return m
		},
		"home_help": func(m model) model { return send(t, m, keyMsg("?")) },
		"question":  func(m model) model { return send(t, m, openTreeMsg{tree: "transfer"}, keyMsg("down")) },
		"answer": func(m model) model {
			return send(t, m, openNodeMsg{id: "speed-up", crumb: both("! PENDING", "! 等待中")})
		},
		"check_idle": func(m model) model { return send(t, m, openCheckMsg{}) },
		"check_node": func(m model) model {
			return send(t, m, openTreeMsg{tree: "transfer"}, keyMsg("enter"), keyMsg("esc"))
		},
		"check_examples": func(m model) model {
			m.d.banner = "DEMO CHAIN · offline · recorded answers, not real transactions or funds"
			m.d.examples = []Example{{Label: "Pending, fee too low", Hash: testHash}, {Label: "Failed swap", Hash: "0x" + strings.Repeat("ab", 32)}}
			return send(t, m, openCheckMsg{}, keyMsg("down"))
		},
		"check_error":    func(m model) model { return send(t, m, openCheckMsg{}, paste("0x1234"), keyMsg("enter")) },
		"check_running":  running,
		"result_pending": result(pendingReport(), "tx-check"),
		"result_failed":  result(failedReport(), ""),
		"refusal": func(m model) model {
			return send(t, m, openCheckMsg{}, paste("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"))
		},
		"explain": func(m model) model {
			return send(t, m, openExplainMsg{}, paste("MetaMask - RPC Error: Unrecognized chain ID \"0x38\". code 4902"), keyMsg("enter"))
		},
		"account": func(m model) model {
			m = send(t, m, openNodeMsg{id: "delegation-check"})
			m, _ = update(t, m, lookupDoneMsg{id: m.job, acct: &diagnose.AccountReport{
				Address: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
				Chains: []diagnose.AccountChain{
					{ChainID: 1, Chain: "Ethereum", Symbol: "ETH", LatestNonce: 8, PendingNonce: 9, Waiting: 1, Balance: "0.25", Active: true,
						Delegate: "0x0000000000000000000000000000000000c0ffee"},
					{ChainID: 56, Chain: "BNB Smart Chain", Symbol: "BNB", Balance: "0"},
				},
				Findings: []diagnose.Finding{{Code: diagnose.CodeDelegatedAccount, Severity: diagnose.SevWarn, Guide: "delegation-7702",
					Data: map[string]string{"account": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F", "delegate": "0x0000000000000000000000000000000000c0ffee", "chain": "Ethereum"}}},
			}})
			return m
		},
		"endpoint": func(m model) model {
			m = send(t, m, openNodeMsg{id: "endpoint-check"})
			m, _ = update(t, m, lookupDoneMsg{id: m.job, ep: &diagnose.EndpointReport{
				Endpoint: "https://rpc.example.org", Reachable: true, ChainID: 56, Chain: "BNB Smart Chain", ClaimedChainID: 56,
				ChainMatches: &falseMatch, Head: 41000000, ReferenceHead: 41000250, BlocksBehind: &behind, LatencyMS: 120,
				Findings: []diagnose.Finding{{Code: diagnose.CodeRPCDegraded, Severity: diagnose.SevWarn,
					Data: map[string]string{"variant": "endpoint_behind", "behind": "250"}}},
			}})
			return m
		},
	}
}

// TestGolden draws every screen at 80×24 and 120×40 in both languages.
// Run with -update to rewrite testdata/TestGolden/….
func TestGolden(t *testing.T) {
	env := newEnv(t)
	screens := goldenScreens(t, env)
	for _, name := range slices.Sorted(maps.Keys(screens)) {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, lang := range []string{"en", "zh"} {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", name, size[0], size[1], lang), func(t *testing.T) {
					opt := env.options()
					opt.Lang = lang
					m := env.model(opt)
					m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					m = screens[name](m)
					view := m.View()
					checkFrame(t, view, size[0], size[1])
					teatest.RequireEqualOutput(t, []byte(view))
				})
			}
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
