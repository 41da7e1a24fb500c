package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/guides"
)

// Entry points of the home menu: a tree id, or one of these.
const (
	entryCheck   = ":check"
	entryExplain = ":explain"
	entryVerify  = ":verify"
)

// homeModel is the first screen: what unstuck does, the privacy promise,
// and where to start.
type homeModel struct {
	d             *deps
	lang          guides.Lang
	keys          HomeKeys
	menu          menu
	width, height int
}

func newHome(d *deps, lang guides.Lang, keys HomeKeys) homeModel {
	m := homeModel{d: d, keys: keys}
	return m.relang(lang, keys)
}

func homeItems(lang guides.Lang) []menuItem {
	return []menuItem{
		{label: lang.Pick("My transfer is stuck, failed or missing", "我的转账卡住了、失败了或找不到"), to: "transfer"},
		{label: lang.Pick("A DApp won't connect", "DApp 连不上钱包"), to: "dapp"},
		{label: lang.Pick("Am I safe?", "我的钱包安全吗？"), to: "safety"},
		{label: lang.Pick("Check a transaction hash", "查询一笔交易哈希"), to: entryCheck},
		{label: lang.Pick("Decode an error message", "解读一条报错"), to: entryExplain},
		{label: lang.Pick("Get human help", "找真人帮忙"), to: "help"},
		{label: lang.Pick("Someone says they are support", "有人自称是客服"), to: entryVerify},
		{label: lang.Pick("I can't get into my wallet", "我进不去我的钱包"), to: "access"},
	}
}

func (m homeModel) relang(lang guides.Lang, keys HomeKeys) homeModel {
	cursor := m.menu.cursor
	m.lang, m.keys = lang, keys
	m.menu = newMenu(homeItems(lang), true)
	m.menu.cursor = cursor
	return m
}

func (m homeModel) setSize(w, h int) homeModel {
	m.width, m.height = w, h
	return m
}

// Update moves the cursor and opens an entry point.
func (m homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.menu = m.menu.up()
	case key.Matches(k, m.keys.Down):
		m.menu = m.menu.down()
	case key.Matches(k, m.keys.Open):
		it, _ := m.menu.selected()
		return m, m.open(it)
	case len(k.Runes) == 1 && k.Runes[0] >= '1' && k.Runes[0] <= '9':
		if it, ok := m.menu.pick(int(k.Runes[0] - '0')); ok {
			m.menu.cursor = int(k.Runes[0]-'0') - 1
			return m, m.open(it)
		}
	}
	return m, nil
}

func (m homeModel) open(it menuItem) tea.Cmd {
	switch it.to {
	case "":
		return nil
	case entryCheck:
		return emit(openCheckMsg{})
	case entryExplain:
		return emit(openExplainMsg{})
	case entryVerify:
		return emit(openVerifyMsg{})
	}
	return emit(openTreeMsg{tree: it.to})
}

// minMenuRows is how many entries the home menu shows before the intro
// gives up its lines on a short terminal.
const minMenuRows = 3

// View draws the promise and the menu. On a short terminal the intro goes
// first, then the spacing and the language line, so that the menu keeps
// room for a few entries; the privacy promise always stays.
func (m homeModel) View() string {
	st, w := m.d.st, m.width
	intro := paint(st.Text, wrap(m.lang.Pick(
		"Transfer stuck, failed or missing? A DApp that won't connect?",
		"转账卡住、失败或找不到？DApp 连不上钱包？"), w)) + "\n" +
		paint(st.Text, wrap(m.lang.Pick(
			"unstuck checks the public facts and walks you to the next step.",
			"unstuck 查清公开的链上事实，一步步带你找到下一步。"), w))
	private := paint(st.OK, wrap(m.lang.Pick(
		"✓ Private: only a hash or an address leaves this computer, never your keys.",
		"✓ 隐私：只有交易哈希或地址会离开这台电脑，绝不涉及助记词或私钥。"), w))
	title := st.Title.Render(truncate(m.lang.Pick("What do you need help with?", "你需要什么帮助？"), w))
	langLine := st.Subtle.Render(truncate(m.lang.Pick("Language: English · press l for 中文", "语言：中文 · 按 l 切换到 English"), w))
	want := min(len(m.menu.items), minMenuRows)
	layouts := []struct{ before, after []string }{
		{[]string{intro, private, "", title}, []string{"", langLine}},
		{[]string{private, "", title}, []string{"", langLine}},
		{[]string{private, title}, []string{langLine}},
		{[]string{private, title}, nil},
	}
	var before, after []string
	room := 0
	for _, l := range layouts {
		before, after = l.before, l.after
		room = m.height - linesOf(before) - linesOf(after)
		if room >= m.menu.height(want) {
			break
		}
	}
	rows := max(1, room)
	if len(m.menu.items) > rows {
		rows = max(1, rows-1) // the "(n/m)" line
	}
	parts := append(append(append([]string(nil), before...), m.menu.view(st, w, rows)), after...)
	return strings.Join(parts, "\n")
}

// linesOf is how many lines parts take, one at least each.
func linesOf(parts []string) int {
	n := 0
	for _, p := range parts {
		n += max(1, lineCount(p))
	}
	return n
}

// ShortHelp lists the keys of the home screen.
func (m homeModel) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Move, m.keys.Open}
}

// FullHelp lists the keys of the home screen in one column.
func (m homeModel) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Open}}
}
