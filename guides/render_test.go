package guides

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

// update is the package's one golden-file flag: go test ./guides -update
var update = flag.Bool("update", false, "rewrite testdata/dump/*.txt from the embedded content")

// TestRenderDump writes (with -update) or compares the readable dump of
// every tree in both languages: testdata/dump/<tree>.<lang>.txt is where
// reviewers read all the content in one place.
func TestRenderDump(t *testing.T) {
	lib := mustLoad(t)
	want := map[string]bool{}
	for _, tr := range lib.Trees() {
		for _, lang := range Langs() {
			name := tr.ID + "." + string(lang) + ".txt"
			want[name] = true
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := lib.RenderGraph(&buf, tr.ID, lang); err != nil {
					t.Fatal(err)
				}
				got := buf.String()
				checkPlain(t, got)
				for _, n := range tr.Nodes {
					if !strings.Contains(got, "["+n.ID+"]") {
						t.Errorf("node %s missing from the dump", n.ID)
					}
				}
				compareGolden(t, filepath.Join("testdata", "dump", name), got)
			})
		}
	}
	t.Run("index", func(t *testing.T) {
		for _, lang := range Langs() {
			var buf bytes.Buffer
			if err := lib.RenderIndex(&buf, lang); err != nil {
				t.Fatal(err)
			}
			checkPlain(t, buf.String())
			for _, tr := range lib.Trees() {
				if !strings.Contains(buf.String(), tr.ID) || !strings.Contains(buf.String(), tr.Title.Get(lang)) {
					t.Errorf("index (%s) misses tree %s", lang, tr.ID)
				}
			}
			name := "index." + string(lang) + ".txt"
			want[name] = true
			compareGolden(t, filepath.Join("testdata", "dump", name), buf.String())
		}
	})
	files, _ := filepath.Glob("testdata/dump/*.txt")
	for _, f := range files {
		if !want[filepath.Base(f)] {
			t.Errorf("stale dump %s: no tree renders to it (delete it)", f)
		}
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./guides -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is out of date: run go test ./guides -update and review the diff", path)
	}
}

// checkPlain fails on escape codes or other control characters.
func checkPlain(t *testing.T, s string) {
	t.Helper()
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }); i >= 0 {
		t.Fatalf("rendered text has a control character at byte %d: %q", i, s[max(0, i-20):min(len(s), i+20)])
	}
}

func TestRenderUnknownTree(t *testing.T) {
	lib := mustLoad(t)
	var buf bytes.Buffer
	err := lib.RenderGraph(&buf, "nope", En)
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("RenderGraph(nope) error = %v, want one naming the id", err)
	}
}

func TestRenderShowsLinks(t *testing.T) {
	data, err := os.ReadFile("testdata/ok/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lib, errs := build(fstest.MapFS{"t.yaml": {Data: data}}, fixtureCodes())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var buf bytes.Buffer
	if err := lib.RenderGraph(&buf, "fixture", En); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## [q] QUESTION", "  1. Check it → c", "  2. Tell me → a",
		"## [c] CHECK: tx", "  status success → a", "  status unknown → a", "  finding underpriced → a", "  (nothing to paste) → a",
		"## [a] ANSWER: Speed it up", "1. Raise both fees to at least {min_max_fee}.", "Next: Tap Speed up.",
		"For findings: underpriced", `Matches phrases: "fixture phrase"`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("dump lacks %q:\n%s", want, buf.String())
		}
	}
}
