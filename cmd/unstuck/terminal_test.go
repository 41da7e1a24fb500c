package main

import (
	"os"
	"testing"
)

// TestTerminalsNeedsBoth: /dev/null is a character device but no
// terminal; with it as stdin (`unstuck < /dev/null` on a terminal) the app
// must not start, whatever stdout is.
func TestTerminalsNeedsBoth(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	fi, err := null.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	in := os.Stdin
	t.Cleanup(func() { os.Stdin = in })
	os.Stdin = null
	if terminals() {
		t.Errorf("terminals() = true with stdin %s", os.DevNull)
	}
}
