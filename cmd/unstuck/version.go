package main

import "runtime/debug"

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
