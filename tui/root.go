package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/guides"
)

// screen names a screen of the app.
type screen int

// Screens.
const (
	screenHome screen = iota
	screenWalker
	screenCheck
	screenResult
	screenRefusal
	screenExplain
	screenLookup
	screenVerify
)

// String names the screen (for logs and tests; the header uses title).
func (s screen) String() string {
	switch s {
	case screenHome:
		return "home"
	case screenWalker:
		return "walker"
	case screenCheck:
		return "check"
	case screenResult:
		return "result"
	case screenRefusal:
		return "refusal"
	case screenExplain:
		return "explain"
	case screenLookup:
		return "lookup"
	case screenVerify:
		return "verify"
	}
	return "unknown"
}

// title is the screen's name in the header.
func (s screen) title(lang guides.Lang) string {
	switch s {
	case screenWalker:
		return lang.Pick("guide", "指南")
	case screenCheck:
		return lang.Pick("check", "查询")
	case screenResult:
		return lang.Pick("result", "结果")
	case screenRefusal:
		return lang.Pick("not sent", "未发送")
	case screenExplain:
		return lang.Pick("error decoder", "报错解读")
	case screenLookup:
		return lang.Pick("result", "结果")
	case screenVerify:
		return lang.Pick("is this real?", "是真的吗？")
	}
	return lang.Pick("home", "首页")
}

// model is the root: it owns navigation (a stack of screens), the global
// keys, the window size and in-flight work, and forwards every other
// message to the active screen only.
type model struct {
	base     context.Context
	d        *deps
	lang     guides.Lang
	keys     KeyMap
	help     help.Model
	settings Settings

	width, height int
	stack         []screen

	home    homeModel
	walker  walkerModel
	check   checkModel
	result  resultModel
	refusal refusalModel
	explain explainModel
	lookup  lookupModel
	verify  verifyModel

	job    int                // the current engine call; older replies are dropped
	jobCtx context.Context    // the current engine call's context
	cancel context.CancelFunc // cancels the current engine call
	stream checkStartedMsg    // the current check's progress and result
	notice string             // a one-line message in the footer

	interrupted bool
}

func newRoot(ctx context.Context, d *deps, lang guides.Lang, s Settings) model {
	m := model{base: ctx, d: d, lang: lang, settings: s, stack: []screen{screenHome}}
	m.keys = newKeyMap(lang)
	m.help = help.New()
	m.help.Styles = d.st.Help
	m.home = newHome(d, lang, m.keys.Home)
	return m.layout()
}

// Init opens the guide asked for on the command line, if any; the home
// screen itself is static.
func (m model) Init() tea.Cmd {
	id := m.d.start
	switch {
	case id == "":
		return nil
	case m.isTree(id):
		return emit(openTreeMsg{tree: id})
	}
	return emit(openNodeMsg{id: id})
}

func (m model) isTree(id string) bool {
	_, ok := m.d.lib.Tree(id)
	return ok
}

func (m model) active() screen { return m.stack[len(m.stack)-1] }

// typing reports whether the active screen has a focused text field, where
// letters (and "?" once something is typed) are text, not commands.
func (m model) typing() bool {
	switch m.active() {
	case screenCheck:
		return !m.check.running
	case screenExplain:
		return true
	case screenVerify:
		return m.verify.typing()
	case screenResult:
		return m.result.editing()
	}
	return false
}

// inputEmpty reports whether the focused text field is empty.
func (m model) inputEmpty() bool {
	switch m.active() {
	case screenCheck:
		return m.check.input.Value() == ""
	case screenExplain:
		return m.explain.input.Value() == ""
	case screenVerify:
		return m.verify.input.Value() == ""
	}
	return false
}

// globals returns the global keys with those that do nothing here off.
func (m model) globals() GlobalKeys {
	g := m.keys.Global
	typing := m.typing()
	g.Quit = enable(g.Quit, !typing)
	g.Lang = enable(g.Lang, !typing)
	g.Help = enable(g.Help, !typing || m.inputEmpty())
	g.Back = enable(g.Back, len(m.stack) > 1 && !(m.active() == screenResult && m.result.editing()))
	if m.help.ShowAll {
		g.Back = enable(g.Back, true)
		g.Back.SetHelp(g.Back.Help().Key, m.lang.Pick("close help", "关闭帮助"))
		g.Help.SetHelp(g.Help.Help().Key, m.lang.Pick("close help", "关闭帮助"))
	}
	return g
}

