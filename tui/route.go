package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
	"github.com/unstuck-dev/unstuck/guides/verify"
)

// route handles the screens' intents and the replies of engine calls.
// ok is false for messages that belong to the active screen.
func (m model) route(msg tea.Msg) (model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openTreeMsg:
		m.stopWork()
		m.walker = newWalker(m.d, m.lang, m.keys.Walker)
		t, ok := m.d.lib.Tree(msg.tree)
		if !ok {
			return m, nil, true
		}
		m.stack = []screen{screenHome}
		m = m.push(screenWalker)
		var cmd tea.Cmd
		m.walker, cmd = m.walker.push(t.Start, t.Title)
		return m, cmd, true
	case openCheckMsg:
		m.check = newCheck(m.d, m.lang, m.keys.Check, checkTx, nil)
		m = m.push(screenCheck)
		return m, m.check.focus(), true
	case openExplainMsg:
		m.explain = newExplain(m.d, m.lang, m.keys.Explain, nil)
		m = m.push(screenExplain)
		return m, m.explain.focus(), true
	case openVerifyMsg:
		node, _ := m.d.lib.Node(verify.GuideCheck)
		m.verify = newVerify(m.d, m.lang, m.keys.Verify, node)
		m = m.push(screenVerify)
		return m, m.verify.focus(), true
	case openNodeMsg:
		return m.openNode(msg)
	case backMsg:
		next, cmd := m.back()
		return next, cmd, true
	case nodeCheckMsg:
		return m.openNodeCheck(msg.node, msg.pasted)
	case submitTxMsg:
		ctx, id := m.newJob()
		m.check = m.check.start(msg.q)
		opt := diagnose.CheckOptions{Chain: msg.q.ChainHint}
		return m, tea.Batch(runCheck(ctx, m.d.engine, msg.q, opt, id), m.check.spin.Tick), true
	case submitAccountMsg:
		ctx, id := m.newJob()
		m.check = m.check.start(msg.q)
		return m, tea.Batch(runAccount(ctx, m.d.engine, msg.q, id), m.check.spin.Tick), true
	case submitEndpointMsg:
		ctx, id := m.newJob()
		m.check = m.check.start(diagnose.Query{})
		return m, tea.Batch(runEndpoint(ctx, m.d.engine, msg.url, msg.claimed, id), m.check.spin.Tick), true
	case refusedMsg:
		m.stopWork()
		m.refusal = newRefusal(m.d, m.lang, m.keys.Refusal)
		return m.push(screenRefusal), nil, true
	case againMsg:
		m.stopWork()
		m.check = newCheck(m.d, m.lang, m.keys.Check, checkTx, m.result.origin)
		m = m.replaceTop(screenCheck)
		return m, m.check.focus(), true
	case targetMsg:
		m.settings.ConfirmTarget = msg.target
		m.result = m.result.setTarget(msg.target)
		return m, saveSettings(m.d.settingsPath, m.settings), true
	case watchMsg:
		if !msg.on {
			m.stopWork()
			return m, nil, true
		}
		_, id := m.newJob()
		m.result = m.result.startWatch()
		return m, tea.Batch(watchTick(m.d.watchEvery, id), m.result.spin.Tick), true
	}
	return m.reply(msg)
}

// reply handles what engine calls send back.
func (m model) reply(msg tea.Msg) (model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case checkStartedMsg:
		if msg.id != m.job {
			return m, nil, true
		}
		m.stream = msg
		return m, waitCheck(msg), true
	case checkProgressMsg:
		if msg.id != m.job || m.active() != screenCheck {
			return m, nil, true
		}
		m.check = m.check.progress(msg.p)
		return m, waitCheck(m.stream), true
	case checkDoneMsg:
		if msg.id != m.job || m.active() != screenCheck {
			return m, nil, true
		}
		for _, p := range msg.late {
			m.check = m.check.progress(p)
		}
		m.stopWork()
		if msg.rep == nil {
			m.check = m.check.failed(msg.err)
			return m, m.check.focus(), true
		}
		m.result = newResult(m.d, m.lang, m.keys.Result, msg.rep, msg.err, m.check.query, m.check.node, m.settings.ConfirmTarget)
		return m.replaceTop(screenResult), nil, true
	case lookupDoneMsg:
		if msg.id != m.job || m.active() != screenCheck {
			return m, nil, true
		}
		m.stopWork()
		if msg.acct == nil && msg.ep == nil {
			m.check = m.check.failed(msg.err)
			return m, m.check.focus(), true
		}
		m.lookup = newLookup(m.d, m.lang, m.keys.Lookup, msg.acct, msg.ep, msg.err, m.check.node)
		return m.replaceTop(screenLookup), nil, true
	case watchTickMsg:
		if msg.id != m.job || m.active() != screenResult || !m.result.watching {
			return m, nil, true
		}
		return m, runWatch(m.jobCtx, m.d.engine, m.result.q, m.result.watchOptions(), msg.id), true
	case watchDoneMsg:
		if msg.id != m.job || m.active() != screenResult || !m.result.watching {
			return m, nil, true
		}
		m.result = m.result.update(msg.rep, msg.err)
		if !m.result.watching {
			m.stopWork()
			return m, nil, true
		}
		return m, watchTick(m.d.watchEvery, msg.id), true
	}
	return m, nil, false
}

