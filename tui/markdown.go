package tui

import (
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// markdown renders guide answers with glamour, keeping one renderer per
// width and the output per (text, width): rendering is slow enough to
// notice on every keystroke.
type markdown struct {
	profile   termenv.Profile
	style     string
	renderers map[int]*glamour.TermRenderer
	cache     map[mdKey]string
}

type mdKey struct {
	src   string
	width int
}

// unwrapped is the line width glamour lays out at: wide enough to never
// wrap a guide's paragraph.
const unwrapped = 4000

// maxMarkdownCache bounds the cache; guides have a few hundred nodes.
const maxMarkdownCache = 512

// newMarkdown picks glamour's style for the output: no escape codes at all
// when the output has no colour (NO_COLOR, pipes), else dark or light.
func newMarkdown(st Styles) *markdown {
	style := "notty"
	if st.Profile != termenv.Ascii {
		style = "light"
		if st.Dark {
			style = "dark"
		}
	}
	return &markdown{profile: st.Profile, style: style, renderers: map[int]*glamour.TermRenderer{}, cache: map[mdKey]string{}}
}

// render turns Markdown into terminal text width columns wide. If glamour
// fails it falls back to the source, wrapped.
func (md *markdown) render(src string, width int) string {
	if width < minWidth {
		width = minWidth
	}
	k := mdKey{src, width}
	if out, ok := md.cache[k]; ok {
		return out
	}
	r, ok := md.renderers[0]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(
			glamour.WithStandardStyle(md.style),
			glamour.WithColorProfile(md.profile),
			// glamour wraps at spaces only; Chinese has none. It lays
			// out unwrapped and fitLine wraps, keeping indentation.
			glamour.WithWordWrap(unwrapped),
		)
		if err != nil {
			return wrap(src, width)
		}
		md.renderers[0] = r
	}
	out, err := r.Render(src)
	if err != nil {
		return wrap(src, width)
	}
	var lines []string
	for _, l := range strings.Split(strings.Trim(out, "\n"), "\n") {
		lines = append(lines, fitLine(strings.TrimRight(l, " "), width)...)
	}
	out = strings.Join(lines, "\n")
	if len(md.cache) >= maxMarkdownCache {
		clear(md.cache)
	}
	md.cache[k] = out
	return out
}

// fitLine wraps a rendered line that is still wider than width: glamour
// wraps at spaces, and Chinese text has none. Continuation lines keep the
// line's indentation.
func fitLine(line string, width int) []string {
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	rest := strings.TrimLeft(line, " ")
	ind := len(line) - len(rest)
	if ind > width/2 {
		ind = 0
		rest = line
	}
	var out []string
	if strings.ContainsRune(rest, 0x1b) {
		out = strings.Split(ansi.Wrap(rest, width-ind, ""), "\n")
	} else {
		out = wrapLine(rest, width-ind)
	}
	for i, l := range out {
		out[i] = strings.Repeat(" ", ind) + strings.TrimRight(l, " ")
	}
	return out
}