// Update handles the window, the global keys and the intents of the
// screens, and forwards the rest to the active screen.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.layout(), nil
	case tea.KeyMsg:
		g := m.globals()
		switch {
		case key.Matches(msg, g.Interrupt):
			m.stopWork()
			m.interrupted = true
			return m, tea.Interrupt
		case key.Matches(msg, g.Quit):
			m.stopWork()
			return m, tea.Quit
		case key.Matches(msg, g.Help):
			m.help.ShowAll = !m.help.ShowAll
			return m.layout(), nil
		case m.help.ShowAll && key.Matches(msg, m.keys.Global.Back):
			m.help.ShowAll = false // esc closes the help before it goes back
			return m.layout(), nil
		case key.Matches(msg, g.Back):
			return m.back()
		case key.Matches(msg, g.Lang):
			return m.switchLang()
		}
		m.notice = ""
	case settingsSavedMsg:
		if msg.err != nil {
			m.notice = m.lang.Pick("settings not saved: ", "设置未保存：") + msg.err.Error()
		}
		return m, nil
	}
	if next, cmd, ok := m.route(msg); ok {
		return next, cmd
	}
	return m.forward(msg)
}

// forward passes a message to the active screen only.
func (m model) forward(msg tea.Msg) (model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.active() {
	case screenHome:
		m.home, cmd = m.home.Update(msg)
	case screenWalker:
		m.walker, cmd = m.walker.Update(msg)
	case screenCheck:
		m.check, cmd = m.check.Update(msg)
	case screenResult:
		m.result, cmd = m.result.Update(msg)
	case screenRefusal:
		m.refusal, cmd = m.refusal.Update(msg)
	case screenExplain:
		m.explain, cmd = m.explain.Update(msg)
	case screenLookup:
		m.lookup, cmd = m.lookup.Update(msg)
	case screenVerify:
		m.verify, cmd = m.verify.Update(msg)
	}
	return m, cmd
}

// stopWork cancels the engine call in flight, if any.
func (m *model) stopWork() {
	if m.cancel != nil {
		m.cancel()
		m.jobCtx, m.cancel = nil, nil
	}
	m.job++
	if m.active() == screenCheck {
		m.check = m.check.stop()
	}
	m.result = m.result.stopWatch()
}

// newJob cancels what runs and starts a fresh context for a new call.
func (m *model) newJob() (context.Context, int) {
	m.stopWork()
	ctx, cancel := context.WithCancel(m.base)
	m.jobCtx, m.cancel = ctx, cancel
	return ctx, m.job
}

// back leaves the current step: the walker goes back a question first.
func (m model) back() (model, tea.Cmd) {
	m.stopWork()
	if m.active() == screenWalker {
		if w, ok := m.walker.back(); ok {
			m.walker = w
			return m, nil
		}
	}
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
	return m.layout(), m.enter()
}

// enter restarts what the newly active screen animates.
func (m model) enter() tea.Cmd {
	switch m.active() {
	case screenCheck:
		return m.check.focus()
	case screenExplain:
		return m.explain.focus()
	case screenVerify:
		return m.verify.focus()
	}
	return nil
}

// push shows a screen on top of the current one.
func (m model) push(s screen) model {
	m.stack = append(m.stack, s)
	return m.layout()
}

// replaceTop swaps the current screen for s.
func (m model) replaceTop(s screen) model {
	m.stack[len(m.stack)-1] = s
	return m.layout()
}

// switchLang flips between English and Chinese and remembers the choice.
func (m model) switchLang() (model, tea.Cmd) {
	m.lang = m.lang.Other()
	m.keys = newKeyMap(m.lang)
	m.home = m.home.relang(m.lang, m.keys.Home)
	m.walker = m.walker.relang(m.lang, m.keys.Walker)
	m.check = m.check.relang(m.lang, m.keys.Check)
	m.result = m.result.relang(m.lang, m.keys.Result)
	m.refusal = m.refusal.relang(m.lang, m.keys.Refusal)
	m.explain = m.explain.relang(m.lang, m.keys.Explain)
	m.lookup = m.lookup.relang(m.lang, m.keys.Lookup)
	m.verify = m.verify.relang(m.lang, m.keys.Verify)
	m.settings.Lang = string(m.lang)
	return m.layout(), saveSettings(m.d.settingsPath, m.settings)
}

