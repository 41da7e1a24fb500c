package tui

import (
	"maps"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// allScreens builds the app in every state worth drawing, through the same
// messages the app receives: each function takes the app at the size the
// test chose and returns it on that screen. The frame invariants hold for
// every one of them at every size (TestFrameInvariants), what each one
// must show is in screenWants, and five of them are full-frame goldens.
func allScreens(t *testing.T, env *testEnv) map[string]func(model) model {
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
	all := map[string]func(model) model{
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
		"verify": func(m model) model {
			return send(t, m, keyMsg("7"), paste("https://token.im@evil.example/login"), keyMsg("enter"))
		},
		// Scrolled to the end on a small window, then made the test's size.
		"result_resized": func(m model) model {
			w, h := m.width, m.height
			if w == 0 {
				return send(t, showResult(t, m, failedReport(), nil), tea.KeyMsg{Type: tea.KeyEnd})
			}
			m, _ = update(t, m, tea.WindowSizeMsg{Width: 40, Height: 12})
			m = send(t, showResult(t, m, failedReport(), nil), tea.KeyMsg{Type: tea.KeyEnd})
			m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
			return m
		},
		// The end of a failed swap: the explorer link and the hash.
		"result_end": func(m model) model {
			return send(t, showResult(t, m, failedReport(), nil), tea.KeyMsg{Type: tea.KeyEnd})
		},
		// The full help over a result.
		"result_help": func(m model) model {
			return send(t, showResult(t, m, pendingReport(), nil), keyMsg("?"))
		},
	}
	maps.Copy(all, edgeScreens(t, env))
	return all
}

// edgeScreens are the states issue 18 found wanting, built as the app
// reaches them.
func edgeScreens(t *testing.T, env *testEnv) map[string]func(model) model {
	noAnswer := &diagnose.NoAnswerError{Searched: unknownReport().Searched}
	return map[string]func(model) model{
		"result_unknown": func(m model) model { return showResult(t, m, unknownReport(), noAnswer) },
		"check_no_answer": func(m model) model {
			return showResult(t, m, nil, noAnswer)
		},
		"result_copy_unconfirmed": func(m model) model {
			m.d.clipboard = func(string) error { return CopyUnconfirmed{} }
			return send(t, showResult(t, m, failedReport(), nil), keyMsg("c"))
		},
		"result_saved": func(m model) model {
			return send(t, showResult(t, m, failedReport(), nil), keyMsg("s"), keyMsg("enter"))
		},
	}
}
