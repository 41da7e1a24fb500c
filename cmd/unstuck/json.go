package main

import (
	"encoding/json"
	"io"
)

// writeJSON is every command's JSON output: indented, one value, a final
// newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
