package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/unstuck-dev/unstuck/guides"
)

// menuItem is one choice: what it says, an optional subtle hint after it,
// and what it leads to.
type menuItem struct {
	label string
	hint  string
	to    string
	crumb guides.Text // what the breadcrumb says once it is chosen
}

// menu is a one-line-per-item list with a cursor. It scrolls by item when
// there are more items than rows.
type menu struct {
	items    []menuItem
	cursor   int
	numbered bool
}

func newMenu(items []menuItem, numbered bool) menu {
	return menu{items: items, numbered: numbered}
}

func (m menu) up() menu {
	if m.cursor > 0 {
		m.cursor--
	}
	return m
}

func (m menu) down() menu {
	if m.cursor < len(m.items)-1 {
		m.cursor++
	}
	return m
}

// selected is the item under the cursor.
func (m menu) selected() (menuItem, bool) {
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return menuItem{}, false
	}
	return m.items[m.cursor], true
}

// pick is the item numbered n (1-based).
func (m menu) pick(n int) (menuItem, bool) {
	if n < 1 || n > len(m.items) {
		return menuItem{}, false
	}
	return m.items[n-1], true
}

// view draws at most rows items within width columns. The item under the
// cursor is marked with ">" as well as styled, so it reads without colour.
func (m menu) view(st Styles, width, rows int) string {
	if len(m.items) == 0 || rows < 1 {
		return ""
	}
	first := 0
	if len(m.items) > rows {
		first = min(max(0, m.cursor-rows/2), len(m.items)-rows)
	}
	last := min(len(m.items), first+rows)
	// Hints line up after the longest label shown, when that fits.
	labelW := 0
	for i := first; i < last; i++ {
		labelW = max(labelW, ansi.StringWidth(m.items[i].label))
	}
	labelW = min(labelW, width*2/3)
	var b strings.Builder
	for i := first; i < last; i++ {
		it := m.items[i]
		mark := "  "
		if i == m.cursor {
			mark = "> "
		}
		num := ""
		if m.numbered {
			num = fmt.Sprintf("%d. ", i+1)
		}
		line := truncate(mark+num+it.label, width)
		if i == m.cursor {
			line = st.Selected.Render(line)
		} else {
			line = st.Text.Render(line)
		}
		if it.hint != "" {
			pad := max(0, labelW-ansi.StringWidth(it.label))
			room := width - ansi.StringWidth(mark+num+it.label) - pad - 2
			if room > 3 {
				line += strings.Repeat(" ", pad) + "  " + st.Subtle.Render(truncate(it.hint, room))
			}
		}
		if i > first {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	if first > 0 || last < len(m.items) {
		more := "↑↓"
		switch {
		case first == 0:
			more = "↓"
		case last == len(m.items):
			more = "↑"
		}
		b.WriteString("\n" + st.Subtle.Render(truncate(fmt.Sprintf("  %d/%d %s", max(1, m.cursor+1), len(m.items), more), width)))
	}
	return b.String()
}

// height is how many lines view takes for rows.
func (m menu) height(rows int) int {
	if len(m.items) == 0 || rows < 1 {
		return 0
	}
	if len(m.items) > rows {
		return rows + 1
	}
	return len(m.items)
}
