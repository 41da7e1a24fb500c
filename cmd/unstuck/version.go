package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = ""

// buildVersion is the release version, else the module version from the
// build info, else "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// addVersionFlag gives root a -v/--version flag that prints "unstuck
// <version>" and nothing else, before the arguments are checked, as
// cobra's own flag does. It is ours, not cobra's, because changing what
// cobra's prints takes a template, and a template links text/template's
// reflection, which keeps every exported method in the binary (≈ 2.7 MB).
func addVersionFlag(root *cobra.Command) {
	root.Flags().BoolP("version", "v", false, "version for "+root.Name())
	asked := func(cmd *cobra.Command) bool {
		v, _ := cmd.Flags().GetBool("version")
		return v
	}
	args, run := root.Args, root.RunE
	root.Args = func(cmd *cobra.Command, a []string) error {
		if asked(cmd) || args == nil {
			return nil
		}
		return args(cmd, a)
	}
	root.RunE = func(cmd *cobra.Command, a []string) error {
		if asked(cmd) {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "unstuck %s\n", buildVersion())
			return err
		}
		return run(cmd, a)
	}
}
