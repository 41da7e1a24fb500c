package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/guides"
)

// step is one node visited, with the answer that led there.
type step struct {
	id    string
	crumb guides.Text
}

// walkerModel walks a decision tree one node at a time: a question with
// its options, a check (which opens the check screen), or an answer in
// Markdown with related nodes. Back goes to the previous step.
type walkerModel struct {
	d      *deps
	lang   guides.Lang
	keys   WalkerKeys
	steps  []step
	opts   menu // options of a question or a check node; related nodes of an answer
	vp     viewport.Model
	vals   map[string]string
	pasted string // what the explain screen was given, for a verify check
	width  int
	height int
}

func newWalker(d *deps, lang guides.Lang, keys WalkerKeys) walkerModel {
	return walkerModel{d: d, lang: lang, keys: keys, vp: viewport.New(0, 0)}
}

// withValues sets the report numbers that fill answers' placeholders.
func (m walkerModel) withValues(vals map[string]string) walkerModel {
	m.vals = vals
	return m.load()
}

func (m walkerModel) relang(lang guides.Lang, keys WalkerKeys) walkerModel {
	m.lang, m.keys = lang, keys
	return m.load()
}

func (m walkerModel) setSize(w, h int) walkerModel {
	m.width, m.height = w, h
	return m.load()
}

// node is the current node.
func (m walkerModel) node() (*guides.Node, bool) {
	if len(m.steps) == 0 {
		return nil, false
	}
	return m.d.lib.Node(m.steps[len(m.steps)-1].id)
}

// push goes to node id. A check node also asks the root for its screen.
func (m walkerModel) push(id string, crumb guides.Text) (walkerModel, tea.Cmd) {
	n, ok := m.d.lib.Node(id)
	if !ok {
		return m, nil
	}
	m.steps = append(m.steps, step{id: id, crumb: crumb})
	m = m.load()
	if n.Kind == guides.KindCheck {
		return m, emit(nodeCheckMsg{node: n, pasted: m.pasted})
	}
	return m, nil
}

// back returns to the previous step; ok is false on the first one.
func (m walkerModel) back() (walkerModel, bool) {
	if len(m.steps) < 2 {
		return m, false
	}
	m.steps = m.steps[:len(m.steps)-1]
	return m.load(), true
}

// load builds the options and the answer's viewport for the current node.
func (m walkerModel) load() walkerModel {
	n, ok := m.node()
	if !ok {
		return m
	}
	var items []menuItem
	switch n.Kind {
	case guides.KindQuestion:
		for _, o := range n.Options {
			items = append(items, menuItem{label: o.Label.Get(m.lang), crumb: o.Label, to: o.Next})
		}
	case guides.KindCheck:
		items = append(items, menuItem{label: checkAction(n, m.lang), to: n.ID})
		if n.Skip != "" {
			items = append(items, menuItem{label: skipLabel(n, m.lang), to: n.Skip,
				crumb: both(skipLabel(n, guides.En), skipLabel(n, guides.Zh))})
		}
	default:
		for _, id := range n.Related {
			if r, ok := m.d.lib.Node(id); ok {
				items = append(items, menuItem{label: oneLine(r.Heading(m.lang)), to: id,
					crumb: both(r.Heading(guides.En), r.Heading(guides.Zh))})
			}
		}
		m.vp.Width, m.vp.Height = m.width, m.answerHeight(len(items))
		m.vp.SetContent(m.d.md.render(m.answerMarkdown(n), m.width))
		m.vp.SetYOffset(m.vp.YOffset) // after a resize, no scrolling past the end
	}
	cursor := 0
	if m.opts.cursor < len(items) && len(m.opts.items) == len(items) {
		cursor = m.opts.cursor
	}
	m.opts = newMenu(items, true)
	m.opts.cursor = cursor
	return m
}

// answerMarkdown is the answer's body with placeholders filled, and its
// one next action.
func (m walkerModel) answerMarkdown(n *guides.Node) string {
	body := n.Fill(m.lang, m.vals)
	if action := strings.TrimSpace(guides.Expand(n.Action.Get(m.lang), m.lang, m.vals)); action != "" {
		// A full-width colon already leaves room; a space after it would not.
		body += "\n\n**" + m.lang.Pick("Next:** ", "下一步：**") + action
	}
	return body
}

