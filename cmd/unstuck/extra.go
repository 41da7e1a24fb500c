package main

import "github.com/spf13/cobra"

// extraCmds are the commands beside check and chains.
func (a *app) extraCmds() []*cobra.Command {
	return []*cobra.Command{a.guideCmd(), a.explainCmd(), a.accountCmd(), a.endpointCmd(), a.demoCmd(), a.verifyCmd()}
}
