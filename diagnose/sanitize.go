package diagnose

import "github.com/unstuck-dev/unstuck/diagnose/revert"

// sanitize makes node-supplied text safe for a terminal.
func sanitize(s string) string { return revert.Sanitize(s) }

func sanitizeAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = sanitize(s)
	}
	return out
}