// maxRelatedRows is how many related links an answer shows at once.
const maxRelatedRows = 4

// answerHeight is what the answer's viewport gets: the body minus
// breadcrumb, title, related list and spacing.
func (m walkerModel) answerHeight(related int) int {
	used := 4
	if related > 0 {
		used += 2 + newMenu(make([]menuItem, related), false).height(maxRelatedRows)
	}
	return max(3, m.height-used)
}

// checkAction is the label that opens a check node's input.
func checkAction(n *guides.Node, lang guides.Lang) string {
	switch n.Check {
	case guides.CheckExplain:
		return lang.Pick("Paste the error text", "粘贴报错内容")
	case guides.CheckAccount:
		return lang.Pick("Paste my public address", "粘贴我的公开地址")
	case guides.CheckEndpoint:
		return lang.Pick("Paste the RPC URL", "粘贴 RPC 地址")
	case guides.CheckVerify:
		return lang.Pick("Paste what they gave me", "粘贴对方给我的内容")
	case guides.CheckChannels:
		return lang.Pick("Pick my wallet", "选择我的钱包")
	}
	return lang.Pick("Paste the transaction hash", "粘贴交易哈希")
}

// skipLabel is the way out of a check for a user with nothing to paste.
func skipLabel(n *guides.Node, lang guides.Lang) string {
	if n.Check == guides.CheckTx {
		return lang.Pick("I don't have a hash", "我没有交易哈希")
	}
	return lang.Pick("Skip this check", "跳过这一步")
}

// Update moves through options, scrolls answers and goes on.
func (m walkerModel) Update(msg tea.Msg) (walkerModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	n, found := m.node()
	if !ok || !found {
		return m, nil
	}
	answer := n.Kind == guides.KindAnswer
	switch {
	case answer && key.Matches(k, m.keys.Up):
		m.vp.ScrollUp(1)
	case answer && key.Matches(k, m.keys.Down):
		m.vp.ScrollDown(1)
	case answer && key.Matches(k, m.keys.PageUp):
		m.vp.PageUp()
	case answer && key.Matches(k, m.keys.PageDown):
		m.vp.PageDown()
	case key.Matches(k, m.keys.Up):
		m.opts = m.opts.up()
	case key.Matches(k, m.keys.Down):
		m.opts = m.opts.down()
	case !answer && key.Matches(k, m.keys.Choose):
		if it, ok := m.opts.selected(); ok {
			return m.choose(n, it)
		}
	case key.Matches(k, m.keys.Number):
		if it, ok := m.opts.pick(int(k.Runes[0] - '0')); ok {
			m.opts.cursor = int(k.Runes[0]-'0') - 1
			return m.choose(n, it)
		}
	}
	return m, nil
}

// choose follows an option, a related link, or re-opens a check.
func (m walkerModel) choose(n *guides.Node, it menuItem) (walkerModel, tea.Cmd) {
	if it.to == n.ID && n.Kind == guides.KindCheck {
		return m, emit(nodeCheckMsg{node: n, pasted: m.pasted})
	}
	return m.push(it.to, it.crumb)
}

// ShortHelp lists the walker's keys for the current node.
func (m walkerModel) ShortHelp() []key.Binding {
	k := m.keys
	n, ok := m.node()
	answer := ok && n.Kind == guides.KindAnswer
	number := enable(k.Number, len(m.opts.items) > 0)
	if answer {
		more := m.vp.TotalLineCount() > m.vp.Height
		return []key.Binding{enable(k.Scroll, more), number}
	}
	return []key.Binding{k.Move, k.Choose, number}
}

// FullHelp lists every walker key that works here.
func (m walkerModel) FullHelp() [][]key.Binding {
	k := m.keys
	n, ok := m.node()
	if ok && n.Kind == guides.KindAnswer {
		more := m.vp.TotalLineCount() > m.vp.Height
		return [][]key.Binding{{enable(k.Up, more), enable(k.Down, more), enable(k.PageUp, more), enable(k.PageDown, more)},
			{enable(k.Number, len(m.opts.items) > 0)}}
	}
	return [][]key.Binding{{k.Up, k.Down}, {k.Choose, k.Number}}
}

// oneLine collapses white space so a heading fits a menu line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
