package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLinksNoTestMachinery: the operator emulator, the simulated
// node and the fault injector are never linked into unstuck.
func TestBinaryLinksNoTestMachinery(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "/diagnose/internal/") || strings.HasSuffix(dep, "/diagnose/simnode") || strings.HasSuffix(dep, "/diagnose/faultproxy") {
			t.Errorf("unstuck links %s", dep)
		}
	}
	if !strings.Contains(string(out), "/diagnose/noderpc") {
		t.Errorf("go list -deps does not list the transport: the test proves nothing\n%s", out)
	}
}
