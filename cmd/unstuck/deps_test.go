package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/unstuck-dev/unstuck"

// machinery says which test-only package pkg is (the pattern it matches),
// or "" when it is none: the simulated node and its launcher, fault
// proxies, replay servers, operator emulators, the btcd node, the demo
// recorder, and anything of this module under an internal/ directory.
func machinery(pkg string) string {
	if strings.HasPrefix(pkg, module+"/") && strings.Contains(pkg, "/internal/") {
		return "/internal/"
	}
	forbidden := []string{
		"github.com/ethereum/go-ethereum/ethclient/simulated",
		"github.com/ethereum/go-ethereum/eth", // the node itself
		"/simnode", "/faultproxy", "replay", "opemu", "btcdnode",
		"/demo/record",
		"github.com/btcsuite/btcd/mempool", "github.com/btcsuite/btcd/blockchain",
		"github.com/btcsuite/btcd/rpcclient",
	}
	for _, f := range forbidden {
		if pkg == f || (strings.HasPrefix(f, "/") || !strings.Contains(f, ".")) && strings.Contains(pkg, f) {
			return f
		}
	}
	return ""
}

// TestBinaryLinksNoTestMachinery makes "never linked into the binary" a
// fact: the packages the binary is built from hold no test machinery.
func TestBinaryLinksNoTestMachinery(t *testing.T) {
	if testing.Short() {
		t.Skip("go list in -short mode")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	for _, pkg := range deps {
		if m := machinery(pkg); m != "" {
			t.Errorf("the binary links %s (matches %q)", pkg, m)
		}
	}
	// The list is the real one, not an empty or garbled answer.
	for _, want := range []string{module + "/diagnose", module + "/tui", module + "/cmd/unstuck"} {
		if !slices.Contains(deps, want) {
			t.Errorf("go list -deps . does not list %s:\n%s", want, out)
		}
	}
}

// TestLibrariesHoldNoTestMachinery: no importable package of the module
// (neither a command nor internal) depends on test machinery, so none can
// hand it to an importer or to a future command.
func TestLibrariesHoldNoTestMachinery(t *testing.T) {
	if testing.Short() {
		t.Skip("go list in -short mode")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{.Name}} {{join .Deps " "}}`, module+"/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	libraries := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[1] == "main" || machinery(f[0]) != "" {
			continue
		}
		libraries++
		for _, dep := range f[2:] {
			if m := machinery(dep); m != "" {
				t.Errorf("%s depends on %s (matches %q)", f[0], dep, m)
			}
		}
	}
	if libraries < 3 {
		t.Errorf("go list found %d library packages:\n%s", libraries, out)
	}
}
