package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// View draws the verdict on top, the numbers and findings in a scrolling
// area, and the watch line, next steps and any inline field below.
func (m resultModel) View() string {
	if m.rep == nil {
		return ""
	}
	return m.top() + "\n" + m.vp.View() + "\n" + m.bottom()
}

// chromeHeight is the number of lines outside the scrolling area.
func (m resultModel) chromeHeight() int {
	return lineCount(m.top()) + lineCount(m.bottom())
}

// top is the headline (glyph and word: readable without colour) and the
// reason when no node could answer.
func (m resultModel) top() string {
	st, w := m.d.st, max(m.width, 1)
	g := diagnose.Glyph(m.rep.Status)
	out := paint(st.status(g), wrap(diagnose.Headline(m.rep, string(m.lang)), w))
	if m.err != nil {
		out += "\n" + paint(st.Fail, wrap("✗ "+errText(m.err, m.lang), w))
	}
	return out + "\n"
}

// bottom is the watch line, the next steps and the inline field or status.
func (m resultModel) bottom() string {
	st, w := m.d.st, max(m.width, 1)
	var b strings.Builder
	if m.showBar() {
		b.WriteString("\n" + m.watchLine(w))
	}
	scroll := ""
	if m.vp.TotalLineCount() > m.vp.Height {
		scroll = fmt.Sprintf(m.lang.Pick("(scroll: pgup/pgdn, %d%%)", "（滚动：pgup/pgdn，%d%%）"), int(m.vp.ScrollPercent()*100))
	}
	switch {
	case len(m.steps.items) > 0:
		head := m.lang.Pick("Next steps:", "下一步：")
		if scroll != "" {
			head += "   " + scroll
		}
		b.WriteString("\n" + st.Subtle.Render(truncate(head, w)) + "\n")
		b.WriteString(m.steps.view(st, w, maxStepRows))
	case scroll != "":
		b.WriteString("\n" + st.Subtle.Render(truncate(scroll, w)))
	}
	switch m.edit {
	case editTarget:
		b.WriteString("\n" + st.Text.Render(m.lang.Pick("Confirmations target (your exchange's): ", "确认数目标（交易所要求的）：")) + m.input.View())
	case editSave:
		b.WriteString("\n" + st.Text.Render(m.lang.Pick("Save report as: ", "报告保存为：")) + m.input.View())
	}
	if m.status != "" {
		style := st.OK
		switch {
		case m.failed:
			style = st.Fail
		case m.unsure:
			style = st.Warn
		}
		b.WriteString("\n" + paint(style, wrap(m.status, w))) // a saved file's path, whole
	}
	return b.String()
}

// watchLine is the confirmations bar, and while watching a spinner and
// how many times it looked.
func (m resultModel) watchLine(w int) string {
	st := m.d.st
	conf := m.rep.Confirmations
	if m.rep.Status != diagnose.StatusSuccess && m.rep.Status != diagnose.StatusFailed {
		conf = 0
	}
	pct := 1.0
	if m.target > 0 {
		pct = min(1, float64(conf)/float64(m.target))
	}
	label := fmt.Sprintf(m.lang.Pick("%d/%d confirmations", "%d/%d 个确认"), conf, m.target)
	prefix := ""
	if m.watching {
		prefix = m.spin.View() + " " + fmt.Sprintf(m.lang.Pick("watching (check %d)", "关注中（第 %d 次）"), m.watchCount+1) + " "
	}
	barW := max(5, min(30, w-ansi.StringWidth(prefix+label)-2))
	line := prefix + progressBar(st, pct, barW) + " " + label
	if m.watchErr != "" {
		line += "  " + st.Warn.Render("! "+m.watchErr)
	}
	return truncate(line, w)
}

// body is the scrolling part: key numbers, findings, what was searched.
func (m resultModel) body() string {
	st, w := m.d.st, max(m.width, minWidth)
	var b strings.Builder
	if len(m.rep.Findings) > 0 {
		b.WriteString(st.Title.Render(m.lang.Pick("What this means", "这意味着什么")) + "\n")
	}
	for _, f := range m.rep.Findings {
		g := diagnose.SeverityGlyph(f.Severity)
		style := st.Subtle
		switch f.Severity {
		case diagnose.SevError:
			style = st.Fail
		case diagnose.SevWarn:
			style = st.Warn
		}
		b.WriteString(bullet(style.Render(g), st.Text.Render, clean(f.Title)+"  ["+string(f.Code)+"]", w) + "\n")
		if d := clean(f.Detail); d != "" {
			b.WriteString(paint(st.Text, indent(d, "  ", w)) + "\n")
		}
		b.WriteString("\n")
	}
	if rows := diagnose.KeyNumbers(m.rep, string(m.lang)); len(rows) > 0 {
		b.WriteString(st.Title.Render(m.lang.Pick("Key numbers", "关键数字")) + "\n")
		b.WriteString(numbersView(st, rows, w) + "\n\n")
	}
	b.WriteString(paint(st.Subtle, wrap(searchedSummary(m.rep, m.lang), w)))
	return b.String()
}

// numbersView lines up label/value rows; long values wrap under
// themselves, links are marked. A hash or link too wide for the value
// column starts on its own line instead, from the left edge, so that it is
// never broken (copying it gets it whole) when the terminal is wide enough.
func numbersView(st Styles, rows [][2]string, w int) string {
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, ansi.StringWidth(r[0]))
	}
	labelW = min(labelW, 24)
	valW := max(10, w-labelW-4)
	var b strings.Builder
	for i, r := range rows {
		label := truncate(clean(r[0]), labelW)
		label += strings.Repeat(" ", labelW-ansi.StringWidth(label))
		v := clean(r[1])
		style := st.Text
		if strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") {
			style = st.Link
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		if vw := ansi.StringWidth(v); vw > valW && !strings.ContainsAny(v, " \t") {
			b.WriteString("  " + st.Label.Render(strings.TrimRight(label, " ")))
			for _, l := range strings.Split(wrap(v, max(minWidth, w-2)), "\n") {
				b.WriteString("\n  " + style.Render(l))
			}
			continue
		}
		lines := strings.Split(wrap(v, valW), "\n")
		b.WriteString("  " + st.Label.Render(label) + "  " + style.Render(lines[0]))
		for _, l := range lines[1:] {
			b.WriteString("\n" + strings.Repeat(" ", labelW+4) + style.Render(l))
		}
	}
	return b.String()
}

// searchedSummary says how many networks and endpoints were asked.
func searchedSummary(rep *diagnose.Report, lang guides.Lang) string {
	chainsSeen := map[uint64]bool{}
	n := map[string]int{}
	for _, s := range rep.Searched {
		chainsSeen[s.ChainID] = true
		if s.Fault == "cancelled" {
			continue
		}
		n[s.Result]++
	}
	return fmt.Sprintf(lang.Pick("Asked %d network(s), %d endpoint(s): %d found, %d absent, %d errors.",
		"共询问 %d 条链、%d 个节点：找到 %d，没有 %d，出错 %d。"),
		len(chainsSeen), len(rep.Searched), n["found"], n["absent"], n["error"])
}

// progressBar draws a bar of width cells, pct (0–1) of it filled.
func progressBar(st Styles, pct float64, width int) string {
	filled := min(width, max(0, int(pct*float64(width)+0.5)))
	return st.OK.Render(strings.Repeat("█", filled)) + st.Subtle.Render(strings.Repeat("░", width-filled))
}
