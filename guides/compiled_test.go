package guides

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"testing"
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

// TestCompiledData fails when data.json.gz no longer matches data/*.yaml;
// with -update it rewrites it.
func TestCompiledData(t *testing.T) {
	want := compileData(t)
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
		if err := os.WriteFile("data.json.gz", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := gunzip(compiledGZ)
	if err != nil {
		t.Fatalf("data.json.gz: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("data.json.gz is stale: run go generate ./guides (go test ./guides -run TestCompiled -update)")
	}
}

// TestCompiledLoadSameAsYAML: Load, reading the compiled data, builds the
// same library as LoadFS reading the YAML.
func TestCompiledLoadSameAsYAML(t *testing.T) {
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

func TestGunzipRefusesGarbage(t *testing.T) {
	if _, err := gunzip([]byte("not gzip")); err == nil {
		t.Fatal("gunzip accepted bytes that are not gzip")
	}
}
