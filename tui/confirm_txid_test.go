package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// web3.js's documented example key; its address is public knowledge.
const (
	exampleKey     = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	exampleKeyAddr = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"
)

// noPieceOf fails when the view shows 8 characters in a row of secret.
func noPieceOf(t *testing.T, view, secret string) {
	t.Helper()
	for i := 0; i+8 <= len(secret); i++ {
		if strings.Contains(strings.ToLower(view), strings.ToLower(secret[i:i+8])) {
			t.Fatalf("the screen shows %q of the held text:\n%s", secret[i:i+8], view)
		}
	}
}

func TestBareTxIDIsHeld(t *testing.T) {
	for _, tt := range []struct {
		name string
		msgs []tea.Msg
	}{
		{"pasted", []tea.Msg{paste(exampleKey)}},
		{"pasted in quotes", []tea.Msg{paste("'" + exampleKey + "'")}},
		{"typed", typed(exampleKey)},
		{"pasted on an unknown site", []tea.Msg{paste("https://scan.example.org/tx/" + exampleKey), keyMsg("enter")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t)
			m := env.model(env.options())
			m = send(t, m, openCheckMsg{})
			m = send(t, m, tt.msgs...)
			if m.check.held == nil || m.check.input.Value() != "" || m.check.running || env.eng.checks != 0 {
				t.Fatalf("held %v, field %q, running %v: want it held, the field empty, nothing started", m.check.held != nil, m.check.input.Value(), m.check.running)
			}
			view := m.View()
			mustContain(t, view, "Not sent yet", exampleKeyAddr, "TRON", "n no: clear it")
			noPieceOf(t, view, exampleKey)

			no := send(t, m, keyMsg("n"))
			if no.check.held != nil || no.check.running {
				t.Fatal("n did not drop it")
			}
			noPieceOf(t, no.View(), exampleKey)
			if enter := send(t, m, keyMsg("enter")); enter.check.held != nil || enter.check.running {
				t.Fatal("enter did not drop it")
			}

			yes := send(t, m, keyMsg("y"))
			if yes.check.held != nil || !yes.check.running || yes.check.query.NeedsConfirm || yes.check.query.Ref != exampleKey {
				t.Fatalf("y: running %v, query %+v; want the txid checked", yes.check.running, yes.check.query)
			}
		})
	}
}

func TestBareTxIDHeldInChinese(t *testing.T) {
	env := newEnv(t)
	opt := env.options()
	opt.DefaultLang = "zh"
	m := env.model(opt)
	m = send(t, m, openCheckMsg{}, paste(exampleKey))
	view := m.View()
	mustContain(t, view, "还没有发送", exampleKeyAddr, "永远不要把它粘贴")
	noPieceOf(t, view, exampleKey)
}

// TestExplorerTxIDIsNotHeld: inside a known explorer link it is a txid.
func TestExplorerTxIDIsNotHeld(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, openCheckMsg{}, paste("https://tronscan.org/#/transaction/"+exampleKey), keyMsg("enter"))
	if m.check.held != nil || !m.check.running || m.check.query.Family != diagnose.FamilyTron {
		t.Fatalf("held %v running %v query %+v", m.check.held != nil, m.check.running, m.check.query)
	}
}

// TestWordRunClearedInPublicFields: four wordlist words typed into a field
// for a hash, an address or an endpoint are cleared at the fourth, before
// a frame can show them; the error decoder takes free text and keeps them.
func TestWordRunClearedInPublicFields(t *testing.T) {
	const run = "abandon ability able about above"
	for _, kind := range []checkKind{checkTx, checkAccount, checkEndpoint} {
		env := newEnv(t)
		m := env.model(env.options())
		cm := newCheck(m.d, guides.En, m.keys.Check, kind, nil)
		refused := false
		for _, msg := range typed(run) {
			var cmd tea.Cmd
			cm, cmd = cm.Update(msg)
			for _, in := range intents(cmd) {
				_, refused = in.(refusedMsg)
			}
			if refused {
				break
			}
			if words := strings.Fields(cm.input.Value()); len(words) >= 4 && len(words[3]) >= 4 {
				t.Fatalf("kind %d: the field holds %q", kind, cm.input.Value())
			}
			if strings.Contains(cm.View(), "abandon ability able abou") {
				t.Fatalf("kind %d: four words on screen:\n%s", kind, cm.View())
			}
		}
		if !refused || cm.input.Value() != "" {
			t.Errorf("kind %d: refused %v, field %q; want it cleared at the fourth word", kind, refused, cm.input.Value())
		}
	}
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, openExplainMsg{}, paste(run))
	if m.active() != screenExplain {
		t.Errorf("the error decoder refused free text: screen %s", m.active())
	}
}

// TestAccountFieldTalksAboutAddresses: one parser and one message with the
// command line's account and --from.
func TestAccountFieldTalksAboutAddresses(t *testing.T) {
	for _, tt := range []struct{ input, want string }{
		{"0x123", "this is not an address"},
		{testHash, "this is a transaction hash, not an address"},
		{"0x52908400098527886E0F7030069857D2E4169Ee7", "checksum"},
	} {
		env := newEnv(t)
		m := env.model(env.options())
		cm := newCheck(m.d, guides.En, m.keys.Check, checkAccount, nil)
		cm, _ = cm.Update(paste(tt.input))
		cm, cmd := cm.Update(keyMsg("enter"))
		if len(intents(cmd)) != 0 {
			t.Errorf("%s: submitted", tt.input)
		}
		if !strings.Contains(cm.err, tt.want) {
			t.Errorf("%s: error %q, want %q", tt.input, cm.err, tt.want)
		}
	}
}

// TestWrappedHashPasted: a hash copied across wrapped lines is checked.
func TestWrappedHashPasted(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, openCheckMsg{}, paste(testHash[:40]+"\n"+testHash[40:]), keyMsg("enter"))
	if !m.check.running || m.check.query.Raw != testHash {
		t.Fatalf("running %v, query %+v, error %q", m.check.running, m.check.query, m.check.err)
	}
}
