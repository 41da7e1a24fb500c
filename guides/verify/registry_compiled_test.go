package verify

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// compileRegistry parses channels/*.yaml and patterns.yaml with LoadFS
// and encodes the result as compiledGZ stores it, before compression.
func compileRegistry(t *testing.T) ([]byte, *Registry) {
	t.Helper()
	r, err := LoadFS(os.DirFS("."))
	if err != nil {
		t.Fatalf("registry YAML: %v", err)
	}
	out, err := json.Marshal(compiled{Wallets: r.wallets, Patterns: r.patterns})
	if err != nil {
		t.Fatal(err)
	}
	return out, r
}

// TestCompiledRegistry fails when registry.json.gz no longer matches the
// YAML; with -update it rewrites it.
func TestCompiledRegistry(t *testing.T) {
	want, _ := compileRegistry(t)
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
		if err := os.WriteFile("registry.json.gz", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(compiledGZ))
	if err != nil {
		t.Fatalf("registry.json.gz: %v", err)
	}
	var got bytes.Buffer
	if _, err := got.ReadFrom(zr); err != nil {
		t.Fatalf("registry.json.gz: %v", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatal("registry.json.gz is stale: run go generate ./guides/verify (or go test ./guides/verify -run TestCompiled -update)")
	}
}

// TestCompiledLoadSameAsYAML: Load, reading the compiled registry, builds
// the same registry as LoadFS reading the YAML.
func TestCompiledLoadSameAsYAML(t *testing.T) {
	if *update {
		t.Skip("the binary still embeds the data it is rewriting")
	}
	_, fromYAML := compileRegistry(t)
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, fromYAML) {
		t.Fatal("Load and LoadFS(YAML) build different registries")
	}
}

func TestDecodeCompiledRefusesGarbage(t *testing.T) {
	var c compiled
	if err := decodeCompiled([]byte("not gzip"), &c); err == nil {
		t.Fatal("decodeCompiled accepted bytes that are not gzip")
	}
}
