package main

import (
	"context"
	"os"
	"testing"
)

// TestReleaseBinarySize builds unstuck the way a release does
// (.goreleaser.yaml: CGO_ENABLED=0, -trimpath, -ldflags "-s -w") and fails
// when it is over the issues' 15 MB, so the binary cannot grow past it
// unnoticed. BENCHMARKS.md says where the bytes went.
func TestReleaseBinarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the release binary")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	bin, err := build(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stripped release binary: %d bytes (target ≤ %d)", st.Size(), int64(maxStripped*mb))
	if st.Size() > maxStripped*mb {
		t.Fatalf("stripped release binary is %d bytes, over the %d MB target (%d bytes); see BENCHMARKS.md, Size",
			st.Size(), maxStripped, int64(maxStripped*mb))
	}
}
