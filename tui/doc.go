// Package tui is unstuck's interactive terminal app: a home menu, a guide
// walker that asks one question at a time, a transaction check that shows
// the search happen chain by chain, and a result screen that turns the
// diagnosis into next steps. It follows the Elm architecture of Bubble
// Tea: a root model that handles global keys and the window size and
// forwards everything else to the active screen; screens report intent
// upward as typed messages; every bit of I/O runs in a tea.Cmd.
//
// Text typed or pasted into any input is screened for recovery phrases and
// private keys on every keystroke; a hit clears the field before it is
// drawn and never leaves the model.
package tui
