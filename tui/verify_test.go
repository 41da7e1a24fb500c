package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// TestVerifyFromHome: the home menu's "Someone says they are support"
// opens the verify screen; a pasted look-alike gets its verdict, the real
// channels and the safety steps; continuing opens the guide's answer.
func TestVerifyFromHome(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("7"))
	if m.active() != screenVerify || m.verify.node == nil || m.verify.node.ID != "verify-contact" {
		t.Fatalf("screen = %s, want verify on the guide's verify-contact check", m.active())
	}
	mustContain(t, m.View(), "Someone says they are support", "nothing is sent")
	m = send(t, m, paste("https://token.im@evil.example/login"), keyMsg("enter"))
	view := m.View()
	mustContain(t, view, "✗ IMPERSONATION · imToken", "this link opens evil.example", "What to do",
		"Continue: A look-alike — do not use it")
	mustContain(t, ansi.Strip(m.verify.body()), "imToken's real channels", "support@token.im", "We know of no official Telegram")
	m = send(t, m, keyMsg("enter"))
	if m.active() != screenWalker {
		t.Fatalf("screen = %s, want walker", m.active())
	}
	if n, _ := m.walker.node(); n.ID != "verify-lookalike" {
		t.Errorf("node = %s, want verify-lookalike", n.ID)
	}
}

// TestVerifyFromSafetyTree: the safety tree's first option reaches the
// verify check and a scam script is named as such, in Chinese too.
func TestVerifyFromSafetyTree(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("3"), keyMsg("1"))
	if n, _ := m.walker.node(); n == nil || n.ID != "verify-contact" {
		t.Fatalf("safety option 1 is not verify-contact")
	}
	m = send(t, m, keyMsg("enter"))
	if m.active() != screenVerify {
		t.Fatalf("screen = %s, want verify", m.active())
	}
	m = send(t, m, paste("客服说需要验证钱包，请加微信"), keyMsg("enter"))
	mustContain(t, m.View(), "✗ SCAM PATTERN", "sync, validate, verify or rectify")
	m = send(t, m, keyMsg("up")) // arrows move the next steps, not the field's history
	next, _ := m.verify.next.selected()
	if next.to != "support-scam" {
		t.Errorf("next = %+v, want support-scam", next)
	}
	m, _ = m.switchLang()
	mustContain(t, m.View(), "诈骗套路", "该怎么做")
	for _, word := range []string{"What to do", "real channels", "Continue"} {
		if strings.Contains(m.View(), word) {
			t.Errorf("English %q in the zh view", word)
		}
	}
}

// TestVerifyUnknownWalletPicksChannels: a contact with no wallet in it
// offers the wallets; picking one shows its channels.
func TestVerifyUnknownWalletPicksChannels(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("7"), paste("https://livechatsupports.app/"), keyMsg("enter"))
	if m.verify.res == nil || m.verify.res.Wallet != nil {
		t.Fatalf("result %+v, want one with no wallet", m.verify.res)
	}
	// Continue is first; the wallets follow in id order (bitget first).
	m = send(t, m, keyMsg("down"), keyMsg("enter"))
	if m.verify.res.Wallet == nil || m.verify.res.Wallet.ID != "bitget" {
		t.Fatalf("picked %+v, want bitget", m.verify.res.Wallet)
	}
	mustContain(t, m.View(), "NOT ON OUR LIST · Bitget Wallet")
	mustContain(t, ansi.Strip(m.verify.body()), "not on our list of Bitget Wallet's official channels", "Bitget Wallet's real channels", "bitget.com")
}

