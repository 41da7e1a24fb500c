package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/diagnose/chains"
	"github.com/unstuck-dev/unstuck/guides"
)

// chainLine is what the endpoints of one chain said so far.
type chainLine struct {
	key   string
	id    uint64
	label string
	eps   map[string]string // endpoint → searching, found, absent, error
}

// state sums up a chain: found beats searching beats absent beats error.
func (l chainLine) state() string {
	seen := map[string]bool{}
	for _, s := range l.eps {
		seen[s] = true
	}
	for _, s := range []string{"found", "searching", "absent"} {
		if seen[s] {
			return s
		}
	}
	return "error"
}

// searchLines is the live search, one line per chain in registry order.
type searchLines struct {
	order  map[uint64]int
	lines  []chainLine
	byEndp map[string]string // endpoint → line key
}

func newSearchLines(reg *chains.Registry) searchLines {
	s := searchLines{order: map[uint64]int{}, byEndp: map[string]string{}}
	if reg != nil {
		for i, c := range reg.All() {
			s.order[c.ID] = i
		}
	}
	return s
}

// add records a progress event. A custom endpoint says its chain only when
// it answers, so lines are matched by endpoint first.
func (s searchLines) add(p diagnose.Progress) searchLines {
	if s.byEndp == nil {
		s = newSearchLines(nil)
	}
	k, ok := s.byEndp[p.Endpoint]
	if !ok {
		k = "endpoint " + p.Endpoint
		if p.ChainID != 0 {
			k = fmt.Sprintf("chain %d", p.ChainID)
		}
	}
	i := -1
	for j := range s.lines {
		if s.lines[j].key == k {
			i = j
		}
	}
	if i < 0 {
		s.lines = append(s.lines, chainLine{key: k, eps: map[string]string{}})
		i = len(s.lines) - 1
	}
	l := &s.lines[i]
	if p.ChainID != 0 {
		l.id = p.ChainID
	}
	switch {
	case p.Chain != "":
		l.label = clean(p.Chain)
	case l.label == "" && l.id != 0:
		l.label = fmt.Sprintf("chain %d", l.id)
	case l.label == "":
		l.label = clean(p.Endpoint)
	}
	l.eps[p.Endpoint] = p.State
	s.byEndp[p.Endpoint] = k
	sort.SliceStable(s.lines, func(a, b int) bool { return s.rank(s.lines[a]) < s.rank(s.lines[b]) })
	return s
}

func (s searchLines) rank(l chainLine) int {
	if r, ok := s.order[l.id]; ok {
		return r
	}
	return len(s.order)
}

func (s searchLines) anyFound() bool {
	for _, l := range s.lines {
		if l.state() == "found" {
			return true
		}
	}
	return false
}

// view draws the lines in as many columns as fit.
func (s searchLines) view(st Styles, lang guides.Lang, spin string, width, rows int) string {
	if len(s.lines) == 0 || rows < 1 {
		return ""
	}
	found := s.anyFound()
	cells := make([]string, len(s.lines))
	plain := make([]string, len(s.lines))
	labelW := 0
	for _, l := range s.lines {
		labelW = max(labelW, ansi.StringWidth(l.label))
	}
	labelW = min(labelW, 22)
	for i, l := range s.lines {
		glyph, word, style := lineLook(st, lang, l.state(), found, spin)
		label := truncate(l.label, labelW)
		label += strings.Repeat(" ", labelW-ansi.StringWidth(label))
		plain[i] = glyph + " " + label + " " + word
		cells[i] = style.Render(glyph) + " " + st.Text.Render(label) + " " + style.Render(word)
	}
	cellW := 0
	for _, p := range plain {
		cellW = max(cellW, ansi.StringWidth(p))
	}
	cols := max(1, (width+2)/(cellW+2))
	perCol := (len(cells) + cols - 1) / cols
	if perCol > rows {
		perCol = rows
	}
	var b strings.Builder
	for r := 0; r < perCol; r++ {
		for c := 0; c < cols; c++ {
			i := c*perCol + r
			if i >= len(cells) {
				break
			}
			if c > 0 {
				b.WriteString("  ")
			}
			cell := cells[i]
			if c < cols-1 && i+perCol < len(cells) {
				cell += strings.Repeat(" ", cellW-ansi.StringWidth(plain[i]))
			}
			b.WriteString(cell)
		}
		if r < perCol-1 {
			b.WriteByte('\n')
		}
	}
	if hidden := len(cells) - perCol*cols; hidden > 0 {
		b.WriteString("\n" + st.Subtle.Render(fmt.Sprintf(lang.Pick("… and %d more", "……还有 %d 条"), hidden)))
	}
	return b.String()
}

