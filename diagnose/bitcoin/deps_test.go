package bitcoin

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksOnlyAddressCodecs: the backend (and so the binary) takes only
// btcd's bech32 and base58 packages, never the node, and no test
// machinery.
func TestLinksOnlyAddressCodecs(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	allowed := map[string]bool{
		"github.com/btcsuite/btcd/address/v2/base58": true,
		"github.com/btcsuite/btcd/address/v2/bech32": true,
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/btcsuite/") && !allowed[p] {
			t.Errorf("links %s", p)
		}
		if strings.Contains(p, "/internal/") && strings.HasPrefix(p, "github.com/unstuck-dev/") {
			t.Errorf("links test machinery %s", p)
		}
	}
}
