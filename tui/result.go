package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// editKind is the inline field open on the result screen.
type editKind int

const (
	editNone editKind = iota
	editTarget
	editSave
)

// maxStepRows is how many next steps show at once.
const maxStepRows = 4

// resultModel shows a diagnosis: the verdict, the key numbers, what they
// mean, and next steps that open the matching guide nodes. It can watch
// the transaction, save the report, copy the hash, or check another.
type resultModel struct {
	d      *deps
	lang   guides.Lang
	keys   ResultKeys
	rep    *diagnose.Report
	err    error
	q      diagnose.Query
	origin *guides.Node // the walker's check node, or nil
	steps  menu
	vp     viewport.Model

	watching   bool
	watchCount int
	watchErr   string
	target     uint64
	spin       spinner.Model

	edit   editKind
	input  textinput.Model
	status string
	failed bool // status is an error
	unsure bool // status is a warning: it may or may not have worked

	width, height int
}

func newResult(d *deps, lang guides.Lang, keys ResultKeys, rep *diagnose.Report, err error, q diagnose.Query, origin *guides.Node, target uint64) resultModel {
	m := resultModel{d: d, lang: lang, keys: keys, rep: rep, err: err, q: q, origin: origin, target: target}
	m.vp = viewport.New(0, 0)
	m.spin = spinner.New(spinner.WithSpinner(spinner.Line), spinner.WithStyle(d.st.Warn))
	diagnose.Localize(rep, string(lang))
	return m.rebuild()
}

func (m resultModel) relang(lang guides.Lang, keys ResultKeys) resultModel {
	m.lang, m.keys = lang, keys
	if m.rep != nil {
		diagnose.Localize(m.rep, string(lang))
	}
	return m.rebuild()
}

func (m resultModel) setSize(w, h int) resultModel {
	m.width, m.height = w, h
	return m.rebuild()
}

func (m resultModel) setTarget(t uint64) resultModel {
	m.target = t
	m.edit = editNone
	m.status, m.failed = fmt.Sprintf(m.lang.Pick("confirmations target set to %d", "确认数目标已设为 %d"), t), false
	return m.rebuild()
}

func (m resultModel) editing() bool { return m.rep != nil && m.edit != editNone }

// rebuild recomputes the next steps and the scrolling part.
func (m resultModel) rebuild() resultModel {
	if m.rep == nil {
		return m
	}
	cursor := m.steps.cursor
	m.steps = newMenu(m.nextSteps(), true)
	m.steps.cursor = min(cursor, max(0, len(m.steps.items)-1))
	m.vp.Width = m.width
	m.vp.SetContent(m.body())
	// The scroll line below depends on the height it sets: twice settles it.
	m.vp.Height = max(1, m.height-m.chromeHeight())
	m.vp.Height = max(1, m.height-m.chromeHeight())
	m.vp.SetYOffset(m.vp.YOffset) // a bigger window may need less scrolling, or none
	return m
}

// nextSteps: first where the guide goes on from its check, then the guide
// node of each finding.
func (m resultModel) nextSteps() []menuItem {
	var items []menuItem
	seen := map[string]bool{}
	codes := findingCodes(m.rep)
	origin := m.origin
	if origin == nil {
		origin = m.d.txCheck
	}
	if origin != nil {
		if next, ok := m.d.lib.Route(origin.ID, string(m.rep.Status), codes); ok {
			if n, ok := m.d.lib.Node(next); ok {
				hint := ""
				for _, c := range codes {
					if origin.Routes.Findings[c] == next {
						hint = c
						break
					}
				}
				items = append(items, menuItem{label: m.lang.Pick("Continue: ", "继续：") + oneLine(n.Heading(m.lang)), hint: hint, to: next})
				seen[next] = true
			}
		}
	}
	for _, f := range m.rep.Findings {
		if f.Guide == "" || seen[f.Guide] || !actionable(f) {
			continue
		}
		if n, ok := m.d.lib.Node(f.Guide); ok {
			items = append(items, menuItem{label: oneLine(n.Heading(m.lang)), hint: string(f.Code), to: f.Guide})
			seen[f.Guide] = true
		}
	}
	if _, ok := m.d.lib.Node(supportMessageGuide); ok && !seen[supportMessageGuide] {
		items = append(items, menuItem{label: m.lang.Pick("Write a message for support", "写一条发给客服的消息"), to: supportMessageGuide})
	}
	return items
}

