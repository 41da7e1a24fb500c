package main

import "context"

// homeOptions are the inputs of a bare `unstuck`.
type homeOptions struct {
	// help prints the command line's help, for when not on a terminal.
	help func() error
	tui  tuiOptions
}

// runHome starts the interactive app on a terminal; anything else gets help.
func (a *app) runHome(ctx context.Context, opts homeOptions) error {
	if !a.isTTY() {
		return opts.help()
	}
	return a.runTUI(ctx, opts.tui)
}
