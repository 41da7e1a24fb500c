package guides

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
)

// After explaingen (explain_catalogue.go) has rewritten the catalogue:
//go:generate go test -run TestCompiled -update

// compiledGZ is data/*.yaml parsed by LoadFS and written out as
// gzip-compressed JSON, one compiledTree per file in file-name order.
// The YAML stays the source of truth: TestCompiledData rewrites this file
// with -update and fails when it no longer matches the YAML. Compressed
// it is a fifth of the YAML's size in the binary, and the release binary
// links no YAML parser.
//
//go:embed data.json.gz
var compiledGZ []byte

// compiledTree is one guide file as compiledGZ stores it.
type compiledTree struct {
	File string `json:"file"`
	Tree *Tree  `json:"tree"`
}

// maxCompiledSize bounds the decompressed compiled data.
const maxCompiledSize = 8 << 20

// gunzip decompresses b, refusing more than maxCompiledSize bytes.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxCompiledSize+1))
	if err != nil {
		return nil, err
	}
	if len(out) > maxCompiledSize {
		return nil, fmt.Errorf("more than %d bytes decompressed", maxCompiledSize)
	}
	return out, nil
}

// compiledTrees decodes compiledGZ into trees as readTree leaves them.
func compiledTrees() ([]*Tree, error) {
	data, err := gunzip(compiledGZ)
	if err != nil {
		return nil, err
	}
	var files []compiledTree
	if err := json.Unmarshal(data, &files); err != nil {
		return nil, err
	}
	trees := make([]*Tree, 0, len(files))
	for _, f := range files {
		if f.Tree == nil {
			return nil, fmt.Errorf("%s: no tree", f.File)
		}
		for _, n := range f.Tree.Nodes {
			if n == nil {
				return nil, fmt.Errorf("%s: empty node in the nodes list", f.File)
			}
			n.Tree = f.Tree.ID
		}
		f.Tree.file = f.File
		trees = append(trees, f.Tree)
	}
	return trees, nil
}

// catalogueGZ is explain_catalogue.tsv, gzip-compressed (TestCompiledCatalogue).
//
//go:embed explain_catalogue.tsv.gz
var catalogueGZ []byte

// conceptsGZ is explain_concepts.yaml decoded and written out as
// gzip-compressed JSON (TestCompiledConcepts).
//
//go:embed explain_concepts.json.gz
var conceptsGZ []byte
