package secret

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsStdlibOnly: the detector links the standard library and the
// base58 codec (itself stdlib-only) and nothing else, so that nothing it
// links could log, send or store what it screens.
func TestImportsStdlibOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	allowed := map[string]bool{
		"github.com/unstuck-dev/unstuck/diagnose/secret": true,
		"github.com/unstuck-dev/unstuck/diagnose/base58": true,
	}
	n := 0
	for _, p := range strings.Fields(string(out)) {
		n++
		if !allowed[p] {
			t.Errorf("links %s", p)
		}
	}
	if n != len(allowed) {
		t.Errorf("go list named %d non-standard packages, want %d", n, len(allowed))
	}
}
