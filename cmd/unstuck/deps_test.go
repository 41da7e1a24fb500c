package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLinksNoTestMachinery makes "never linked into the binary" a
// fact: the simulated node, fault proxies, replay servers, operator
// emulators, the btcd node and the demo recorder are for tests only.
func TestBinaryLinksNoTestMachinery(t *testing.T) {
	if testing.Short() {
		t.Skip("go list in -short mode")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	forbidden := []string{
		"github.com/ethereum/go-ethereum/ethclient/simulated",
		"github.com/ethereum/go-ethereum/eth", // the node itself
		"/simnode", "/faultproxy", "replay", "opemu", "btcdnode",
		"/demo/record",
		"github.com/btcsuite/btcd/mempool", "github.com/btcsuite/btcd/blockchain",
		"github.com/btcsuite/btcd/rpcclient",
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "/internal/") && strings.HasPrefix(pkg, "github.com/unstuck-dev/unstuck/") {
			t.Errorf("the binary links test machinery %s", pkg)
		}
		for _, f := range forbidden {
			if pkg == f || (strings.HasPrefix(f, "/") || !strings.Contains(f, ".")) && strings.Contains(pkg, f) {
				t.Errorf("the binary links %s (matches %q)", pkg, f)
			}
		}
	}
}
