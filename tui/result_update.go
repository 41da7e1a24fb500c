package tui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
)

// Update handles the result's keys, its inline fields and the replies of
// save and copy.
func (m resultModel) Update(msg tea.Msg) (resultModel, tea.Cmd) {
	if m.rep == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !m.watching {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case savedMsg:
		m.unsure = false
		switch {
		case msg.exists:
			m.status, m.failed = "✗ "+m.lang.Pick("not saved: ", "未保存：")+clean(msg.path)+
				m.lang.Pick(" already exists; choose another name", " 已存在；请换一个文件名"), true
		case msg.err != nil:
			m.status, m.failed = "✗ "+m.lang.Pick("not saved: ", "未保存：")+clean(msg.err.Error()), true
		default:
			m.status, m.failed = "✓ "+m.lang.Pick("report saved to ", "报告已保存到 ")+clean(msg.path), false
		}
		return m.rebuild(), nil
	case copiedMsg:
		m.unsure = false
		var unconfirmed CopyUnconfirmed
		switch {
		case errors.As(msg.err, &unconfirmed):
			m.status, m.failed, m.unsure = "! "+m.lang.Pick(
				"asked your terminal to copy the hash (it cannot confirm); if nothing pastes, select the hash on screen",
				"已请终端复制哈希（终端无法确认）；如果粘贴不出来，请在屏幕上选中哈希复制"), false, true
		case msg.err != nil:
			m.status, m.failed = "✗ "+m.lang.Pick("could not copy: ", "无法复制：")+clean(msg.err.Error()), true
		default:
			m.status, m.failed = "✓ "+m.lang.Pick("hash copied to the clipboard", "哈希已复制到剪贴板"), false
		}
		return m.rebuild(), nil
	case tea.KeyMsg:
		if m.edit != editNone {
			return m.updateEdit(msg)
		}
		return m.updateKeys(msg)
	}
	if m.edit != editNone {
		return m.updateEdit(msg)
	}
	return m, nil
}

func (m resultModel) updateKeys(k tea.KeyMsg) (resultModel, tea.Cmd) {
	keys := m.activeKeys()
	switch {
	case key.Matches(k, keys.Up):
		m.steps = m.steps.up()
	case key.Matches(k, keys.Down):
		m.steps = m.steps.down()
	case key.Matches(k, keys.PageUp):
		m.vp.PageUp()
	case key.Matches(k, keys.PageDown):
		m.vp.PageDown()
	case key.Matches(k, keys.Top):
		m.vp.GotoTop()
	case key.Matches(k, keys.Bottom):
		m.vp.GotoBottom()
	case key.Matches(k, keys.Open):
		if it, ok := m.steps.selected(); ok {
			return m, m.open(it)
		}
	case len(k.Runes) == 1 && k.Runes[0] >= '1' && k.Runes[0] <= '9':
		if it, ok := m.steps.pick(int(k.Runes[0] - '0')); ok {
			m.steps.cursor = int(k.Runes[0]-'0') - 1
			return m, m.open(it)
		}
	case key.Matches(k, keys.Watch):
		return m, emit(watchMsg{on: !m.watching})
	case key.Matches(k, keys.Target):
		m.edit, m.status = editTarget, ""
		m.input = newInput(m.d.st, "12")
		m.input.SetValue(strconv.FormatUint(m.target, 10))
		m.input.CursorEnd()
		return m.rebuild(), m.input.Focus()
	case key.Matches(k, keys.Save):
		m.edit, m.status = editSave, ""
		m.input = newInput(m.d.st, "report.md")
		m.input.SetValue(m.defaultSavePath())
		m.input.CursorEnd()
		return m.rebuild(), m.input.Focus()
	case key.Matches(k, keys.Copy):
		return m, copyText(m.d.clipboard, m.hash())
	case key.Matches(k, keys.Again):
		return m, emit(againMsg{})
	}
	return m, nil
}

// open goes to a next step, carrying the report's numbers into the guide.
func (m resultModel) open(it menuItem) tea.Cmd {
	g, s := diagnose.Glyph(m.rep.Status), m.rep.Status
	crumb := both(g+" "+diagnose.StatusWord(s, string(guides.En)), g+" "+diagnose.StatusWord(s, string(guides.Zh)))
	return emit(openNodeMsg{id: it.to, crumb: crumb, vals: m.values()})
}

// updateEdit runs the inline target or file-name field.
func (m resultModel) updateEdit(msg tea.Msg) (resultModel, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.keys.Cancel):
			m.edit = editNone
			return m.rebuild(), nil
		case key.Matches(k, m.keys.Confirm):
			return m.confirmEdit()
		}
	}
	var cmd tea.Cmd
	var refused bool
	m.input, cmd, refused = guardInput(m.input, msg, secret.FieldText)
	if refused {
		m.edit = editNone
		return m.rebuild(), emit(refusedMsg{})
	}
	return m, cmd
}

func (m resultModel) confirmEdit() (resultModel, tea.Cmd) {
	v := strings.TrimSpace(m.input.Value())
	switch m.edit {
	case editTarget:
		t, err := strconv.ParseUint(v, 10, 64)
		if err != nil || t < 1 || t > maxConfirmTarget {
			m.status, m.failed = "✗ "+m.lang.Pick("the target is a whole number from 1 to 100000", "目标必须是 1 到 100000 之间的整数"), true
			return m.rebuild(), nil
		}
		m.edit = editNone
		return m.rebuild(), emit(targetMsg{target: t})
	case editSave:
		if v == "" {
			return m, nil
		}
		m.edit = editNone
		return m.rebuild(), saveReport(v, m.markdown())
	}
	return m, nil
}

// hash is the transaction hash the report is about.
func (m resultModel) hash() string {
	if m.rep.Tx != nil && m.rep.Tx.Hash != "" {
		return clean(m.rep.Tx.Hash)
	}
	return m.q.Raw
}

// activeKeys are the result keys with those that do nothing now off.
func (m resultModel) activeKeys() ResultKeys {
	k := m.keys
	more := m.vp.TotalLineCount() > m.vp.Height
	k.PageUp, k.PageDown = enable(k.PageUp, more), enable(k.PageDown, more)
	k.Top, k.Bottom = enable(k.Top, more), enable(k.Bottom, more)
	steps := len(m.steps.items) > 0
	k.Up, k.Down, k.Open = enable(k.Up, steps), enable(k.Down, steps), enable(k.Open, steps)
	if m.watching {
		k.Watch.SetHelp(k.Watch.Help().Key, m.lang.Pick("stop", "停止"))
	}
	k.Watch = enable(k.Watch, m.watching || m.watchable())
	k.Copy = enable(k.Copy, m.hash() != "")
	return k
}

// ShortHelp lists the result's keys, or the inline field's.
func (m resultModel) ShortHelp() []key.Binding {
	if m.editing() {
		return []key.Binding{m.keys.Confirm, m.keys.Cancel}
	}
	k := m.activeKeys()
	return []key.Binding{k.Open, k.Watch, k.Save, k.Copy, k.Again}
}

// FullHelp lists every key that works here.
func (m resultModel) FullHelp() [][]key.Binding {
	if m.editing() {
		return [][]key.Binding{{m.keys.Confirm, m.keys.Cancel}}
	}
	k := m.activeKeys()
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Watch, k.Target, k.Save, k.Copy, k.Again}}
}