// findingCodes are the codes the guides route on: the actionable ones.
func findingCodes(rep *diagnose.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		if actionable(f) {
			out = append(out, string(f.Code))
		}
	}
	return out
}

// actionable: a finding a next step can act on. An info-level
// rpc_degraded only says what a verdict rests on (a relay floor assumed,
// a follow-up answered by another endpoint); offering "the network's
// server is down" for it would send the user the wrong way.
func actionable(f diagnose.Finding) bool {
	return f.Code != diagnose.CodeRPCDegraded || f.Severity != diagnose.SevInfo
}

// values fill the guides' placeholders with this report's numbers.
func (m resultModel) values() map[string]string {
	vals := map[string]string{}
	if m.rep == nil {
		return vals
	}
	for _, f := range m.rep.Findings {
		for k, v := range f.Data {
			if _, ok := vals[k]; !ok {
				vals[k] = clean(v)
			}
		}
	}
	if c := m.rep.Chain; c != nil {
		vals["chain"], vals["explorer_url"], vals["symbol"] = clean(c.Name), clean(c.ExplorerTxURL), clean(c.Symbol)
	}
	if m.rep.Tx != nil {
		vals["nonce"] = fmt.Sprint(m.rep.Tx.Nonce)
	}
	if m.rep.Status == diagnose.StatusSuccess || m.rep.Status == diagnose.StatusFailed {
		vals["confirmations"] = fmt.Sprint(m.rep.Confirmations)
	}
	vals["support_message"] = supportMessage(m.lang, m.rep)
	return vals
}

// showBar says whether the confirmations bar is drawn.
func (m resultModel) showBar() bool {
	return m.watching || m.rep.Status == diagnose.StatusSuccess
}

// watchable says whether watching can tell the user anything more.
func (m resultModel) watchable() bool {
	switch m.rep.Status {
	case diagnose.StatusPending, diagnose.StatusNotFound:
		return true
	case diagnose.StatusSuccess:
		return m.rep.Confirmations < m.target
	}
	return false
}

// watchOptions narrows a watch to the chain the transaction is on.
func (m resultModel) watchOptions() diagnose.CheckOptions {
	opt := diagnose.CheckOptions{Chain: m.q.ChainHint}
	if m.rep != nil && m.rep.Chain != nil {
		opt.Only, opt.Chain = m.rep.Chain.ID, m.rep.Chain.ID
	}
	return opt
}

func (m resultModel) startWatch() resultModel {
	m.watching, m.watchErr, m.status = true, "", ""
	return m.rebuild()
}

func (m resultModel) stopWatch() resultModel {
	if !m.watching {
		return m
	}
	m.watching = false
	return m.rebuild()
}

// update takes a watch's new report. Watching stops once the transaction
// reached the target, failed, or was replaced or dropped.
func (m resultModel) update(rep *diagnose.Report, err error) resultModel {
	m.watchCount++
	if rep == nil || (err != nil && rep.Status == diagnose.StatusUnknown) {
		if err != nil {
			m.watchErr = errText(err, m.lang)
		}
		return m.rebuild()
	}
	m.watchErr = ""
	diagnose.Localize(rep, string(m.lang))
	m.rep, m.err = rep, err
	switch rep.Status {
	case diagnose.StatusSuccess:
		if rep.Confirmations >= m.target {
			m.watching = false
			m.status, m.failed = fmt.Sprintf(m.lang.Pick("✓ reached %d confirmations", "✓ 已达到 %d 个确认"), rep.Confirmations), false
		}
	case diagnose.StatusFailed, diagnose.StatusReplaced, diagnose.StatusDropped:
		m.watching = false
		m.status, m.failed = diagnose.Glyph(rep.Status)+" "+diagnose.StatusWord(rep.Status, string(m.lang)), rep.Status == diagnose.StatusFailed
	}
	return m.rebuild()
}

// markdown is the report to save.
func (m resultModel) markdown() string { return diagnose.Markdown(m.rep, string(m.lang)) }

// defaultSavePath is where a report is saved unless the user says.
func (m resultModel) defaultSavePath() string {
	name := "unstuck-report.md"
	if h := m.q.Raw; len(h) >= 10 {
		name = "unstuck-" + strings.ToLower(h[:10]) + ".md"
	}
	if m.d.saveDir != "" {
		return filepath.Join(m.d.saveDir, name)
	}
	return name
}
