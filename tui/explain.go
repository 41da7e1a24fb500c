package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
)

// explainModel decodes an error text a wallet or DApp showed into the
// answer nodes that explain it. Matching is local: nothing is sent.
type explainModel struct {
	d       *deps
	lang    guides.Lang
	keys    ExplainKeys
	node    *guides.Node // the guide's explain check, or nil
	input   textinput.Model
	asked   string // the text the matches are for
	done    bool
	found   bool // the guides recognised the text
	matches menu
	width   int
	height  int
}

func newExplain(d *deps, lang guides.Lang, keys ExplainKeys, node *guides.Node) explainModel {
	m := explainModel{d: d, lang: lang, keys: keys, node: node}
	m.input = newInput(d.st, lang.Pick("e.g. Error 4902: Unrecognized chain ID", "例如 Error 4902: Unrecognized chain ID"))
	return m
}

func (m explainModel) relang(lang guides.Lang, keys ExplainKeys) explainModel {
	m.lang, m.keys = lang, keys
	m.input.Placeholder = lang.Pick("e.g. Error 4902: Unrecognized chain ID", "例如 Error 4902: Unrecognized chain ID")
	if m.done {
		m = m.explain(m.asked)
	}
	return m
}

func (m explainModel) setSize(w, h int) explainModel {
	m.width, m.height = w, h
	m.input.Width = max(10, w-4)
	return m
}

func (m explainModel) focus() tea.Cmd { return textinput.Blink }

// fresh says whether the matches shown are for the text in the field.
func (m explainModel) fresh() bool { return m.done && m.input.Value() == m.asked }

// explain matches text against the guides' error rules.
func (m explainModel) explain(text string) explainModel {
	m.asked, m.done = text, true
	var items []menuItem
	for _, x := range m.d.lib.Explain(text, m.lang) {
		items = append(items, menuItem{label: oneLine(x.Title), hint: clean(x.Why), to: x.Guide})
	}
	m.found = len(items) > 0
	if len(items) == 0 && m.node != nil {
		if next, ok := m.d.lib.Route(m.node.ID, guides.StatusNoMatch, nil); ok {
			if n, ok := m.d.lib.Node(next); ok {
				items = append(items, menuItem{label: m.lang.Pick("Continue: ", "继续：") + oneLine(n.Heading(m.lang)), to: next})
			}
		}
	}
	m.matches = newMenu(items, true)
	return m
}

// Update reads the field (screened like every input), decodes on enter,
// and opens the chosen answer on a second enter.
func (m explainModel) Update(msg tea.Msg) (explainModel, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.openKey()):
			if it, ok := m.matches.selected(); ok {
				return m, emit(openNodeMsg{id: it.to, crumb: both("error: "+shortText(m.asked), "报错："+shortText(m.asked)), replace: true, pasted: m.asked})
			}
		case key.Matches(k, m.submitKey()):
			if strings.TrimSpace(m.input.Value()) == "" {
				return m, nil
			}
			return m.explain(m.input.Value()), nil
		case key.Matches(k, m.moveKey(m.keys.Up)):
			m.matches = m.matches.up()
			return m, nil
		case key.Matches(k, m.moveKey(m.keys.Down)):
			m.matches = m.matches.down()
			return m, nil
		}
	}
	var cmd tea.Cmd
	var refused bool
	m.input, cmd, refused = guardInput(m.input, msg, secret.FieldText)
	if refused {
		m.done, m.asked, m.matches = false, "", menu{}
		return m, emit(refusedMsg{})
	}
	return m, cmd
}

func (m explainModel) submitKey() key.Binding {
	return enable(m.keys.Submit, !m.fresh())
}

func (m explainModel) openKey() key.Binding {
	return enable(m.keys.Open, m.fresh() && len(m.matches.items) > 0)
}

func (m explainModel) moveKey(b key.Binding) key.Binding {
	return enable(b, m.fresh() && len(m.matches.items) > 1)
}

// View draws the prompt, the field and the matches.
func (m explainModel) View() string {
	st, w := m.d.st, m.width
	var b strings.Builder
	b.WriteString(st.Title.Render(truncate(m.lang.Pick("Decode an error message", "解读一条报错"), w)) + "\n")
	prompt := m.lang.Pick(
		"Paste the error text your wallet or the DApp shows — English or Chinese, with or without its code. It is matched on this computer; nothing is sent.",
		"粘贴钱包或 DApp 显示的报错——中文英文都行，有没有错误码都行。匹配在本机完成，不会发送任何内容。")
	if m.node != nil {
		prompt = oneLine(m.node.Prompt.Get(m.lang))
	}
	b.WriteString(paint(st.Text, wrap(prompt, w)) + "\n\n")
	b.WriteString(m.input.View() + "\n\n")
	if !m.done {
		return b.String()
	}
	if m.found {
		b.WriteString(st.OK.Render(m.lang.Pick("✓ What this error means:", "✓ 这条报错的意思：")) + "\n")
	} else {
		b.WriteString(paint(st.Warn, wrap(m.lang.Pick(
			"! Nothing in this text is a known error. Copy the whole message, details included, and try again.",
			"! 这段文字里没有已知的报错。复制完整的报错（包括详情）再试一次。"), w)) + "\n")
	}
	rows := m.height - lineCount(b.String())
	b.WriteString(m.matches.view(st, w, max(1, rows)))
	return b.String()
}

// shortText is a crumb-sized piece of the asked text.
func shortText(s string) string { return truncate(oneLine(clean(s)), 24) }

// ShortHelp lists the keys that work now.
func (m explainModel) ShortHelp() []key.Binding {
	return []key.Binding{m.submitKey(), m.openKey(), m.moveKey(m.keys.Move)}
}

// FullHelp lists the keys in one column.
func (m explainModel) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.submitKey(), m.openKey(), m.moveKey(m.keys.Up), m.moveKey(m.keys.Down)}}
}
