package tui

import (
	"strings"

	"github.com/unstuck-dev/unstuck/guides"
)

// View draws the breadcrumb and the current node.
func (m walkerModel) View() string {
	n, ok := m.node()
	if !ok {
		return ""
	}
	st, w := m.d.st, m.width
	var b strings.Builder
	b.WriteString(st.Subtle.Render(m.breadcrumb(w)))
	b.WriteString("\n\n")
	switch n.Kind {
	case guides.KindAnswer:
		b.WriteString(st.Title.Render(truncate(oneLine(n.Title.Get(m.lang)), w)))
		b.WriteString("\n")
		b.WriteString(m.vp.View())
		if len(m.opts.items) > 0 {
			b.WriteString("\n\n" + st.Subtle.Render(m.lang.Pick("See also (press its number):", "另见（按编号打开）：")) + "\n")
			b.WriteString(m.opts.view(st, w, maxRelatedRows))
		}
	case guides.KindCheck:
		text := wrap(oneLine(n.Fill(m.lang, m.vals)), w)
		b.WriteString(paint(st.Title, text))
		b.WriteString("\n\n")
		b.WriteString(m.opts.view(st, w, max(1, m.height-lineCount(text)-3)))
	default:
		text := wrap(oneLine(n.Fill(m.lang, m.vals)), w)
		b.WriteString(paint(st.Title, text))
		b.WriteString("\n\n")
		b.WriteString(m.opts.view(st, w, max(1, m.height-lineCount(text)-3)))
	}
	return b.String()
}

// breadcrumb is the answers so far, the most recent kept when it is too
// long for the width.
func (m walkerModel) breadcrumb(w int) string {
	parts := make([]string, 0, len(m.steps))
	for _, s := range m.steps {
		if c := oneLine(s.crumb.Get(m.lang)); c != "" {
			parts = append(parts, c)
		}
	}
	return truncateLeft(strings.Join(parts, " › "), w)
}
