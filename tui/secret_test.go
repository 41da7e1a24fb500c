package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

func TestGuardInput(t *testing.T) {
	tests := []struct {
		name    string
		msgs    []tea.Msg
		refused bool
		want    string
	}{
		{name: "hash", msgs: []tea.Msg{paste(testHash)}, want: testHash},
		{name: "explorer link", msgs: []tea.Msg{paste("https://etherscan.io/tx/" + testHash)}, want: "https://etherscan.io/tx/" + testHash},
		{name: "phrase pasted", msgs: []tea.Msg{paste(testPhrase)}, refused: true},
		{name: "phrase pasted after text", msgs: []tea.Msg{paste("help "), paste(testPhrase)}, refused: true},
		{name: "raw private key", msgs: []tea.Msg{paste(strings.Repeat("4c0883a69102937d", 4))}, refused: true},
		{name: "key typed one rune at a time", msgs: typed(strings.Repeat("4c0883a69102937d", 4)), refused: true},
		{name: "keystore", msgs: []tea.Msg{paste(`{"crypto":{"ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46"}}`)}, refused: true},
		{name: "extended key", msgs: []tea.Msg{paste("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi")}, refused: true},
		{name: "chinese phrase", msgs: []tea.Msg{paste("的 一 是 在 不 了 有 和 人 这 中 大")}, refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := textinput.New()
			in.Focus()
			refused := false
			for _, msg := range tt.msgs {
				var r bool
				in, _, r = guardInput(in, msg, secret.FieldText)
				refused = refused || r
			}
			if refused != tt.refused {
				t.Fatalf("refused = %v, want %v", refused, tt.refused)
			}
			if tt.refused && in.Value() != "" {
				t.Errorf("the field kept %d bytes after a refusal", len(in.Value()))
			}
			if !tt.refused && in.Value() != tt.want {
				t.Errorf("value = %q, want %q", in.Value(), tt.want)
			}
		})
	}
}

func typed(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// TestSecretRefusedEverywhere: every text field of the app refuses a
// phrase, shows the refusal, and keeps nothing of it.
func TestSecretRefusedEverywhere(t *testing.T) {
	tests := []struct {
		name  string
		setup []tea.Msg
	}{
		{name: "check", setup: []tea.Msg{openCheckMsg{}}},
		{name: "explain", setup: []tea.Msg{openExplainMsg{}}},
		{name: "account check", setup: []tea.Msg{openNodeMsg{id: "delegation-check"}}},
		{name: "endpoint check", setup: []tea.Msg{openNodeMsg{id: "endpoint-check"}}},
		{name: "save field", setup: []tea.Msg{openCheckMsg{}, paste(testHash), keyMsg("enter")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t)
			m := env.model(env.options())
			m = send(t, m, tt.setup...)
			if tt.name == "save field" {
				m, _ = update(t, m, checkDoneMsg{id: m.job, rep: pendingReport()})
				m = send(t, m, keyMsg("s"))
				if !m.result.editing() {
					t.Fatal("the save field did not open")
				}
			}
			m = send(t, m, paste(testPhrase))
			if m.active() != screenRefusal {
				t.Fatalf("screen = %s, want refusal", m.active())
			}
			view := m.View()
			mustContain(t, view, "Not sent", "The field has been cleared")
			if strings.Contains(view, "abandon") {
				t.Error("the refusal shows the phrase")
			}
			for _, v := range []string{m.check.input.Value(), m.explain.input.Value(), m.explain.asked, m.result.input.Value()} {
				if strings.Contains(v, "abandon") {
					t.Error("the model still holds the phrase")
				}
			}
			m = send(t, m, keyMsg("enter"))
			if m.active() == screenRefusal {
				t.Error("enter did not go back to the field")
			}
		})
	}
}
