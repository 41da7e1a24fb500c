package guides

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"
)

// compileData parses data/*.yaml the way LoadFS does and encodes it as
// compiledGZ stores it, before compression.
func compileData(t *testing.T) []byte {
	t.Helper()
	fsys := os.DirFS("data")
	lib, err := LoadFS(fsys)
	if err != nil {
		t.Fatalf("data/*.yaml: %v", err)
	}
	var files []compiledTree
	for _, tr := range lib.trees {
		files = append(files, compiledTree{File: tr.file, Tree: tr})
	}
	// Files in name order, as fs.Glob lists them, not in Trees' order.
	sort.Slice(files, func(i, j int) bool { return files[i].File < files[j].File })
	out, err := json.Marshal(files)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// compileConcepts decodes explain_concepts.yaml as Concepts once did and
// encodes it as conceptsGZ stores it, before compression.
func compileConcepts(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("explain_concepts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var rules []ConceptRule
	if err := yaml.Unmarshal(src, &rules); err != nil {
		t.Fatalf("explain_concepts.yaml: %v", err)
	}
	out, err := json.Marshal(rules)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readSource(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// checkCompiled fails when the embedded gz no longer decompresses to
// want; with -update it rewrites the file instead.
func checkCompiled(t *testing.T, file string, embedded, want []byte) {
	t.Helper()
	if *update {
		var b bytes.Buffer
		zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zw.Write(want); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := gunzip(embedded)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go generate ./guides (or go test ./guides -run TestCompiled -update)", file)
	}
}

// TestCompiledData: data.json.gz is data/*.yaml.
func TestCompiledData(t *testing.T) { checkCompiled(t, "data.json.gz", compiledGZ, compileData(t)) }

// TestCompiledCatalogue: explain_catalogue.tsv.gz is explain_catalogue.tsv.
func TestCompiledCatalogue(t *testing.T) {
	checkCompiled(t, "explain_catalogue.tsv.gz", catalogueGZ, readSource(t, "explain_catalogue.tsv"))
}

// TestCompiledConcepts: explain_concepts.json.gz is explain_concepts.yaml.
func TestCompiledConcepts(t *testing.T) {
	checkCompiled(t, "explain_concepts.json.gz", conceptsGZ, compileConcepts(t))
}

// TestCompiledLoadSameAsYAML: Load, reading the compiled data, builds the
// same library as LoadFS reading the YAML.
func TestCompiledLoadSameAsYAML(t *testing.T) {
	if *update {
		t.Skip("the binary still embeds the data it is rewriting")
	}
	fromYAML, err := LoadFS(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	compiled, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// The explain index is built from these by the same code; its
	// compiled regular expressions do not compare.
	if !reflect.DeepEqual(compiled.trees, fromYAML.trees) || !reflect.DeepEqual(compiled.byID, fromYAML.byID) ||
		!reflect.DeepEqual(compiled.nodes, fromYAML.nodes) || !reflect.DeepEqual(compiled.codes, fromYAML.codes) {
		t.Fatal("Load and LoadFS(data) build different libraries")
	}
}

// TestEmbeddedValid: what Load gives the binary passes the validator, so
// skipping validation at start-up skips nothing a user could meet.
func TestEmbeddedValid(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if problems := lib.Validate(); len(problems) > 0 {
		t.Fatalf("the embedded guides do not validate: %v", problems)
	}
}

func TestGunzipRefusesGarbage(t *testing.T) {
	if _, err := gunzip([]byte("not gzip")); err == nil {
		t.Fatal("gunzip accepted bytes that are not gzip")
	}
}

// BenchmarkLoad is the start-up cost of the guides: Load reading the
// compiled data, against LoadFS parsing the YAML it is compiled from.
func BenchmarkLoad(b *testing.B) {
	b.Run("compiled", func(b *testing.B) {
		for b.Loop() {
			if _, err := Load(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		fsys := os.DirFS("data")
		for b.Loop() {
			if _, err := LoadFS(fsys); err != nil {
				b.Fatal(err)
			}
		}
	})
}
