package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/secret"
	"github.com/unstuck-dev/unstuck/guides"
)

// checkKind is what a check screen asks for.
type checkKind int

const (
	checkTx checkKind = iota
	checkAccount
	checkEndpoint
)

// checkModel takes a hash (or an address, or an RPC URL), screens it, and
// shows the search live, one line per chain.
type checkModel struct {
	d        *deps
	lang     guides.Lang
	keys     CheckKeys
	kind     checkKind
	node     *guides.Node // the guide's check node, or nil
	input    textinput.Model
	examples menu
	err      string
	running  bool
	// held is a bare 64-hex waiting for the user to say it is a
	// transaction ID; it is never drawn (see confirm_txid.go).
	held   *diagnose.Query
	query  diagnose.Query
	lines  searchLines
	spin   spinner.Model
	width  int
	height int
}

func newCheck(d *deps, lang guides.Lang, keys CheckKeys, kind checkKind, node *guides.Node) checkModel {
	m := checkModel{d: d, lang: lang, keys: keys, kind: kind, node: node}
	m.input = newInput(d.st, m.placeholder())
	m.spin = spinner.New(spinner.WithSpinner(spinner.Line), spinner.WithStyle(d.st.Warn))
	if kind == checkTx {
		var items []menuItem
		for _, e := range d.examples {
			items = append(items, menuItem{label: clean(e.Label), hint: shortHash(clean(e.Hash)), to: clean(e.Hash)})
		}
		m.examples = newMenu(items, false)
		m.examples.cursor = -1
	}
	return m
}

func (m checkModel) placeholder() string {
	switch m.kind {
	case checkAccount:
		return m.lang.Pick("0x… your public address", "0x… 你的公开地址")
	case checkEndpoint:
		return m.lang.Pick("https://… [network name]", "https://… [网络名称]")
	}
	return m.lang.Pick("0x… hash or explorer link", "0x… 哈希或浏览器链接")
}

func (m checkModel) relang(lang guides.Lang, keys CheckKeys) checkModel {
	m.lang, m.keys = lang, keys
	m.input.Placeholder = m.placeholder()
	return m
}

func (m checkModel) setSize(w, h int) checkModel {
	m.width, m.height = w, h
	m.input.Width = max(10, w-4)
	return m
}

// focus puts the cursor back in the field.
func (m checkModel) focus() tea.Cmd {
	return textinput.Blink
}

// start shows the search for q.
func (m checkModel) start(q diagnose.Query) checkModel {
	m.running, m.query, m.err = true, q, ""
	m.lines = newSearchLines(m.d.reg)
	m.input.Blur()
	return m
}

// stop ends the search display (cancelled or done).
func (m checkModel) stop() checkModel {
	m.running = false
	m.input.Focus()
	return m
}

// failed shows why a check could not run.
func (m checkModel) failed(err error) checkModel {
	m = m.stop()
	if err != nil {
		m.err = errText(err, m.lang)
	}
	return m
}

// progress records one endpoint's answer.
func (m checkModel) progress(p diagnose.Progress) checkModel {
	m.lines = m.lines.add(p)
	return m
}

// Update reads the field, screening every keystroke and paste.
func (m checkModel) Update(msg tea.Msg) (checkModel, tea.Cmd) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !m.running {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		if m.running {
			return m, nil
		}
		if m.held != nil {
			return m.answerHeld(msg)
		}
		switch {
		case key.Matches(msg, m.keys.Submit):
			return m.submit()
		case key.Matches(msg, m.skipKey()):
			return m, emit(openNodeMsg{id: m.node.Skip, crumb: both(skipLabel(m.node, guides.En), skipLabel(m.node, guides.Zh)), replace: true})
		case key.Matches(msg, m.exampleKey(m.keys.Prev)):
			m.examples = m.examples.up()
			return m.pickExample(), nil
		case key.Matches(msg, m.exampleKey(m.keys.Next)):
			m.examples = m.examples.down()
			return m.pickExample(), nil
		}
	}
	var cmd tea.Cmd
	var refused bool
	before := m.input.Value()
	m.input, cmd, refused = guardInput(m.input, msg, m.field())
	if refused {
		m.err = ""
		return m, emit(refusedMsg{})
	}
	if m.kind == checkTx && secret.IsBareHex64(m.input.Value()) {
		// Held before it is ever drawn: it may be a private key.
		return m.submit()
	}
	if m.input.Value() != before {
		m.err = "" // the error was about what the field held before
	}
	return m, cmd
}

