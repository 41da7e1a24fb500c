package guides

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"sync"

	"gopkg.in/yaml.v3"
)

// maxFileSize bounds one content file; real trees are a few tens of KB.
const maxFileSize = 1 << 20

// treeOrder is the order Trees lists the product's trees in.
func treeOrder() []string { return []string{"transfer", "dapp", "safety", "access", "help"} }

// Library is every tree, parsed and indexed. It is read-only after Load.
type Library struct {
	trees []*Tree
	byID  map[string]*Tree
	nodes map[string]*Node
	codes []string // finding codes that must have an answer node

	// explain is what Explain matches against, built on its first use:
	// most runs never explain anything, and start-up should not wait.
	explain func() *explainIndex
}

// Load reads the embedded content: data/*.yaml as compiled into
// data.json.gz (see compiledGZ). It is validated by the tests, which fail
// when the compiled copy differs from the YAML or either does not
// validate (TestCompiledData, TestCompiledLoadSameAsYAML,
// TestEmbeddedValid), so start-up does not validate it again: that was
// half of the load time before the first frame.
func Load() (*Library, error) {
	trees, err := compiledTrees()
	if err != nil {
		return nil, fmt.Errorf("open embedded guides: %w", err)
	}
	return index(trees, FindingCodes()), nil
}

// LoadFS parses every *.yaml file at the root of fsys as one tree and
// validates the result against FindingCodes. It returns every problem
// found, joined, not just the first.
func LoadFS(fsys fs.FS) (*Library, error) {
	lib, problems := build(fsys, FindingCodes())
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	return lib, nil
}

// build parses fsys and, when every file parsed, validates the library
// against codes. It never fails fast: the problems list is complete.
func build(fsys fs.FS, codes []string) (*Library, []error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, []error{&Problem{Kind: ProblemParse, Detail: fmt.Sprintf("list files: %v", err)}}
	}
	if len(names) == 0 {
		return nil, []error{&Problem{Kind: ProblemParse, Detail: "no *.yaml guide files found"}}
	}
	var trees []*Tree
	var problems []error
	for _, name := range names {
		t, err := readTree(fsys, name)
		if err != nil {
			problems = append(problems, &Problem{Kind: ProblemParse, File: name, Detail: err.Error(), Err: err})
			continue
		}
		trees = append(trees, t)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	lib := index(trees, codes)
	return lib, lib.Validate()
}

func readTree(fsys fs.FS, name string) (*Tree, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("file is larger than %d bytes", maxFileSize)
	}
	t, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	t.file = path.Base(name)
	return t, nil
}

// parseTree decodes one tree strictly: unknown fields and trailing
// documents are errors. It never panics, whatever the bytes.
func parseTree(data []byte) (t *Tree, err error) {
	defer func() {
		// yaml.v3 has panicked on hostile input before; content is data
		// and must fail as data.
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("yaml decoder failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var tree Tree
	if err := dec.Decode(&tree); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty file")
		}
		return nil, fmt.Errorf("parse yaml: %w", err)
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, errors.New("parse yaml: more than one document in the file")
	}
	for _, n := range tree.Nodes {
		if n == nil {
			return nil, errors.New("parse yaml: empty node in the nodes list")
		}
		n.Tree = tree.ID
	}
	return &tree, nil
}

// index builds the lookup tables. Duplicates keep the first definition;
// the validator reports them.
func index(trees []*Tree, codes []string) *Library {
	l := &Library{byID: map[string]*Tree{}, nodes: map[string]*Node{}, codes: codes}
	rank := map[string]int{}
	for i, id := range treeOrder() {
		rank[id] = i
	}
	sort.SliceStable(trees, func(i, j int) bool {
		ri, iok := rank[trees[i].ID]
		rj, jok := rank[trees[j].ID]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return trees[i].ID < trees[j].ID
	})
	l.trees = trees
	for _, t := range trees {
		if _, dup := l.byID[t.ID]; !dup {
			l.byID[t.ID] = t
		}
		for _, n := range t.Nodes {
			if _, dup := l.nodes[n.ID]; !dup {
				l.nodes[n.ID] = n
			}
		}
	}
	l.explain = sync.OnceValue(func() *explainIndex {
		// Broken tables fail TestCatalogue* and TestConcept*; matching goes on without them.
		catalogue, _ := Catalogue()
		concepts, _ := Concepts()
		return newExplainIndex(l, catalogue, concepts)
	})
	return l
}

// Trees lists the trees in a stable order: transfer, dapp, safety, access, help,
// then any others by id.
func (l *Library) Trees() []*Tree {
	return append([]*Tree(nil), l.trees...)
}

// Tree looks a tree up by id.
func (l *Library) Tree(id string) (*Tree, bool) {
	t, ok := l.byID[id]
	return t, ok
}

// Node looks a node up by its global id.
func (l *Library) Node(id string) (*Node, bool) {
	n, ok := l.nodes[id]
	return n, ok
}

// Route picks the node a check leads to after it ran: the route of the
// first finding code (in the report's order) that has one, else the route
// of status. For an explain check, call it with StatusNoMatch when Explain
// found nothing (otherwise go to the best match's Guide). ok is false when
// checkNodeID is not a check or neither a finding nor status has a route.
func (l *Library) Route(checkNodeID string, status string, findingCodes []string) (next string, ok bool) {
	n, found := l.nodes[checkNodeID]
	if !found || n.Kind != KindCheck {
		return "", false
	}
	for _, c := range findingCodes {
		if next, ok := n.Routes.Findings[c]; ok && next != "" {
			return next, true
		}
	}
	next, ok = n.Routes.Status[status]
	return next, ok && next != ""
}
