package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// lookupModel shows an account or endpoint check and where the guide goes
// from there.
type lookupModel struct {
	d      *deps
	lang   guides.Lang
	keys   LookupKeys
	acct   *diagnose.AccountReport
	ep     *diagnose.EndpointReport
	err    error
	origin *guides.Node
	steps  menu
	vp     viewport.Model
	width  int
	height int
}

func newLookup(d *deps, lang guides.Lang, keys LookupKeys, acct *diagnose.AccountReport, ep *diagnose.EndpointReport, err error, origin *guides.Node) lookupModel {
	m := lookupModel{d: d, lang: lang, keys: keys, acct: acct, ep: ep, err: err, origin: origin, vp: viewport.New(0, 0)}
	return m.rebuild()
}

func (m lookupModel) relang(lang guides.Lang, keys LookupKeys) lookupModel {
	m.lang, m.keys = lang, keys
	return m.rebuild()
}

func (m lookupModel) setSize(w, h int) lookupModel {
	m.width, m.height = w, h
	return m.rebuild()
}

// outcome is the status and finding codes the guide routes on.
func (m lookupModel) outcome() (string, []string) {
	var codes []string
	switch {
	case m.acct != nil:
		for _, f := range m.acct.Findings {
			codes = append(codes, string(f.Code))
		}
		if m.err != nil || !m.acct.HasAnswer() {
			return string(diagnose.StatusUnknown), codes
		}
		return guides.StatusOK, codes
	case m.ep != nil:
		if m.ep.ChainMatches != nil && !*m.ep.ChainMatches {
			codes = append(codes, string(diagnose.CodeWrongChain))
		}
		if m.ep.Reachable && !m.ep.OK {
			codes = append(codes, string(diagnose.CodeRPCDegraded))
		}
		if m.ep.OK {
			return guides.StatusOK, codes
		}
	}
	return string(diagnose.StatusUnknown), codes
}

func (m lookupModel) rebuild() lookupModel {
	if m.acct == nil && m.ep == nil {
		return m
	}
	var items []menuItem
	if m.origin != nil {
		status, codes := m.outcome()
		if next, ok := m.d.lib.Route(m.origin.ID, status, codes); ok {
			if n, ok := m.d.lib.Node(next); ok {
				items = append(items, menuItem{label: m.lang.Pick("Continue: ", "继续：") + oneLine(n.Heading(m.lang)), to: next})
			}
		}
	}
	m.steps = newMenu(items, true)
	m.vp.Width = m.width
	m.vp.Height = max(1, m.height-2-m.steps.height(maxStepRows)-2)
	m.vp.SetContent(m.body())
	m.vp.SetYOffset(m.vp.YOffset) // after a resize, no scrolling past the end
	return m
}

// Update scrolls and continues the guide.
func (m lookupModel) Update(msg tea.Msg) (lookupModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.steps = m.steps.up()
	case key.Matches(k, m.keys.Down):
		m.steps = m.steps.down()
	case key.Matches(k, m.keys.PageUp):
		m.vp.PageUp()
	case key.Matches(k, m.keys.PageDown):
		m.vp.PageDown()
	case key.Matches(k, m.keys.Open):
		if it, ok := m.steps.selected(); ok {
			status, _ := m.outcome()
			return m, emit(openNodeMsg{id: it.to, crumb: both("checked: "+status, "已检查："+status)})
		}
	}
	return m, nil
}

// View draws the headline, the details and the way on.
func (m lookupModel) View() string {
	if m.acct == nil && m.ep == nil {
		return ""
	}
	st, w := m.d.st, max(m.width, 1)
	status, codes := m.outcome()
	glyph, head := "✓", m.lang.Pick("checked: nothing wrong found", "已检查：没有发现问题")
	switch {
	case status != guides.StatusOK && len(codes) == 0:
		glyph, head = "?", m.lang.Pick("no clear answer", "没有得到明确结果")
	case status != guides.StatusOK || len(codes) > 0:
		glyph, head = "!", m.lang.Pick("checked: something needs your attention", "已检查：有需要注意的地方")
	}
	out := st.status(glyph).Render(truncate(glyph+" "+head, w))
	out += "\n" + m.vp.View()
	if len(m.steps.items) > 0 {
		out += "\n\n" + st.Subtle.Render(m.lang.Pick("Next steps:", "下一步：")) + "\n" + m.steps.view(st, w, maxStepRows)
	}
	return out
}

// body is the account's chains or the endpoint's health.
func (m lookupModel) body() string {
	st, w := m.d.st, max(m.width, minWidth)
	var b strings.Builder
	if m.err != nil {
		b.WriteString(paint(st.Fail, wrap("✗ "+errText(m.err, m.lang), w)) + "\n")
	}
	switch {
	case m.acct != nil:
		b.WriteString(m.accountBody(st, w))
	case m.ep != nil:
		b.WriteString(m.endpointBody(st, w))
	}
	return b.String()
}