// TestChannelsPickFillsAnswer: the help tree's "where is the real
// support" asks for the wallet and the answer names its real channels.
func TestChannelsPickFillsAnswer(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("6"), keyMsg("1"))
	if m.active() != screenVerify || !m.verify.channels {
		t.Fatalf("screen = %s, want the wallet picker", m.active())
	}
	for i := 0; i < 10; i++ {
		if it, _ := m.verify.next.selected(); it.to == walletPrefix+"tokenpocket" {
			break
		}
		m = send(t, m, keyMsg("down"))
	}
	m = send(t, m, keyMsg("enter"))
	if n, _ := m.walker.node(); m.active() != screenWalker || n.ID != "official-channels" {
		t.Fatalf("screen %s, want the official-channels answer", m.active())
	}
	n, _ := m.walker.node()
	view := m.walker.answerMarkdown(n)
	for _, want := range []string{"TokenPocket's official channels", "tokenpocket.pro", "t.me/tokenpocket_cn", "service@tokenpocket.pro"} {
		if !strings.Contains(strings.Join(strings.Fields(view), " "), want) {
			t.Errorf("answer lacks %q:\n%s", want, view)
		}
	}
}

// TestVerifyRefusesSecret: a phrase pasted into the verify field is
// refused and never drawn.
func TestVerifyRefusesSecret(t *testing.T) {
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("7"), paste("support asked for: "+testPhrase))
	if m.active() != screenRefusal {
		t.Fatalf("screen = %s, want refusal", m.active())
	}
	if strings.Contains(m.View(), "abandon") || m.verify.input.Value() != "" {
		t.Error("the phrase is still held or drawn")
	}
}

// TestVerifyViewSizes: the screen fits at 80×24, 40×12 and width 0.
func TestVerifyViewSizes(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {0, 0}, {200, 60}} {
		env := newEnv(t)
		m := env.model(env.options())
		if size[0] > 0 {
			m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		}
		m = send(t, m, keyMsg("7"), paste("xn--meamask-orb.com"), keyMsg("enter"))
		view := m.verify.View()
		w, h := m.verify.width, m.verify.height
		if size[0] == 0 {
			w, h = m.bodySize()
		}
		if got := lineCount(view); got > h {
			t.Errorf("%v: %d lines, more than %d", size, got, h)
		}
		for _, l := range strings.Split(view, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("%v: line wider than %d: %q", size, w, l)
			}
		}
		mustContain(t, view, "IMPERSONATION")
	}
}

// TestSupportMessage builds the ready-to-send message from a report: the
// public facts in the user's language, nothing else.
func TestSupportMessage(t *testing.T) {
	rep := pendingReport()
	diagnose.Localize(rep, "en")
	en := supportMessage(guides.En, rep)
	for _, want := range []string{"Hello, I need help with a transaction.", "Network: Ethereum.", rep.Tx.Hash, "Status: pending.", rep.Tx.From} {
		if !strings.Contains(en, want) {
			t.Errorf("en message lacks %q: %s", want, en)
		}
	}
	diagnose.Localize(rep, "zh")
	zh := supportMessage(guides.Zh, rep)
	for _, want := range []string{"你好，我有一笔交易需要帮助。", "状态：等待中。", rep.Tx.Hash} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh message lacks %q: %s", want, zh)
		}
	}
	if strings.ContainsAny(en+zh, "\n\r\x1b") || supportMessage(guides.En, nil) != "" {
		t.Error("the message must be one clean line, and empty without a report")
	}
	// It reaches the help answer through the result screen.
	env := newEnv(t)
	m := env.model(env.options())
	m = send(t, m, keyMsg("4"), paste(testHash), keyMsg("enter"))
	m, _ = update(t, m, checkDoneMsg{id: m.job, rep: pendingReport()})
	for i := 0; i < len(m.result.steps.items); i++ {
		if it, _ := m.result.steps.selected(); it.to == supportMessageGuide {
			break
		}
		m = send(t, m, keyMsg("down"))
	}
	m = send(t, m, keyMsg("enter"))
	if n, _ := m.walker.node(); m.active() != screenWalker || n.ID != supportMessageGuide {
		t.Fatalf("screen %s, want the ask-for-help answer", m.active())
	}
	n, _ := m.walker.node()
	body := m.walker.answerMarkdown(n)
	if !strings.Contains(body, "Hello, I need help with a transaction.") {
		t.Errorf("the answer does not show the message:\n%s", body)
	}
}
