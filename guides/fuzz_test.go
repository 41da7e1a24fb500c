package guides

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to the loader and validator as one tree
// file: they must return problems, never panic.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("id: x\nnodes: [~]\n"))
	f.Add([]byte("nodes:\n  - kind: check\n    routes: {status: {ok: ''}}\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, errs := build(fstest.MapFS{"t.yaml": {Data: data}}, fixtureCodes())
		if lib == nil && len(errs) == 0 {
			t.Fatal("no library and no problems")
		}
		if lib == nil {
			return
		}
		for _, tr := range lib.Trees() {
			for _, lang := range Langs() {
				if err := lib.RenderGraph(discard{}, tr.ID, lang); err != nil {
					t.Fatal(err)
				}
			}
			for _, n := range tr.Nodes {
				lib.Route(n.ID, "success", []string{"underpriced"})
				n.Fill(En, map[string]string{"chain": "x"})
			}
		}
		lib.Explain(string(data), En)
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
