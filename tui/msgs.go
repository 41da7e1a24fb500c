package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/unstuck-dev/unstuck/diagnose"
	"github.com/unstuck-dev/unstuck/guides"
)

// Intents: what a screen asks the root to do. The root decides.
type (
	// openTreeMsg starts a guide from its first question.
	openTreeMsg struct{ tree string }
	// openCheckMsg opens the check screen on its own (home).
	openCheckMsg struct{}
	// openExplainMsg opens the error decoder on its own (home).
	openExplainMsg struct{}
	// openVerifyMsg opens "is this really support?" on its own (home).
	openVerifyMsg struct{}
	// openNodeMsg continues in the guide walker at a node. replace drops
	// the current screen first.
	openNodeMsg struct {
		id      string
		crumb   guides.Text
		replace bool
		vals    map[string]string // report numbers for placeholders
		// pasted is what the user pasted on the explain screen (already
		// screened for secrets): a verify check the walk reaches starts
		// with it, so a scam script is checked without pasting it again.
		pasted string
	}
	// nodeCheckMsg: the walker reached a check node; pasted as above.
	nodeCheckMsg struct {
		node   *guides.Node
		pasted string
	}
	// submitTxMsg, submitAccountMsg and submitEndpointMsg start a check.
	submitTxMsg       struct{ q diagnose.Query }
	submitAccountMsg  struct{ q diagnose.Query }
	submitEndpointMsg struct {
		url     string
		claimed uint64
	}
	// refusedMsg: a secret was pasted; the field is already cleared.
	refusedMsg struct{}
	// backMsg: leave the screen, as esc does.
	backMsg struct{}
	// againMsg: check another transaction.
	againMsg struct{}
	// watchMsg turns watching on or off.
	watchMsg struct{ on bool }
	// targetMsg sets the confirmations target.
	targetMsg struct{ target uint64 }
)

// Replies from commands. id ties a reply to the job that asked; replies
// to a job that was cancelled or replaced are dropped.
type (
	checkStartedMsg struct {
		id     int
		events <-chan diagnose.Progress
		done   <-chan checkDoneMsg
	}
	checkProgressMsg struct {
		id int
		p  diagnose.Progress
	}
	checkDoneMsg struct {
		id   int
		rep  *diagnose.Report
		err  error
		late []diagnose.Progress
	}
	lookupDoneMsg struct {
		id   int
		acct *diagnose.AccountReport
		ep   *diagnose.EndpointReport
		err  error
	}
	watchTickMsg struct{ id int }
	watchDoneMsg struct {
		id  int
		rep *diagnose.Report
		err error
	}
	settingsSavedMsg struct{ err error }
	savedMsg         struct {
		path   string // absolute when it could be made so
		exists bool   // a file of that name was there: nothing written
		err    error
	}
	copiedMsg struct{ err error }
)

// emit wraps an intent as a command.
func emit(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