// openNode continues the guide at a node: in the walker already on the
// stack (dropping the screens above it), or in a new walker on top.
func (m model) openNode(msg openNodeMsg) (model, tea.Cmd, bool) {
	m.stopWork()
	if _, ok := m.d.lib.Node(msg.id); !ok {
		return m, nil, true
	}
	if msg.replace && len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
	at := -1
	for i, s := range m.stack {
		if s == screenWalker {
			at = i
		}
	}
	if at >= 0 {
		m.stack = m.stack[:at+1]
	} else {
		m.walker = newWalker(m.d, m.lang, m.keys.Walker)
		m.stack = append(m.stack, screenWalker)
	}
	m = m.layout()
	if msg.vals != nil {
		m.walker = m.walker.withValues(msg.vals)
	}
	m.walker.pasted = msg.pasted
	var cmd tea.Cmd
	m.walker, cmd = m.walker.push(msg.id, msg.crumb)
	return m, cmd, true
}

// openNodeCheck opens the screen a check node of the walker needs. A
// verify check starts with pasted, the text the explain screen matched,
// already judged (locally, like every verify check).
func (m model) openNodeCheck(n *guides.Node, pasted string) (model, tea.Cmd, bool) {
	m.stopWork()
	switch n.Check {
	case guides.CheckExplain:
		m.explain = newExplain(m.d, m.lang, m.keys.Explain, n)
		m = m.push(screenExplain)
		return m, m.explain.focus(), true
	case guides.CheckVerify, guides.CheckChannels:
		m.verify = newVerify(m.d, m.lang, m.keys.Verify, n)
		if pasted != "" && n.Check == guides.CheckVerify {
			m.verify = m.verify.prefill(pasted)
		}
		m = m.push(screenVerify)
		return m, m.verify.focus(), true
	case guides.CheckAccount:
		m.check = newCheck(m.d, m.lang, m.keys.Check, checkAccount, n)
	case guides.CheckEndpoint:
		m.check = newCheck(m.d, m.lang, m.keys.Check, checkEndpoint, n)
	default:
		m.check = newCheck(m.d, m.lang, m.keys.Check, checkTx, n)
	}
	m = m.push(screenCheck)
	return m, m.check.focus(), true
}

// helpKeys is the active screen's keys followed by the global ones.
func (m model) helpKeys() help.KeyMap {
	var local help.KeyMap
	switch m.active() {
	case screenHome:
		local = m.home
	case screenWalker:
		local = m.walker
	case screenCheck:
		local = m.check
	case screenResult:
		local = m.result
	case screenRefusal:
		local = m.refusal
	case screenExplain:
		local = m.explain
	case screenLookup:
		local = m.lookup
	case screenVerify:
		local = m.verify
	}
	return keysWithGlobals{local: local, global: m.globals()}
}

// keysWithGlobals appends the global keys to a screen's keys.
type keysWithGlobals struct {
	local  help.KeyMap
	global GlobalKeys
}

// ShortHelp lists the screen's keys, then back, help, language and quit
// (ctrl+c when q types into a field).
func (k keysWithGlobals) ShortHelp() []key.Binding {
	g := k.global
	out := append([]key.Binding{}, k.local.ShortHelp()...)
	out = append(out, g.Back)
	if !g.Back.Enabled() {
		out = append(out, g.Lang) // home: the language switch is an entry point
	}
	out = append(out, g.Help, g.Quit)
	if !g.Quit.Enabled() {
		out = append(out, g.Interrupt)
	}
	return out
}

// FullHelp adds a column of the global keys.
func (k keysWithGlobals) FullHelp() [][]key.Binding {
	g := k.global
	return append(k.local.FullHelp(), []key.Binding{g.Back, g.Lang, g.Help, g.Quit, g.Interrupt})
}