// lineLook is the glyph, word and style of a chain's state.
func lineLook(st Styles, lang guides.Lang, state string, found bool, spin string) (string, string, lipgloss.Style) {
	switch {
	case state == "found":
		return "✓", lang.Pick("found", "找到"), st.OK
	case state == "absent":
		return "–", lang.Pick("absent", "没有"), st.Subtle
	case found:
		return "·", lang.Pick("stopped", "已停止"), st.Subtle
	case state == "searching":
		return spin, lang.Pick("searching", "查询中"), st.Warn
	}
	return "✗", lang.Pick("endpoint error", "节点出错"), st.Fail
}

// View draws the prompt, the field and the search. On a short terminal
// the title (the header names the screen too), a blank line and the
// examples' heading give their lines to the list below, so that a few
// examples or chains still show.
func (m checkModel) View() string {
	st, w := m.d.st, m.width
	if m.held != nil {
		return st.Title.Render(truncate(m.title(), w)) + "\n" + m.heldView()
	}
	prompt := paint(st.Text, wrap(m.prompt(), w))
	field := m.input.View()
	if m.err != "" {
		field += "\n" + paint(st.Fail, indent("✗ "+m.err, "", w))
	}
	listed := max(len(m.examples.items), len(m.lines.lines))
	want := 1 + min(listed, 2) + 1 // heading, a couple of rows, the "n/m" line
	compact := listed > 0 && 1+lineCount(prompt)+1+lineCount(field)+1+want > m.height
	var b strings.Builder
	if !compact {
		b.WriteString(st.Title.Render(truncate(m.title(), w)) + "\n")
	}
	b.WriteString(prompt + "\n")
	if !compact {
		b.WriteString("\n")
	}
	b.WriteString(field + "\n\n")
	room := m.height - lineCount(strings.TrimSuffix(b.String(), "\n")) // lines left below the blank
	switch {
	case m.running && m.kind != checkTx:
		b.WriteString(st.Warn.Render(m.spin.View()) + " " + st.Text.Render(m.lang.Pick("Asking the public nodes…", "正在询问公共节点……")))
	case m.running || len(m.lines.lines) > 0:
		b.WriteString(st.Subtle.Render(m.lang.Pick("Looking on every network at once:", "同时在所有网络上查找：")) + "\n")
		b.WriteString(m.lines.view(st, m.lang, m.spin.View(), w, room-2))
	case len(m.examples.items) > 0:
		if !compact {
			b.WriteString(st.Subtle.Render(m.lang.Pick("Examples (↑/↓ to pick one):", "示例（用 ↑/↓ 选择）：")) + "\n")
			room--
		}
		if len(m.examples.items) > room {
			room-- // the "n/m" line
		}
		b.WriteString(m.examples.view(st, w, room))
	}
	return b.String()
}

func (m checkModel) title() string {
	switch m.kind {
	case checkAccount:
		return m.lang.Pick("Check a public address", "查询一个公开地址")
	case checkEndpoint:
		return m.lang.Pick("Check an RPC endpoint", "检查一个 RPC 节点")
	}
	return m.lang.Pick("Check a transaction", "查询一笔交易")
}

// prompt is the guide's prompt, or the default one.
func (m checkModel) prompt() string {
	if m.node != nil {
		if p := oneLine(m.node.Prompt.Get(m.lang)); p != "" {
			return p
		}
	}
	return m.lang.Pick(
		"Paste the transaction hash (0x followed by 64 characters) or the block explorer link. Never paste your recovery phrase or private key.",
		"粘贴交易哈希（0x 开头，后面 64 个字符）或区块浏览器链接。千万不要粘贴助记词或私钥。")
}