func (m lookupModel) accountBody(st Styles, w int) string {
	a := m.acct
	var rows [][2]string
	rows = append(rows, [2]string{m.lang.Pick("address", "地址"), a.Address})
	var quiet []string
	for _, c := range a.Chains {
		if !c.Active {
			quiet = append(quiet, clean(c.Chain))
			continue
		}
		v := fmt.Sprintf(m.lang.Pick("nonce %d · %s %s", "nonce %d · %s %s"), c.LatestNonce, c.Balance, coinOr(c.Symbol, m.lang))
		if c.Waiting > 0 {
			v += fmt.Sprintf(m.lang.Pick(" · %d waiting", " · %d 笔等待中"), c.Waiting)
		}
		if c.IsContract {
			v += m.lang.Pick(" · contract", " · 合约")
		}
		if c.Delegate != "" {
			v += m.lang.Pick(" · ! delegated to ", " · ! 已委托给 ") + c.Delegate
		}
		rows = append(rows, [2]string{c.Chain, v})
	}
	rows = append(rows, diagnose.FamilyAccountRows(a, string(m.lang))...)
	out := numbersView(st, rows, w)
	if len(quiet) > 0 {
		out += "\n\n" + paint(st.Subtle, wrap(m.lang.Pick("No activity on: ", "没有活动：")+strings.Join(quiet, ", "), w))
	}
	for _, f := range a.Findings {
		title, _ := localizedFinding(f, m.lang)
		out += "\n\n" + bullet(st.Warn.Render(diagnose.SeverityGlyph(f.Severity)), st.Text.Render, title+"  ["+string(f.Code)+"]", w)
	}
	return out
}

func (m lookupModel) endpointBody(st Styles, w int) string {
	e := m.ep
	rows := [][2]string{{m.lang.Pick("endpoint", "节点"), e.Endpoint}}
	if e.Reachable {
		rows = append(rows, [2]string{m.lang.Pick("network", "网络"), fmt.Sprintf("%s (%d)", clean(e.Chain), e.ChainID)})
		rows = append(rows, [2]string{m.lang.Pick("latest block", "最新区块"), fmt.Sprint(e.Head)})
		if e.BlocksBehind != nil {
			rows = append(rows, [2]string{m.lang.Pick("public nodes", "公共节点"),
				fmt.Sprintf(m.lang.Pick("%d (%d blocks behind)", "%d（落后 %d 个区块）"), e.ReferenceHead, *e.BlocksBehind)})
		}
		rows = append(rows, [2]string{m.lang.Pick("latency", "延迟"), fmt.Sprintf("%d ms", e.LatencyMS)})
	}
	out := numbersView(st, rows, w)
	for _, f := range e.Findings {
		title, detail := localizedFinding(f, m.lang)
		mark := st.Fail.Render(diagnose.SeverityGlyph(f.Severity))
		out += "\n" + bullet(mark, st.Text.Render, title+m.lang.Pick(": ", "：")+detail, w)
	}
	switch {
	case e.OK && e.FreshnessChecked:
		out += "\n" + st.OK.Render(m.lang.Pick("✓ answers, serves the network it claims, and is up to date", "✓ 能应答、链正确、数据是最新的"))
	case e.OK:
		out += "\n" + st.OK.Render(m.lang.Pick("✓ answers and serves the network it claims (freshness not checked: no public endpoint to compare with)",
			"✓ 能应答、链正确（未检查是否最新：没有可比较的公共节点）"))
	}
	return out
}

// localizedFinding renders a finding of an account report in lang.
func localizedFinding(f diagnose.Finding, lang guides.Lang) (string, string) {
	rep := &diagnose.Report{Findings: []diagnose.Finding{f}}
	diagnose.Localize(rep, string(lang))
	return clean(rep.Findings[0].Title), clean(rep.Findings[0].Detail)
}

// ShortHelp lists the lookup's keys.
func (m lookupModel) ShortHelp() []key.Binding {
	more := m.vp.TotalLineCount() > m.vp.Height
	steps := len(m.steps.items) > 0
	return []key.Binding{enable(m.keys.Open, steps), enable(m.keys.PageDown, more)}
}

// FullHelp lists the lookup's keys in one column.
func (m lookupModel) FullHelp() [][]key.Binding {
	more := m.vp.TotalLineCount() > m.vp.Height
	steps := len(m.steps.items) > 0
	return [][]key.Binding{{enable(m.keys.Up, steps), enable(m.keys.Down, steps), enable(m.keys.Open, steps),
		enable(m.keys.PageUp, more), enable(m.keys.PageDown, more)}}
}
