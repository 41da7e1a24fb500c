package tui

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose/secret"
)

// maxInputRunes bounds a text field. It is generous: a field must hold a
// whole pasted keystore or phrase so that the screen sees all of it (a
// cut secret might slip past it); ParseInput refuses long inputs anyway.
const maxInputRunes = 16 << 10

// newInput builds a focused single-line text field styled for the app.
func newInput(st Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = placeholder
	in.CharLimit = maxInputRunes
	in.PromptStyle = st.Selected
	in.TextStyle = st.Text
	in.PlaceholderStyle = st.Subtle
	in.Cursor.Style = st.Text.Reverse(true)
	in.Cursor.TextStyle = st.Text
	in.Focus()
	return in
}

// guardInput passes msg to a text field and screens the text for secrets
// as a field of kind f: what arrives (a keystroke or a whole paste) before
// the field sees it, and the field's whole value after. On a hit the field
// is emptied before anything can draw it, and refused is true. In a field
// for a hash, a link or an address four wordlist words in a row are
// already a hit, so a phrase typed there is cleared at its fourth word.
func guardInput(in textinput.Model, msg tea.Msg, f secret.Field) (out textinput.Model, cmd tea.Cmd, refused bool) {
	if k, ok := msg.(tea.KeyMsg); ok && len(k.Runes) > 0 {
		if _, bad := secret.DetectIn(f, string(k.Runes)); bad {
			in.Reset()
			return in, nil, true
		}
	}
	in, cmd = in.Update(msg)
	if _, bad := secret.DetectIn(f, in.Value()); bad {
		in.Reset()
		return in, nil, true
	}
	return in, cmd, false
}