// field is how the screen's text field is screened for secrets.
func (m checkModel) field() secret.Field {
	if m.kind == checkTx {
		return secret.FieldTxID
	}
	return secret.FieldPublic
}

func (m checkModel) pickExample() checkModel {
	if it, ok := m.examples.selected(); ok {
		m.input.SetValue(it.to)
		m.input.CursorEnd()
		m.err = ""
	}
	return m
}

// submit parses the field and asks the root to run the check.
func (m checkModel) submit() (checkModel, tea.Cmd) {
	v := m.input.Value()
	if m.kind == checkEndpoint {
		return m.submitEndpoint(v)
	}
	if m.kind == checkAccount {
		return m.submitAccount(v)
	}
	q, err := diagnose.ParseInput(v, m.d.reg)
	switch {
	case secret.IsRefusal(err):
		m.input.Reset()
		return m, emit(refusedMsg{})
	case err != nil:
		m.err = clean(inputMessage(err, m.lang))
		return m, nil
	case q.NeedsConfirm:
		return m.hold(q)
	case m.kind == checkTx && q.Kind != diagnose.KindTxHash:
		m.err = m.lang.Pick("that is an address, not a transaction hash: a hash has 64 characters after 0x",
			"这是一个地址，不是交易哈希：哈希在 0x 后面有 64 个字符")
		return m, nil
	}
	return m, emit(submitTxMsg{q: q})
}

// submitAccount reads a public address, with the same parser and words as
// the command line's account and --from.
func (m checkModel) submitAccount(v string) (checkModel, tea.Cmd) {
	q, err := diagnose.ParseAddress(v)
	switch {
	case secret.IsRefusal(err):
		m.input.Reset()
		return m, emit(refusedMsg{})
	case err != nil:
		m.err = clean(inputMessage(err, m.lang))
		return m, nil
	}
	return m, emit(submitAccountMsg{q: q})
}

// inputMessage is a refused input's reason in lang.
func inputMessage(err error, lang guides.Lang) string {
	var ie *diagnose.InputError
	if errors.As(err, &ie) {
		return ie.Message(string(lang))
	}
	return err.Error()
}

// submitEndpoint reads "URL [network]".
func (m checkModel) submitEndpoint(v string) (checkModel, tea.Cmd) {
	fields := strings.Fields(v)
	if len(fields) == 0 || len(fields) > 2 {
		m.err = m.lang.Pick("paste the RPC URL, optionally followed by the network's name (e.g. https://… bsc)",
			"粘贴 RPC 地址，后面可以加网络名称（例如 https://… bsc）")
		return m, nil
	}
	var claimed uint64
	if len(fields) == 2 {
		c, err := m.d.reg.Lookup(fields[1])
		if err != nil {
			m.err = clean(err.Error())
			return m, nil
		}
		claimed = c.ID
	}
	return m, emit(submitEndpointMsg{url: fields[0], claimed: claimed})
}

func (m checkModel) skipKey() key.Binding {
	return enable(m.keys.Skip, !m.running && m.node != nil && m.node.Skip != "")
}

func (m checkModel) exampleKey(b key.Binding) key.Binding {
	return enable(b, !m.running && len(m.examples.items) > 0)
}

// ShortHelp lists the keys that work on the field now.
func (m checkModel) ShortHelp() []key.Binding {
	if m.held != nil {
		return []key.Binding{m.keys.Yes, m.keys.No}
	}
	return []key.Binding{enable(m.keys.Submit, !m.running), m.exampleKey(m.keys.Examples), m.skipKey()}
}

// FullHelp lists the keys in one column.
func (m checkModel) FullHelp() [][]key.Binding {
	if m.held != nil {
		return [][]key.Binding{{m.keys.Yes, m.keys.No}}
	}
	return [][]key.Binding{{enable(m.keys.Submit, !m.running), m.exampleKey(m.keys.Prev), m.exampleKey(m.keys.Next), m.skipKey()}}
}

// shortHash shows the ends of a hash.
func shortHash(h string) string {
	if len(h) <= 14 {
		return h
	}
	return h[:8] + "…" + h[len(h)-4:]
}
