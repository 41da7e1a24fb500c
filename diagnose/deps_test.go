package diagnose

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreIsChainAgnostic makes the layout's rule a fact: the core imports
// the standard library and its own sub-packages only: no go-ethereum, no
// btcd, nothing of a family backend (DESIGN.md, Layout).
func TestCoreIsChainAgnostic(t *testing.T) {
	if testing.Short() {
		t.Skip("go list in -short mode")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	const self = "github.com/unstuck-dev/unstuck/diagnose"
	for _, pkg := range strings.Fields(string(out)) {
		switch {
		case pkg == self:
		case strings.HasPrefix(pkg, self+"/evm"), strings.HasPrefix(pkg, self+"/tron"), strings.HasPrefix(pkg, self+"/bitcoin"):
			t.Errorf("the core imports a family backend: %s", pkg)
		case !strings.HasPrefix(pkg, self+"/"):
			t.Errorf("the core imports %s: only the standard library and diagnose/... are allowed", pkg)
		}
	}
}
