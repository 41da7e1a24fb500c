package tui

import (
	"os/exec"
	"strings"
	"testing"
)

// TestSpeaksOnlyCoreTypes makes the layout's rule a fact: the TUI links the
// core and the guides, never a family backend or go-ethereum (DESIGN.md,
// Layout).
func TestSpeaksOnlyCoreTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("go list in -short mode")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, f := range []string{"/diagnose/evm", "/diagnose/tron", "/diagnose/bitcoin", "github.com/ethereum/", "github.com/btcsuite/"} {
			if strings.Contains(pkg, f) {
				t.Errorf("the TUI links %s", pkg)
			}
		}
	}
}
