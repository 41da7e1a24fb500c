package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
)

// leakedGuide is the answer node for someone who already shared a secret.
const leakedGuide = "phrase-leaked"

// refusalModel explains, calmly, why a pasted text was refused. It never
// holds the text: the field was cleared before this screen was built.
type refusalModel struct {
	d             *deps
	lang          guides.Lang
	keys          RefusalKeys
	width, height int
}

func newRefusal(d *deps, lang guides.Lang, keys RefusalKeys) refusalModel {
	return refusalModel{d: d, lang: lang, keys: keys}
}

func (m refusalModel) relang(lang guides.Lang, keys RefusalKeys) refusalModel {
	m.lang, m.keys = lang, keys
	return m
}

func (m refusalModel) setSize(w, h int) refusalModel {
	m.width, m.height = w, h
	return m
}

func (m refusalModel) guideKey() key.Binding {
	_, ok := m.d.lib.Node(leakedGuide)
	return enable(m.keys.Guide, ok)
}

// Update goes back to the field or opens the guide for a leaked secret.
func (m refusalModel) Update(msg tea.Msg) (refusalModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.OK):
		return m, emit(backMsg{})
	case key.Matches(k, m.guideKey()):
		return m, emit(openNodeMsg{id: leakedGuide, crumb: both("refused a secret", "已拒绝机密内容"), replace: true})
	}
	return m, nil
}

// View says what happened, that nothing left the machine, and what a
// check needs instead.
func (m refusalModel) View() string {
	st, w := m.d.st, m.width
	why := m.lang.Pick(secret.Refusal, secret.RefusalZH)
	var b strings.Builder
	b.WriteString(st.Fail.Render(truncate(m.lang.Pick("✗ Not sent: that looked like a recovery phrase or a private key", "✗ 没有发送：这看起来像助记词或私钥"), w)))
	b.WriteString("\n\n" + paint(st.Text, wrap(upperFirst(why), w)))
	b.WriteString("\n\n" + paint(st.OK, wrap(m.lang.Pick(
		"✓ The field has been cleared. Nothing was sent, saved or shown.",
		"✓ 输入框已清空。没有发送、保存或显示任何内容。"), w)))
	b.WriteString("\n\n" + paint(st.Text, wrap(m.lang.Pick(
		"A check needs only public data: a transaction hash (0x followed by 64 characters), a block explorer link, or a public address (0x followed by 40 characters).",
		"查询只需要公开信息：交易哈希（0x 后面 64 个字符）、区块浏览器链接，或公开地址（0x 后面 40 个字符）。"), w)))
	b.WriteString("\n\n" + paint(st.Warn, wrap(m.lang.Pick(
		"! Real support never asks for a recovery phrase or a private key. Anyone who does is trying to steal from you.",
		"! 真正的客服永远不会索要助记词或私钥。索要的人都是想偷你的钱。"), w)))
	return b.String()
}

// upperFirst capitalizes the first letter of a sentence.
func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// ShortHelp lists the refusal's keys.
func (m refusalModel) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.OK, m.guideKey()}
}

// FullHelp lists the refusal's keys in one column.
func (m refusalModel) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.ShortHelp()}
}
