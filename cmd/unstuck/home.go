package main

import "github.com/spf13/cobra"

// runHome starts the interactive app on a terminal; anything else gets help.
func (a *app) runHome(cmd *cobra.Command) error {
	if !a.isTTY() {
		return cmd.Help()
	}
	return a.runTUI(cmd)
}

// runTUIAt opens the interactive app at a guide or a step of one.
func (a *app) runTUIAt(cmd *cobra.Command, id string) error {
	a.startGuide = id
	return a.runTUI(cmd)
}
