package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
)

// A bare 64-hex string is a TRON or Bitcoin transaction ID or a raw
// private key (DESIGN.md, safety rule 3). The check screen clears the field
// and holds it, shows the addresses such a key would control (worked out
// here, never sent), and sends it only when the user says it is a
// transaction ID.

// hold clears the field and waits for the user's answer about q. A string
// that cannot be a private key can only be a transaction ID, and is
// checked at once.
func (m checkModel) hold(q diagnose.Query) (checkModel, tea.Cmd) {
	m.input.Reset()
	m.err = ""
	if _, couldBeKey := m.d.engine.PossibleKeyAddresses(q); !couldBeKey {
		return m, emit(submitTxMsg{q: q.ConfirmTxID()})
	}
	m.held = &q
	return m, nil
}

// answerHeld: y checks it as a transaction ID; n or enter drops it.
func (m checkModel) answerHeld(k tea.KeyMsg) (checkModel, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Yes):
		q := m.held.ConfirmTxID()
		m.held = nil
		return m, emit(submitTxMsg{q: q})
	case key.Matches(k, m.keys.No):
		m.held = nil
		return m, nil
	}
	return m, nil
}

// heldView asks the question. It never shows the held text.
func (m checkModel) heldView() string {
	st, w := m.d.st, m.width
	keys, _ := m.d.engine.PossibleKeyAddresses(*m.held)
	var b strings.Builder
	b.WriteString(st.Warn.Render(truncate(m.lang.Pick("! Not sent yet: is this a transaction ID?", "! 还没有发送：这是交易 ID 吗？"), w)))
	b.WriteString("\n\n" + paint(st.Text, wrap(m.lang.Pick(
		"You pasted 64 hex characters without 0x. A TRON or Bitcoin transaction ID looks like this, and so does a raw private key. The field has been cleared; nothing was sent or shown.",
		"你粘贴的是 64 个不带 0x 的十六进制字符。TRON 或比特币的交易 ID 是这样的，原始私钥也是这样的。输入框已清空；没有发送或显示任何内容。"), w)))
	b.WriteString("\n\n" + paint(st.Text, wrap(m.lang.Pick(
		"If it were a private key, it would control these addresses (worked out on this computer):",
		"如果它是私钥，它控制的是下面这些地址（在这台电脑上算出）："), w)))
	b.WriteString("\n" + numbersView(st, [][2]string{
		{m.lang.Pick("EVM (Ethereum, BNB Chain …)", "EVM（以太坊、BNB Chain …）"), keys.EVM},
		{"TRON", keys.Tron},
	}, w))
	b.WriteString("\n\n" + paint(st.Warn, wrap(m.lang.Pick(
		"! If one of these is your wallet's address, this is your private key: press n, and never paste it anywhere. Real support never asks for it.",
		"! 如果其中一个是你钱包的地址，那它就是你的私钥：请按 n，并且永远不要把它粘贴到任何地方。真正的客服永远不会索要它。"), w)))
	b.WriteString("\n\n" + paint(st.Text, wrap(m.lang.Pick(
		"y  it is a transaction ID: check it      n  no: clear it",
		"y  是交易 ID：查询      n  不是：清除"), w)))
	return b.String()
}
