package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are the looks of the app, named by meaning. Views use these and
// never raw colours. Every state they mark is also spelled out with a glyph
// or a word, so the app reads the same without colour (NO_COLOR, pipes).
type Styles struct {
	Title    lipgloss.Style // screen titles and headlines
	Text     lipgloss.Style // body text
	Subtle   lipgloss.Style // secondary text: hints, breadcrumbs, labels
	OK       lipgloss.Style // success
	Warn     lipgloss.Style // needs attention
	Fail     lipgloss.Style // failed, refused, errors
	Selected lipgloss.Style // the list item under the cursor
	Banner   lipgloss.Style // the DEMO CHAIN banner
	Label    lipgloss.Style // key-number labels
	Link     lipgloss.Style // explorer links and guide ids
	Code     lipgloss.Style // commands and code in guide answers

	Help help.Styles

	// Profile is the colour profile of the output these styles render to.
	Profile termenv.Profile
	// Dark says whether the terminal background is dark.
	Dark bool
}

// newStyles builds the styles once for the renderer that draws the app:
// its colour profile (NO_COLOR gives termenv.Ascii: no colour, no bold, no
// reverse) and its background.
func newStyles(r *lipgloss.Renderer) Styles {
	c := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	s := Styles{
		Title:    r.NewStyle().Bold(true).Foreground(c("#1a1a6e", "#c9c9ff")),
		Text:     r.NewStyle(),
		Subtle:   r.NewStyle().Foreground(c("#6b6b6b", "#8a8a8a")),
		OK:       r.NewStyle().Bold(true).Foreground(c("#0f7b0f", "#5fd75f")),
		Warn:     r.NewStyle().Bold(true).Foreground(c("#8a5a00", "#ffaf00")),
		Fail:     r.NewStyle().Bold(true).Foreground(c("#b00020", "#ff5f5f")),
		Selected: r.NewStyle().Bold(true).Foreground(c("#5a00b0", "#d7afff")),
		Banner:   r.NewStyle().Bold(true).Reverse(true).Padding(0, 1),
		Label:    r.NewStyle().Foreground(c("#4a4a4a", "#b0b0b0")),
		Link:     r.NewStyle().Underline(true).Foreground(c("#00579b", "#87afff")),
		Code:     r.NewStyle().Foreground(c("#8a3a00", "#ffaf87")),
		Profile:  r.ColorProfile(),
		Dark:     r.HasDarkBackground(),
	}
	key := r.NewStyle().Foreground(c("#3a3a3a", "#d0d0d0"))
	desc := r.NewStyle().Foreground(c("#7a7a7a", "#8a8a8a"))
	sep := r.NewStyle().Foreground(c("#b0b0b0", "#5a5a5a"))
	s.Help = help.Styles{
		Ellipsis:       sep,
		ShortKey:       key,
		ShortDesc:      desc,
		ShortSeparator: sep,
		FullKey:        key,
		FullDesc:       desc,
		FullSeparator:  sep,
	}
	return s
}

// status picks the style for a verdict glyph.
func (s Styles) status(glyph string) lipgloss.Style {
	switch glyph {
	case "✓":
		return s.OK
	case "✗":
		return s.Fail
	case "!":
		return s.Warn
	}
	return s.Subtle
}