// size is the usable terminal size: 80×24 until the terminal says.
func (m model) size() (int, int) {
	w, h := m.width, m.height
	if w <= 0 {
		w = defaultWidth
	}
	if h <= 0 {
		h = defaultHeight
	}
	return w, h
}

// bodySize is what is left for the active screen between header and
// footer.
func (m model) bodySize() (int, int) {
	w, h := m.size()
	return max(w, 1), max(h-2-lineCount(m.footer(w)), 1)
}

// layout tells every screen its size.
func (m model) layout() model {
	w, h := m.bodySize()
	m.home = m.home.setSize(w, h)
	m.walker = m.walker.setSize(w, h)
	m.check = m.check.setSize(w, h)
	m.result = m.result.setSize(w, h)
	m.refusal = m.refusal.setSize(w, h)
	m.explain = m.explain.setSize(w, h)
	m.lookup = m.lookup.setSize(w, h)
	m.verify = m.verify.setSize(w, h)
	return m
}

// View draws header, the active screen, and the footer with the keys
// that work here.
func (m model) View() string {
	w, _ := m.size()
	bw, bh := m.bodySize()
	var body string
	switch m.active() {
	case screenHome:
		body = m.home.View()
	case screenWalker:
		body = m.walker.View()
	case screenCheck:
		body = m.check.View()
	case screenResult:
		body = m.result.View()
	case screenRefusal:
		body = m.refusal.View()
	case screenExplain:
		body = m.explain.View()
	case screenLookup:
		body = m.lookup.View()
	case screenVerify:
		body = m.verify.View()
	}
	body = clip(body, bh)
	if pad := bh - lineCount(body); pad > 0 {
		body += strings.Repeat("\n", pad)
	}
	_ = bw
	return m.header(w) + "\n" + body + "\n" + m.footer(w)
}

// header is two lines: the app name and the screen, then a blank line,
// or the banner when it does not fit beside them.
func (m model) header(w int) string {
	st := m.d.st
	left := st.Title.Render("unstuck") + st.Subtle.Render(" · "+m.active().title(m.lang))
	if m.d.banner == "" {
		return truncate(left, w) + "\n"
	}
	banner := "[" + m.d.banner + "]"
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(banner) - 2
	if gap < 1 {
		return truncate(left, w) + "\n" + st.Banner.Render(truncate(banner, max(1, w-2)))
	}
	return left + strings.Repeat(" ", gap) + st.Banner.Render(banner) + "\n"
}

// footer is the notice line, if any, and the help for this screen. The
// short help wraps onto more lines rather than cut keys off.
func (m model) footer(w int) string {
	h := m.help
	h.Width = w
	keys := m.helpKeys()
	var out string
	if h.ShowAll {
		out = h.View(keys)
	} else {
		out = shortHelpLines(h, keys.ShortHelp(), w)
	}
	if m.notice != "" {
		out = m.d.st.Warn.Render(truncate("! "+m.notice, w)) + "\n" + out
	}
	return out
}

// shortHelpLines lays the enabled keys out as "key desc • key desc", as
// many to a line as fit in w columns, and starts a new line for the rest.
func shortHelpLines(h help.Model, keys []key.Binding, w int) string {
	h.Width = 0 // measured here; help would cut the line
	var lines []string
	var line []key.Binding
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		next := append(append([]key.Binding(nil), line...), k)
		if len(line) > 0 && ansi.StringWidth(h.ShortHelpView(next)) > w {
			lines = append(lines, h.ShortHelpView(line))
			next = []key.Binding{k}
		}
		line = next
	}
	if len(line) > 0 {
		lines = append(lines, h.ShortHelpView(line))
	}
	for i, l := range lines {
		lines[i] = truncate(l, w)
	}
	return strings.Join(lines, "\n")
}
